// Petitioners registered before match keys existed (or keyed under an earlier PETITIONER_MATCH_KEY) are
// invisible to the duplicate check: this keys them, in batches, once per service start. A sealed identity
// is opened here, in memory, only to compute its keys; neither it nor any facet is logged or returned.
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/prisma';
import { openIdentity, type Identity } from '../../org/identity-seal';
import { deriveMatchKey, matchKeyFingerprint, petitionerMatchKeys } from './petitioner-keys';

export interface MatchKeyBackfillDeps {
  prisma: PrismaClient;
  identityKey: Buffer;
  /** PETITIONER_MATCH_KEY; derived from the identity key when absent, as registration derives it. */
  matchKey?: Buffer;
}

export interface MatchKeyBackfillOptions {
  batchSize?: number;
  /** Checked between batches: a stopping service does not wait for the whole table. */
  isStopping?: () => boolean;
}

export interface MatchKeyBackfillResult {
  /** Rows found keyed under no key or another one. */
  checked: number;
  /** Rows given this key's match keys. */
  keyed: number;
  /** Sealed identities that did not open under the identity key: left as they are, tried on the next start. */
  unreadable: number;
}

export async function backfillMatchKeys(
  deps: MatchKeyBackfillDeps,
  options: MatchKeyBackfillOptions = {},
  logger?: Logger,
): Promise<MatchKeyBackfillResult> {
  const matchKey = deps.matchKey ?? deriveMatchKey(deps.identityKey);
  const fingerprint = matchKeyFingerprint(matchKey);
  const batchSize = options.batchSize ?? 200;
  const result: MatchKeyBackfillResult = { checked: 0, keyed: 0, unreadable: 0 };
  // Keyset by id: the rows left unreadable are behind the cursor, so a batch never finds them again.
  let after = '';
  for (;;) {
    if (options.isStopping?.()) break;
    const rows = await deps.prisma.petitioner.findMany({
      where: {
        id: { gt: after },
        OR: [{ matchKeyedWith: null }, { matchKeyedWith: { not: fingerprint } }],
      },
      select: {
        id: true,
        matchKeyedWith: true,
        fullName: true,
        phone: true,
        email: true,
        address: true,
        sealedIdentity: true,
      },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    result.checked += rows.length;
    for (const row of rows) {
      const identity = identityOf(deps.identityKey, row);
      if (!identity) {
        result.unreadable += 1;
        continue;
      }
      // Conditional on the marker read: a row keyed meanwhile (a concurrent start) is not counted twice.
      const { count } = await deps.prisma.petitioner.updateMany({
        where: { id: row.id, matchKeyedWith: row.matchKeyedWith },
        data: { matchKeys: petitionerMatchKeys(matchKey, identity), matchKeyedWith: fingerprint },
      });
      result.keyed += count;
    }
  }
  if (result.keyed || result.unreadable) logger?.info({ ...result }, 'petitioners keyed for the duplicate check');
  if (result.unreadable)
    logger?.warn({ unreadable: result.unreadable }, 'sealed identities that did not open were left without match keys');
  return result;
}

function identityOf(
  identityKey: Buffer,
  row: {
    fullName: string;
    phone: string | null;
    email: string | null;
    address: string | null;
    sealedIdentity: string | null;
  },
): Identity | null {
  if (!row.sealedIdentity) return row;
  try {
    return openIdentity(identityKey, row.sealedIdentity);
  } catch {
    return null;
  }
}
