// Shapes petitions for the API. A denouncer's identity is shown only to those handling the case
// (DOMAIN.md, "Secrecy"); everyone else sees "công dân" in its place.
import type { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db/prisma';
import { rolesOver, type Principal, type UnitTree } from '../org/access';
import { holdsIdentityGrant } from '../org/identity-grants';

export const PETITION_INCLUDE = {
  unit: { select: { id: true, name: true } },
  receivingUnit: { select: { id: true, name: true } },
  assignee: { select: { id: true, fullName: true } },
} satisfies Prisma.PetitionInclude;

type PetitionRow = Prisma.PetitionGetPayload<{ include: typeof PETITION_INCLUDE }>;
type EventRow = Prisma.PetitionEventGetPayload<object>;
type PetitionerRow = Prisma.PetitionerGetPayload<object>;

import { MASKED_NAME, openIdentity } from '../org/identity-seal';

export { MASKED_NAME };

type IdentityFacts = Pick<PetitionRow, 'id' | 'kind' | 'unitId' | 'assigneeId' | 'createdById'>;

export function canSeeIdentity(
  p: Omit<IdentityFacts, 'id' | 'unitId'>,
  principal: Principal,
  rolesOnUnit: string[],
): boolean {
  if (p.kind !== 'denunciation') return true;
  return p.assigneeId === principal.personId || p.createdById === principal.personId || rolesOnUnit.includes('leader');
}

/** Whether the person may see this petition's petitioners: handling it, or a supervisor holding a live grant. */
export async function entitledToIdentity(
  prisma: PrismaClient,
  tree: UnitTree,
  principal: Principal,
  p: IdentityFacts,
): Promise<boolean> {
  const roles = rolesOver(principal, p.unitId, tree);
  if (canSeeIdentity(p, principal, roles)) return true;
  return roles.includes('supervisor') && (await holdsIdentityGrant(prisma, tree, principal.personId, p));
}

export function toListItem(p: PetitionRow, now: Date) {
  return {
    id: p.id,
    trackingCode: p.trackingCode,
    kind: p.kind,
    channel: p.channel,
    field: p.field,
    subject: p.subject,
    stage: p.stage,
    unit: p.unit,
    assignee: p.assignee,
    receivedAt: p.receivedAt.toISOString(),
    escalated: p.escalated,
    forwardCount: p.forwardCount,
    isMass: p.isMass,
    nextDeadline:
      p.dueAt && p.currentClock
        ? {
            clock: p.currentClock,
            dueAt: p.dueAt.toISOString(),
            overdue: p.dueAt.getTime() < now.getTime(),
            nextReminder: p.nextReminderAt ? { at: p.nextReminderAt.toISOString() } : null,
          }
        : null,
  };
}

/**
 * The domain timeline. The `received` entry is dated when the unit received the petition (`receivedAt`,
 * from which every deadline runs), not when it was typed in; the registration time stays in its data.
 */
export function toTimeline(events: EventRow[], names: Map<string, string>, receivedAt?: Date) {
  return events.map((e) => ({
    at: (e.type === 'received' && receivedAt ? receivedAt : e.at).toISOString(),
    type: e.type,
    actor: e.actorId ? { id: e.actorId, fullName: names.get(e.actorId) ?? e.actorId } : null,
    stageFrom: e.stageFrom,
    stageTo: e.stageTo,
    note: e.note,
    data:
      e.type === 'received' && receivedAt
        ? { ...(e.data && typeof e.data === 'object' ? e.data : {}), registeredAt: e.at.toISOString() }
        : (e.data ?? null),
  }));
}

const MASKED = { fullName: MASKED_NAME, phone: null, email: null, address: null };

/**
 * Petitioners as the caller may see them. A sealed identity is opened only when `open` carries the key
 * (the caller is entitled and asked, and the reading was recorded); otherwise it stays "công dân".
 */
export function toPetitioners(rows: PetitionerRow[], showIdentity: boolean, open?: { identityKey: Buffer }) {
  return rows.map((r) => {
    if (r.sealedIdentity) {
      if (!open) return { ...MASKED, identitySealed: true };
      const id = openIdentity(open.identityKey, r.sealedIdentity);
      return {
        fullName: id.fullName,
        phone: id.phone ?? null,
        email: id.email ?? null,
        address: id.address ?? null,
        identitySealed: true,
      };
    }
    return showIdentity ? { fullName: r.fullName, phone: r.phone, email: r.email, address: r.address } : MASKED;
  });
}
