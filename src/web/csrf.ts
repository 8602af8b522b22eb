// CSRF tokens bound to what the browser already holds: the session for signed-in pages, a random
// pre-session cookie for the sign-in form. The token is an HMAC of that value, so a page on another origin
// can neither read it nor compute it, and the server keeps no token table.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_FIELD = '_csrf';

export interface Csrf {
  tokenFor: (binding: string) => string;
  isValid: (binding: string | undefined, token: unknown) => boolean;
}

export function createCsrf(key: Buffer = randomBytes(32)): Csrf {
  const tokenFor = (binding: string) => createHmac('sha256', key).update(`csrf:${binding}`).digest('base64url');
  return {
    tokenFor,
    isValid: (binding, token) => {
      if (!binding || typeof token !== 'string' || token.length === 0) return false;
      const expected = Buffer.from(tokenFor(binding));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

export function newPreSessionValue(): string {
  return randomBytes(24).toString('base64url');
}
