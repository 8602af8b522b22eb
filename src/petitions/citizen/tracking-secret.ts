// The short secret printed on a citizen's receipt beside the tracking code. It is derived (HMAC of the
// petition id under a server key), so nothing extra is stored and a repeated request shows the same one.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/** The receipt key, derived from the configured payload key so one secret is managed. */
export function deriveTrackingKey(payloadKey: Buffer): Buffer {
  return createHash('sha256').update('danvan-tracking').update(payloadKey).digest();
}

export function trackingSecretFor(key: Buffer, petitionId: string): string {
  const mac = createHmac('sha256', key).update(`tracking:${petitionId}`).digest();
  return Array.from(mac.subarray(0, LENGTH), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function isTrackingSecretValid(key: Buffer, petitionId: string, given: string): boolean {
  const expected = Buffer.from(trackingSecretFor(key, petitionId));
  const actual = Buffer.from(given.trim().toUpperCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
