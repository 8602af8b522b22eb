// Reception sessions: what officers and leaders do at and around a session (register citizens, record
// matters, postpone, delegate, close with minutes) and what the public may read. Every change goes to the
// session's workflow as an Update; the database keeps the personal data the workflow never sees.
import { isUniqueViolation, type PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import { UpdatePending } from '../platform/temporal/start-once';
import { localDayOf, parseDay } from '../domain/calendar/day';
import { followSessionAction, sendSessionAction, type SessionAction, type SessionSnapshot } from './client';
import {
  personHoldsRoleOver,
  readableUnits,
  requireReadable,
  requireRoleOn,
  UnitTree,
  type Principal,
} from '../org/access';
import { workingCalendarFor } from '../calendar/calendar-store';
import { createPetition, loadReadable, type PetitionServiceDeps } from '../petitions/petitions';
import type { CreatePetitionInput } from '../petitions/inputs';
import { MASKED_NAME } from '../org/identity-seal';
import { nowFrom } from '../platform/runtime/clock';

export type SessionDeps = PetitionServiceDeps;

async function loadSession(prisma: PrismaClient, id: string) {
  const session = await prisma.receptionSession.findUnique({ where: { id } });
  if (!session) throw new AppError('NotFound', `no reception session ${id}`);
  return session;
}

/** With an update id of the caller's (from its Idempotency-Key, or the row it wrote) a repeat is the same Update. */
const act = (
  deps: SessionDeps,
  sessionId: string,
  action: SessionAction,
  updateId?: string,
): Promise<SessionSnapshot> => sendSessionAction(deps, sessionId, action, updateId);
const keyedUpdateId = (sessionId: string, idempotencyKey?: string) =>
  idempotencyKey ? `${sessionId}:${idempotencyKey}` : undefined;

/** An action answered pending earlier, to whoever may read the session. */
export async function getSessionAction(deps: SessionDeps, principal: Principal, sessionId: string, updateId: string) {
  const session = await loadSession(deps.prisma, sessionId);
  requireReadable(principal, await UnitTree.load(deps.prisma), session.unitId, 'session');
  return followSessionAction(deps, sessionId, updateId);
}

function requireNotClosed(session: { status: string }): void {
  if (session.status === 'closed') throw new AppError('Conflict', 'the session is closed');
}

export async function listSessions(
  deps: SessionDeps,
  principal: Principal,
  query: { unitId?: string; from?: string; to?: string; status?: string },
) {
  const tree = await UnitTree.load(deps.prisma);
  const readable = [...readableUnits(principal, tree)];
  const units = query.unitId ? readable.filter((u) => tree.subtreeOf(query.unitId!).includes(u)) : readable;
  const rows = await deps.prisma.receptionSession.findMany({
    where: {
      unitId: { in: units },
      ...(query.status ? { status: query.status } : {}),
      ...(query.from || query.to
        ? { day: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } }
        : {}),
    },
    include: { _count: { select: { registrations: true, matters: true } } },
    orderBy: { day: 'asc' },
    take: 500,
  });
  return {
    items: rows.map(({ _count, minutes: _minutes, ...s }) => ({
      ...s,
      registrations: _count.registrations,
      matters: _count.matters,
    })),
  };
}

export async function getSession(deps: SessionDeps, principal: Principal, id: string) {
  const session = await loadSession(deps.prisma, id);
  const tree = await UnitTree.load(deps.prisma);
  requireReadable(principal, tree, session.unitId, 'session');
  const [events, matters, registrations] = await Promise.all([
    deps.prisma.receptionEvent.findMany({ where: { sessionId: id }, orderBy: { at: 'asc' } }),
    deps.prisma.receptionMatter.findMany({ where: { sessionId: id }, orderBy: { createdAt: 'asc' } }),
    deps.prisma.receptionRegistration.findMany({
      where: { sessionId: id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, fullName: true, topic: true, createdAt: true },
    }),
  ]);
  return {
    ...session,
    timeline: events.map((e) => ({
      type: e.type,
      at: e.at.toISOString(),
      actorId: e.actorId,
      note: e.note,
      data: e.data,
    })),
    matters,
    registrations,
  };
}

