import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: the code is read aloud over the phone and copied from paper receipts.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A citizen-facing tracking code such as "DV-7KQ2-MX9P": short, unambiguous, not guessable in sequence. */
export function generateTrackingCode(): string {
  const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `DV-${pick(4)}-${pick(4)}`;
}
