// Activities of the reception workflows. Each write is keyed by workflow id + step, so a retried
// activity writes no second row and sends no second e-mail.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { sendMailOnce } from './send-mail-once';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '../src/platform/db/prisma';
import type { CalendarYear } from '../src/domain/calendar/holidays';
import type { Mailer } from '../src/platform/mail/mailer';
import { renderIcs } from '../src/platform/mail/ics';
import { renderReceptionMail, renderReceptionNotice, type ReceptionTemplate } from '../src/reception/templates';
import { calendarYearsFrom } from '../src/calendar/calendar-store';
import { RECEPTION_SESSION_WORKFLOW_TYPE, type ReceptionSessionInput } from '../workflows/reception/messages';
import { CONFERENCE_WORKFLOW_TYPE, type ConferenceInput } from '../workflows/conference/messages';

export interface ReceptionActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  appUrl: string;
  /** Starts each session's workflow (on the task queue of the cycle that asks). */
  temporal?: Client;
  /** Results deadline and reminders of conferences created from a schedule. */
  conferencePolicy?: { resultsWithinDays: number; remindResultsBeforeDays: number };
}

export interface SessionRowSnapshot {
  sessionId: string;
  scheduleId: string;
  unitId: string;
  nominalDay: string;
  day: string;
  startsAt: string;
  durationMinutes: number;
  status: string;
  leaderId: string;
  receivingLeaderId: string;
  jointUnitIds: string[];
  location: string;
  attendeeCount: number | null;
  postponements: number;
  version: number;
}

