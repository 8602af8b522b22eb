// Shapes petitions for the API. A denouncer's identity is shown only to those handling the case
// (DOMAIN.md, "Secrecy"); everyone else sees "công dân" in its place.
import type { Prisma } from '../generated/prisma/client';
import type { Principal } from './access';

export const PETITION_INCLUDE = {
  unit: { select: { id: true, name: true } },
  receivingUnit: { select: { id: true, name: true } },
  assignee: { select: { id: true, fullName: true } },
} satisfies Prisma.PetitionInclude;

type PetitionRow = Prisma.PetitionGetPayload<{ include: typeof PETITION_INCLUDE }>;
type EventRow = Prisma.PetitionEventGetPayload<object>;
type PetitionerRow = Prisma.PetitionerGetPayload<object>;

export const MASKED_NAME = 'công dân';

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

export function toPetitioners(rows: PetitionerRow[], showIdentity: boolean) {
  return rows.map((r) =>
    showIdentity
      ? { fullName: r.fullName, phone: r.phone, email: r.email, address: r.address }
      : { fullName: MASKED_NAME, phone: null, email: null, address: null },
  );
}
