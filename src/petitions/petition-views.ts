// Shapes petitions for the API. A denouncer's identity is shown only to those handling the case
// (DOMAIN.md, "Secrecy"); everyone else sees "công dân" in its place.
import type { Prisma } from '../generated/prisma/client';
import type { Principal } from '../org/access';

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

export function canSeeIdentity(p: PetitionRow, principal: Principal, rolesOnUnit: string[]): boolean {
  if (p.kind !== 'denunciation') return true;
  return p.assigneeId === principal.personId || p.createdById === principal.personId || rolesOnUnit.includes('leader');
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

export function toTimeline(events: EventRow[], names: Map<string, string>) {
  return events.map((e) => ({
    at: e.at.toISOString(),
    type: e.type,
    actor: e.actorId ? { id: e.actorId, fullName: names.get(e.actorId) ?? e.actorId } : null,
    stageFrom: e.stageFrom,
    stageTo: e.stageTo,
    note: e.note,
    data: e.data ?? null,
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
      return { fullName: id.fullName, phone: id.phone ?? null, email: id.email ?? null, address: id.address ?? null, identitySealed: true };
    }
    return showIdentity ? { fullName: r.fullName, phone: r.phone, email: r.email, address: r.address } : MASKED;
  });
}