export interface RecordReceptionSessionInput {
  key: string;
  snapshot: SessionRowSnapshot;
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export type ReceptionRecipient =
  | { type: 'person'; personId: string }
  | { type: 'unitLeader'; unitId: string }
  | { type: 'registrants' }
  | { type: 'registration'; registrationId: string };

export interface SendReceptionMailInput {
  key: string;
  sessionId: string;
  template: ReceptionTemplate;
  recipient: ReceptionRecipient;
  data?: Record<string, string>;
  /** Attach the session as an .ics invitation. */
  invitation?: boolean;
}

export function createReceptionActivities(deps: ReceptionActivityDeps) {
  const { prisma } = deps;

  async function loadCalendarYears(input: { fromYear: number }): Promise<CalendarYear[]> {
    return calendarYearsFrom(prisma, input.fromYear);
  }

  async function recordReceptionSession(input: RecordReceptionSessionInput): Promise<void> {
    const s = input.snapshot;
    const row = {
      scheduleId: s.scheduleId,
      unitId: s.unitId,
      nominalDay: s.nominalDay,
      day: s.day,
      startsAt: new Date(s.startsAt),
      status: s.status,
      leaderId: s.leaderId,
      receivingLeaderId: s.receivingLeaderId,
      jointUnitIds: s.jointUnitIds,
      location: s.location,
      attendeeCount: s.attendeeCount,
      stateVersion: s.version,
    };
    await prisma.$transaction(async (tx) => {
      await tx.receptionSession.upsert({ where: { id: s.sessionId }, create: { id: s.sessionId, ...row }, update: {} });
      // A late retry of an older snapshot never overwrites a newer one.
      await tx.receptionSession.updateMany({ where: { id: s.sessionId, stateVersion: { lte: s.version } }, data: row });
      const existing = await tx.receptionEvent.findUnique({ where: { key: input.key } });
      if (!existing) {
        await tx.receptionEvent.create({
          data: { key: input.key, sessionId: s.sessionId, type: input.event.type, actorId: input.event.actorId ?? null, note: input.event.note ?? null, data: (input.event.data ?? undefined) as never, at: new Date(input.at) },
        });
      }
    });
  }

  async function sessionContext(sessionId: string) {
    const session = await prisma.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
    const [unit, leader, schedule, registrations] = await Promise.all([
      prisma.unit.findUniqueOrThrow({ where: { id: session.unitId } }),
      prisma.person.findUnique({ where: { id: session.receivingLeaderId } }),
      prisma.receptionSchedule.findUnique({ where: { id: session.scheduleId } }),
      prisma.receptionRegistration.count({ where: { sessionId } }),
    ]);
    const durationMs = (schedule?.durationMinutes ?? 240) * 60_000;
    return { session, unit, leaderName: leader?.fullName ?? '—', durationMs, registrations, cutoffDays: schedule?.registrationCutoffDays ?? null };
  }

  async function recipientsOf(ref: ReceptionRecipient, sessionId: string): Promise<{ suffix: string; personId: string | null; name: string; address: string }[]> {
    if (ref.type === 'registrants' || ref.type === 'registration') {
      const rows = await prisma.receptionRegistration.findMany({ where: ref.type === 'registration' ? { id: ref.registrationId } : { sessionId } });
      return rows.filter((r) => r.email).map((r) => ({ suffix: `g${r.id}`, personId: null, name: r.fullName, address: r.email! }));
    }
    const personId = ref.type === 'person' ? ref.personId : (await prisma.unit.findUnique({ where: { id: ref.unitId } }))?.responsibleLeaderId;
    const person = personId ? await prisma.person.findUnique({ where: { id: personId } }) : null;
    return person?.active ? [{ suffix: `p${person.id}`, personId: person.id, name: person.fullName, address: person.email }] : [];
  }

  async function sendReceptionMail(input: SendReceptionMailInput): Promise<{ recipientIds: string[]; sent: number }> {
    const ctx = await sessionContext(input.sessionId);
    const recipients = await recipientsOf(input.recipient, input.sessionId);
    const out = { recipientIds: [] as string[], sent: 0 };
    for (const r of recipients) {
      const key = `${input.key}:${r.suffix}`;
      const message = renderReceptionMail(input.template, {
        unitName: ctx.unit.name,
        day: ctx.session.day,
        startsAtMs: ctx.session.startsAt.getTime(),
        location: ctx.session.location,
        recipientName: r.name,
        receivingLeaderName: ctx.leaderName,
        appUrl: deps.appUrl,
        sessionId: input.sessionId,
        data: { registrations: String(ctx.registrations), ...input.data },
      });
      if (r.personId) out.recipientIds.push(r.personId);
      const attachments = input.invitation
        ? [
            {
              filename: 'tiep-cong-dan.ics',
              contentType: 'text/calendar; charset=utf-8; method=REQUEST',
              content: renderIcs({
                uid: input.sessionId,
                sequence: Number(input.data?.sequence ?? 0),
                startMs: ctx.session.startsAt.getTime(),
                endMs: ctx.session.startsAt.getTime() + ctx.durationMs,
                stampMs: Date.now(),
                summary: `Tiếp công dân định kỳ — ${ctx.unit.name}`,
                location: ctx.session.location,
                description: `Lãnh đạo tiếp / Receiving leader: ${ctx.leaderName}`,
              }),
            },
          ]
        : undefined;
      // Registered citizens' addresses are personal data: the log keeps "công dân" for them.
      const outcome = await sendMailOnce(deps, { key, template: input.template, recipientId: r.personId, loggedAddress: r.personId ? r.address : 'công dân (đăng ký tiếp)', to: r.address, subject: message.subject, text: message.text, attachments });
      if (outcome === 'sent') out.sent += 1;
    }
    return out;
  }

  async function publishReceptionNotice(input: { key: string; sessionId: string; kind: 'announced' | 'postponed'; data?: Record<string, string> }): Promise<void> {
    if (await prisma.publicNotice.findUnique({ where: { key: input.key } })) return;
    const ctx = await sessionContext(input.sessionId);
    const cutoff = ctx.cutoffDays ? shiftDay(ctx.session.day, -ctx.cutoffDays) : undefined;
    const notice = renderReceptionNotice(input.kind, {
      unitName: ctx.unit.name,
      day: ctx.session.day,
      startsAtMs: ctx.session.startsAt.getTime(),
      location: ctx.session.location,
      receivingLeaderName: ctx.leaderName,
      appUrl: deps.appUrl,
      sessionId: input.sessionId,
      data: { ...(cutoff ? { cutoff } : {}), ...input.data },
    });
    await prisma.publicNotice.upsert({ where: { key: input.key }, create: { key: input.key, unitId: ctx.session.unitId, sessionId: input.sessionId, ...notice }, update: {} });
  }

  /**
   * Starts a session as a workflow of its own rather than a child of the cycle: the cycle continues as
   * new right after, and a session must not depend on any one run of it. The workflow id is the
   * session id, so a retry finds the session already started and does nothing.
   */
  async function startReceptionSession(input: ReceptionSessionInput): Promise<void> {
    if (!deps.temporal) throw ApplicationFailure.create({ type: 'NotConfigured', message: 'the worker has no Temporal client for starting sessions', nonRetryable: true });
    const schedule = await prisma.receptionSchedule.findUnique({ where: { id: input.scheduleId }, select: { kind: true } });
    if (schedule?.kind === 'conference') {
      await startScheduledConference(input);
      return;
    }
    try {
      await deps.temporal.workflow.start(RECEPTION_SESSION_WORKFLOW_TYPE, { taskQueue: Context.current().info.taskQueue, workflowId: input.sessionId, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** A schedule of kind conference: each occurrence is a regular dialogue conference with its own workflow. */
  async function startScheduledConference(input: ReceptionSessionInput): Promise<void> {
    const id = input.sessionId.replace(/^reception-/, 'conf-');
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: input.unitId }, select: { name: true } });
    const startsAt = new Date(Date.parse(`${input.day}T${input.startTime}:00+07:00`));
    await prisma.conference.upsert({
      where: { id },
      create: { id, unitId: input.unitId, kind: 'regular', title: `Hội nghị đối thoại định kỳ năm ${input.day.slice(0, 4)} — ${unit.name}`, startsAt, location: input.location, chairId: input.leaderId, status: 'announced', createdById: `schedule:${input.scheduleId}` },
      update: {},
    });
    const policy = deps.conferencePolicy ?? { resultsWithinDays: 10, remindResultsBeforeDays: 3 };
    try {
      await deps.temporal!.workflow.start(CONFERENCE_WORKFLOW_TYPE, {
        taskQueue: Context.current().info.taskQueue,
        workflowId: id,
        args: [{ conferenceId: id, unitId: input.unitId, chairId: input.leaderId, startsAt: startsAt.toISOString(), ...policy } satisfies ConferenceInput],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  return { loadCalendarYears, recordReceptionSession, sendReceptionMail, publishReceptionNotice, startReceptionSession };
}

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

export type ReceptionActivities = ReturnType<typeof createReceptionActivities>;
