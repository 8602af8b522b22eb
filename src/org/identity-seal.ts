// Sealing a denouncer's identity at rest (Luật Tố cáo 2018, Đ.47: it is secret). AES-256-GCM under a
// key of its own; the plain columns keep only "công dân".
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { foldName } from '../domain/petitioner/petitioner-name';

export interface Identity {
  fullName: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export const MASKED_NAME = 'công dân';

/** The identity key, derived from the configured payload key so one secret is managed. */
export function deriveIdentityKey(payloadKey: Buffer): Buffer {
  return createHash('sha256').update('danvan-identity').update(payloadKey).digest();
}

export function sealIdentity(key: Buffer, identity: Identity): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = Buffer.from(
    JSON.stringify({
      fullName: identity.fullName,
      phone: identity.phone ?? null,
      email: identity.email ?? null,
      address: identity.address ?? null,
    }),
  );
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export function openIdentity(key: Buffer, sealed: string): Identity {
  const data = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return JSON.parse(
    Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8'),
  ) as Identity;
}

/**
 * A sealed denouncer's full name as a keyed hash (HMAC under a key of its own, derived from the identity
 * key): an entitled officer can find the case by typing the whole name, while the stored value reveals
 * nothing without the key and matches no part of a name.
 */
export function sealedNameHash(identityKey: Buffer, fullName: string): string {
  const key = createHash('sha256').update('danvan-sealed-name-search').update(identityKey).digest();
  return createHmac('sha256', key).update(foldName(fullName)).digest('base64url');
}
