// The same petitioner across petitions, found without opening a sealed identity (Luật Tố cáo 2018 Đ.47):
// each normalised facet of an identity is kept only as HMAC-SHA256 under a key of its own
// (PETITIONER_MATCH_KEY), so equal facets give equal keys and the keys reveal nothing without the secret.
// The facet name stays in plain text in front of the hash: the reason shown is "same phone", never the phone.
import { createHash, createHmac } from 'node:crypto';
import { foldText, type PetitionerFacet } from '../../domain/petition/duplicate-match';
import type { Identity } from '../../org/identity-seal';

/**
 * When no PETITIONER_MATCH_KEY is configured: derived from the identity key (itself derived from the
 * payload key). Every path that registers a petition uses the same one, or nothing would match.
 */
export function deriveMatchKey(identityKey: Buffer): Buffer {
  return createHash('sha256').update('danvan-petitioner-match').update(identityKey).digest();
}

/**
 * Names the match key without revealing it, stored beside the keys it made: a row keyed under another
 * key (none yet, or PETITIONER_MATCH_KEY changed) is one the backfill must key again.
 */
export function matchKeyFingerprint(matchKey: Buffer): string {
  return createHash('sha256')
    .update('danvan-petitioner-match-key-id')
    .update(matchKey)
    .digest('base64url')
    .slice(0, 16);
}

/** Vietnamese numbers as dialled: +84 / 84 / 0 prefixes are one number. */
function normalisePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (digits.length > 0 && !digits.startsWith('0')) digits = `0${digits}`;
  return digits.length >= 9 ? digits : null;
}

function facetsOf(identity: Identity): [PetitionerFacet, string][] {
  const out: [PetitionerFacet, string][] = [];
  const phone = identity.phone ? normalisePhone(identity.phone) : null;
  if (phone) out.push(['phone', phone]);
  const email = identity.email?.trim().toLowerCase();
  if (email) out.push(['email', email]);
  const name = foldText(identity.fullName ?? '');
  const address = foldText(identity.address ?? '');
  // A name alone is shared by many (Nguyễn Văn A); with the address it is one person.
  if (name && address) out.push(['name-address', `${name}|${address}`]);
  return out;
}

export function petitionerMatchKeys(key: Buffer, identity: Identity): string[] {
  return facetsOf(identity).map(
    ([facet, value]) => `${facet}:${createHmac('sha256', key).update(`${facet}\n${value}`).digest('base64url')}`,
  );
}

export function facetOfKey(matchKey: string): PetitionerFacet {
  return matchKey.slice(0, matchKey.indexOf(':')) as PetitionerFacet;
}