/** A citizen registers to be received (no login), before the schedule's cut-off. */
export async function registerCitizen(
  deps: SessionDeps,
  sessionId: string,
  input: { fullName: string; email?: string; phone?: string; topic?: string },
) {
  const session = await loadSession(deps.prisma, sessionId);
  if (session.status !== 'announced') throw new AppError('Conflict', 'registration for this session is closed');
  const schedule = await deps.prisma.receptionSchedule.findUnique({ where: { id: session.scheduleId } });
  const todayDay = localDayOf(nowFrom(deps).getTime());
  if (schedule?.registrationCutoffDays && todayDay > parseDay(session.day) - schedule.registrationCutoffDays) {
    throw new AppError(
      'Conflict',
      `registration closed ${schedule.registrationCutoffDays} day(s) before the session / đã hết hạn đăng ký`,
    );
  }
  const row = await deps.prisma.receptionRegistration.create({
    data: {
      sessionId,
      fullName: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      topic: input.topic ?? null,
    },
  });
  try {
    await act(deps, sessionId, { action: 'registered', registrationId: row.id });
  } catch (error) {
    // The session opened in between: the registration is not kept. An Update still pending is kept by the
    // server and applies later, so its registration must stay for it.
    if (!(error instanceof UpdatePending)) await deps.prisma.receptionRegistration.delete({ where: { id: row.id } });
    throw error;
  }
  return {
    id: row.id,
    sessionId,
    day: session.day,
    startsAt: session.startsAt.toISOString(),
    location: session.location,
  };
}

export async function postponeSession(
  deps: SessionDeps,
  principal: Principal,
  sessionId: string,
  input: { day: string; reason: string },
) {
  const session = await loadSession(deps.prisma, sessionId);
  requireNotClosed(session);
  await requireRoleOn(deps.prisma, principal, session.unitId, ['leader'], 'postponing a reception session');
  const day = parseDay(input.day);
  const calendar = await workingCalendarFor(deps.prisma, new Date(input.day).getUTCFullYear());
  if (!calendar.isWorkingDay(day)) throw invalidField('day', 'not a working day');
  return act(deps, sessionId, {
    action: 'postpone',
    day: input.day,
    reason: input.reason,
    actorId: principal.personId,
  });
}

export async function delegateSession(
  deps: SessionDeps,
  principal: Principal,
  sessionId: string,
  input: { deputyId?: string; reason: string },
) {
  const session = await loadSession(deps.prisma, sessionId);
  requireNotClosed(session);
  const tree = await requireRoleOn(
    deps.prisma,
    principal,
    session.unitId,
    ['leader'],
    'delegating a reception session',
  );
  const deputyId =
    input.deputyId ?? (await deps.prisma.receptionSchedule.findUnique({ where: { id: session.scheduleId } }))?.deputyId;
  if (!deputyId) throw invalidField('deputyId', 'name the deputy (the schedule has none)');
  if (!(await personHoldsRoleOver(deps.prisma, tree, deputyId, session.unitId, 'leader'))) {
    throw invalidField('deputyId', `not an active leader of unit ${session.unitId}`);
  }
  return act(deps, sessionId, { action: 'delegate', deputyId, reason: input.reason, actorId: principal.personId });
}

export interface MatterInput {
  citizenName?: string;
  summary: string;
  field: string;
  outcome: 'answered' | 'petition' | 'explained';
  answer?: string;
  petition?: Pick<CreatePetitionInput, 'kind' | 'subject' | 'body' | 'petitioners'>;
  /** A petition already filed that the citizen came about: the matter is linked to it, and its case page to the session. */
  petitionTrackingCode?: string;
}

/** The petition of that tracking code, if the officer may read it; otherwise the field is refused, saying nothing more. */
async function linkedPetition(deps: SessionDeps, principal: Principal, trackingCode: string) {
  const row = await deps.prisma.petition.findUnique({ where: { trackingCode }, select: { id: true } });
  const readable = row
    ? await loadReadable(deps, principal, row.id).then(
        () => true,
        () => false,
      )
    : false;
  if (!row || !readable)
    throw invalidField('petitionTrackingCode', 'no petition with this tracking code that you may read');
  return row.id;
}

