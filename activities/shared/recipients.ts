// "The person, or the unit's responsible leader" (DOMAIN.md: each locality has one), as every feature's
// e-mail resolves it. Someone no longer active gets nothing: their post is someone else's now.
import type { PrismaClient } from '../../src/platform/db/prisma';

export type StaffRecipientRef = { type: 'person'; personId: string } | { type: 'unitLeader'; unitId: string };

export interface StaffRecipient {
  /** Appended to the step's key, so each recipient's e-mail is claimed on its own. */
  keySuffix: string;
  personId: string;
  name: string;
  address: string;
}

export async function resolveStaffRecipient(
  prisma: PrismaClient,
  ref: StaffRecipientRef,
): Promise<StaffRecipient | null> {
  const personId =
    ref.type === 'person'
      ? ref.personId
      : (await prisma.unit.findUnique({ where: { id: ref.unitId } }))?.responsibleLeaderId;
  if (!personId) return null;
  const person = await prisma.person.findUnique({ where: { id: personId } });
  if (!person?.active) return null;
  return { keySuffix: `p${person.id}`, personId: person.id, name: person.fullName, address: person.email };
}
