// The identity-access log of a case: every opening of a denouncer's sealed identity or of a sealed document
// (who, when, why, and whether it was a document). It says who looked, never what they saw.
import type { PrismaClient } from '../platform/db/prisma';
import type { Principal } from '../org/access';
import type { ReadableCase } from './documents/case-access';
import { canSeeIdentity } from './petition-views';

export interface IdentityAccessEntry {
  at: string;
  person: { id: string; fullName: string };
  reason: string;
  /** Set when a sealed document was opened rather than the petitioners' identities. */
  documentId: string | null;
}

/**
 * Who may read the log: those who handle the case as a denunciation's identity is handled (the assigned and
 * the registering officer, a leader over the unit; canSeeIdentity), and every supervisor over the unit — the
 * log is what a supervisor checks openings against, so it needs no identity grant, as it holds no identity.
 * The rule is the denunciation's for every kind: on a complaint anyone reading the case may see the
 * petitioners, but not the trail of who opened its sealed documents.
 */
export function mayReadIdentityAccessLog(principal: Principal, c: ReadableCase): boolean {
  if (c.roles.includes('supervisor')) return true;
  return canSeeIdentity({ ...c.petition, kind: 'denunciation' }, principal, c.roles);
}

/** The log, oldest first, or null when the caller may not read it (it is then left out, not refused). */
export async function identityAccessLog(
  prisma: PrismaClient,
  principal: Principal,
  c: ReadableCase,
): Promise<IdentityAccessEntry[] | null> {
  if (!mayReadIdentityAccessLog(principal, c)) return null;
  const rows = await prisma.identityAccess.findMany({
    where: { petitionId: c.petition.id },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const people = await prisma.person.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.personId))] } },
    select: { id: true, fullName: true },
  });
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    person: { id: r.personId, fullName: names.get(r.personId) ?? r.personId },
    reason: r.reason,
    documentId: r.documentId,
  }));
}