/** A matter raised at the session: answered on the spot, registered as a petition (its workflow starts, linked here), or explained. */
export async function recordMatter(
  deps: SessionDeps,
  principal: Principal,
  sessionId: string,
  input: MatterInput,
  idempotencyKey?: string,
) {
  const session = await loadSession(deps.prisma, sessionId);
  // A retried POST (its answer lost to a fault) finds the matter it wrote and only finishes the Update: the
  // petition it registered is found by the same key too, so nothing is recorded twice.
  const findKeyed = () =>
    deps.prisma.receptionMatter.findUnique({
      where: { sessionId_idempotencyKey: { sessionId, idempotencyKey: idempotencyKey! } },
    });
  const prior = idempotencyKey ? await findKeyed() : null;
  if (prior) {
    await requireRoleOn(deps.prisma, principal, session.unitId, ['officer', 'leader'], 'recording a matter');
    return finishMatter(deps, sessionId, prior);
  }
  requireNotClosed(session);
  await requireRoleOn(deps.prisma, principal, session.unitId, ['officer', 'leader'], 'recording a matter');
  if (session.status !== 'open') throw new AppError('Conflict', 'the session is not open');
  if (input.outcome === 'petition' && !input.petition)
    throw invalidField('petition', 'required when the outcome is petition');
  if (input.outcome !== 'petition' && !input.answer)
    throw invalidField('answer', 'what was answered or explained is recorded');
  if (input.outcome === 'petition' && input.petitionTrackingCode)
    throw invalidField('petitionTrackingCode', 'a new petition or one already filed, not both');
  let petitionId: string | undefined;
  let trackingCode: string | undefined;
  if (input.petitionTrackingCode) {
    petitionId = await linkedPetition(deps, principal, input.petitionTrackingCode);
    trackingCode = input.petitionTrackingCode;
  }
  if (input.outcome === 'petition') {
    const created = await createPetition(
      deps,
      principal,
      {
        ...input.petition!,
        receivingUnitId: session.unitId,
        channel: 'reception_day',
        field: input.field,
        receivedAt: new Date(nowFrom(deps)).toISOString(),
      },
      idempotencyKey ? `reception:${idempotencyKey}` : undefined,
    );
    petitionId = created.id;
    trackingCode = created.trackingCode;
    await deps.prisma.petition.update({ where: { id: petitionId }, data: { receptionSessionId: sessionId } });
  }
  // A denouncer's name is sealed in the petition; the matter keeps "công dân" (Luật Tố cáo Đ.47).
  const citizenName =
    input.petition?.kind === 'denunciation' && input.citizenName ? MASKED_NAME : (input.citizenName ?? null);
  let matter;
  try {
    matter = await deps.prisma.receptionMatter.create({
      data: {
        sessionId,
        citizenName,
        summary: input.summary,
        field: input.field,
        outcome: input.outcome,
        answer: input.answer ?? null,
        petitionId: petitionId ?? null,
        recordedById: principal.personId,
        idempotencyKey: idempotencyKey ?? null,
      },
    });
  } catch (error) {
    // The same key sent twice at once: the other request wrote the matter; this one answers the same way.
    const raced = idempotencyKey && isUniqueViolation(error) ? await findKeyed() : null;
    if (raced) return finishMatter(deps, sessionId, raced);
    throw error;
  }
  return finishMatter(deps, sessionId, matter, trackingCode);
}

type MatterRow = Awaited<ReturnType<PrismaClient['receptionMatter']['create']>>;

/** The session counts a written matter, under an Update id of the matter's own: a resend is the same Update. */
async function finishMatter(deps: SessionDeps, sessionId: string, matter: MatterRow, trackingCode?: string) {
  const code =
    trackingCode ??
    (matter.petitionId
      ? (await deps.prisma.petition.findUnique({ where: { id: matter.petitionId }, select: { trackingCode: true } }))
          ?.trackingCode
      : undefined);
  const snapshot = await act(
    deps,
    sessionId,
    {
      action: 'recordMatter',
      matterId: matter.id,
      outcome: matter.outcome as MatterInput['outcome'],
      ...(matter.petitionId ? { petitionId: matter.petitionId } : {}),
      actorId: matter.recordedById,
    },
    `${sessionId}:matter:${matter.id}`,
  );
  return {
    matter: {
      id: matter.id,
      outcome: matter.outcome,
      petitionId: matter.petitionId,
      trackingCode: code ?? null,
    },
    session: snapshot,
  };
}

export async function closeSession(
  deps: SessionDeps,
  principal: Principal,
  sessionId: string,
  input: { minutes: string; attendeeCount: number },
  idempotencyKey?: string,
) {
  const session = await loadSession(deps.prisma, sessionId);
  requireNotClosed(session);
  await requireRoleOn(deps.prisma, principal, session.unitId, ['officer', 'leader'], 'closing a reception session');
  if (session.status !== 'open') throw new AppError('Conflict', 'the session is not open');
  await deps.prisma.receptionSession.update({ where: { id: sessionId }, data: { minutes: input.minutes } });
  return act(
    deps,
    sessionId,
    { action: 'close', attendeeCount: input.attendeeCount, actorId: principal.personId },
    keyedUpdateId(sessionId, idempotencyKey),
  );
}

/** Public notices (announcements, postponements), newest first; no login. */
export async function publicNotices(prisma: PrismaClient, query: { unitId?: string }) {
  const rows = await prisma.publicNotice.findMany({
    where: query.unitId ? { unitId: query.unitId } : {},
    orderBy: { publishedAt: 'desc' },
    take: 100,
  });
  return {
    items: rows.map((n) => ({
      id: n.id,
      unitId: n.unitId,
      sessionId: n.sessionId,
      title: n.title,
      body: n.body,
      publishedAt: n.publishedAt.toISOString(),
    })),
  };
}
