// One petition's lifecycle: stages moved by officers' Updates, deadline clocks as durable timers, the
// reminder ladder and escalation. Deterministic: only SDK primitives, pure domain code and activities.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { KEYED_WRITE, LOOKUP, MAIL_SEND } from '../activity-options';
import { dueAtFor, forwardDeadline, ladderFor, nextRung, noticeRungs, type Rung, type RunningClock } from '../../src/domain/petition/deadline-ladder';
import { checkExtension, extendDue, NO_FLAGS, specFor, type CaseFlags } from '../../src/domain/petition/clock-rules';
import type { ClockName } from '../../src/domain/petition/petition-stages';
import type { CalendarYear } from '../../src/domain/calendar/holidays';
import { checkAction, isTerminal, nextStage, STAGE_CLOCK, type Stage } from '../../src/domain/petition/petition-stages';
import type { NotificationTemplate, RecipientRef } from '../../src/domain/petition/notification-types';
import {
  actionUpdate,
  calendarChangedSignal,
  snapshotQuery,
  type ExtensionView,
  type PetitionActionInput,
  type PetitionSnapshot,
  type PetitionWorkflowInput,
} from './messages';
import { DUE_AT_SEARCH_ATTRIBUTE, KIND_SEARCH_ATTRIBUTE, STAGE_SEARCH_ATTRIBUTE, UNIT_SEARCH_ATTRIBUTE } from './search-attributes';

const { recordPetitionEvent } = proxyActivities<Activities>(KEYED_WRITE);
const { findEscalationTarget, resolveDeadlinePolicy } = proxyActivities<Activities>(LOOKUP);
const { sendNotification } = proxyActivities<Activities>(MAIL_SEND);

interface PetitionState {
  stage: Stage;
  unitId: string;
  assigneeId: string | null;
  forwardCount: number;
  escalated: boolean;
  version: number;
  clock: RunningClock | null;
  clockSeq: number;
  fired: string[];
  eventSeq: number;
  flags: CaseFlags;
  extensions: ExtensionView[];
  pendingExtension: { days: number; requestedById: string; reason: string } | null;
  notice: { dueAtMs: number; given: boolean } | null;
}

export async function petitionWorkflow(input: PetitionWorkflowInput): Promise<PetitionSnapshot> {
  const workflowId = workflowInfo().workflowId;
  let calendar: CalendarYear[] = [...(input.calendar ?? [])];
  // The rules of the running clock: those pinned at receipt, then those in force when each later clock starts.
  let kindPolicy = input.policy;
  let policyVersion = input.policyVersion;
  const state: PetitionState = {
    stage: 'received',
    unitId: input.unitId,
    assigneeId: null,
    forwardCount: 0,
    escalated: false,
    version: 1,
    clock: null,
    clockSeq: 1,
    fired: [],
    eventSeq: 0,
    flags: { ...NO_FLAGS },
    extensions: [],
    pendingExtension: null,
    notice: null,
  };
  // Luật Tiếp công dân 2013, Đ.28: a petition received in person gets a notice within the limit.
  const noticeRule = kindPolicy.noticeAfterReception;
  if (noticeRule && input.channel && noticeRule.channels.includes(input.channel)) {
    state.notice = { dueAtMs: dueAtFor({ limit: noticeRule.limit, unit: noticeRule.unit }, Date.parse(input.receivedAt), calendar), given: false };
  }

  // The due time of a clock: the limit for the case's flags, on the pinned calendar, plus approved extensions.
  const dueOf = (name: ClockName, startedAtMs: number): number => {
    let due = dueAtFor(specFor(kindPolicy, name, state.flags), startedAtMs, calendar);
    if (name === 'resolution') for (const ext of state.extensions) due = extendDue(due, ext.days, calendar);
    return due;
  };
  const startClock = (name: ClockName, seq: number, startedAtMs: number): RunningClock => ({ name, seq, startedAtMs, dueAtMs: dueOf(name, startedAtMs) });
  /** Recomputes the running clock in place (same rung keys, so fired reminders stay fired). */
  const recomputeClock = (): { from: number; to: number } | null => {
    if (!state.clock) return null;
    const to = dueOf(state.clock.name, state.clock.startedAtMs);
    if (to === state.clock.dueAtMs) return null;
    const from = state.clock.dueAtMs;
    state.clock = { ...state.clock, dueAtMs: to };
    return { from, to };
  };
  state.clock = startClock('triage', 1, Date.parse(input.receivedAt));

  const snapshot = (): PetitionSnapshot => {
    const rung = upcomingRung();
    return {
      petitionId: input.petitionId,
      stage: state.stage,
      unitId: state.unitId,
      assigneeId: state.assigneeId,
      forwardCount: state.forwardCount,
      escalated: state.escalated,
      version: state.version,
      clock: state.clock
        ? { name: state.clock.name, startedAt: new Date(state.clock.startedAtMs).toISOString(), dueAt: new Date(state.clock.dueAtMs).toISOString() }
        : null,
      nextRung: rung ? { kind: rung.kind, at: new Date(rung.atMs).toISOString() } : null,
      firedRungs: [...state.fired],
      flags: { ...state.flags },
      extensions: state.extensions.map((e) => ({ ...e })),
      pendingExtension: state.pendingExtension ? { ...state.pendingExtension } : null,
      notice: state.notice ? { dueAt: new Date(state.notice.dueAtMs).toISOString(), given: state.notice.given } : null,
    };
  };

  const upcomingRung = (): Rung | null => {
    const rungs = state.clock ? ladderFor(state.clock, kindPolicy.ladder, calendar, kindPolicy.forwardWithin) : [];
    if (state.notice && !state.notice.given) rungs.push(...noticeRungs(state.notice.dueAtMs));
    return nextRung(rungs, state.fired);
  };

  const publishSearchAttributes = (): void => {
    upsertSearchAttributes([
      { key: STAGE_SEARCH_ATTRIBUTE, value: state.stage },
      { key: UNIT_SEARCH_ATTRIBUTE, value: state.unitId },
      { key: KIND_SEARCH_ATTRIBUTE, value: input.kind },
      { key: DUE_AT_SEARCH_ATTRIBUTE, value: state.clock ? new Date(state.clock.dueAtMs) : null },
    ]);
  };

  const record = async (event: { type: string; actorId?: string; actorRole?: string; stageFrom?: Stage; note?: string; data?: Record<string, unknown> }) => {
    state.eventSeq += 1;
    await recordPetitionEvent({
      key: `${workflowId}:e${state.eventSeq}`,
      petitionId: input.petitionId,
      type: event.type,
      actorId: event.actorId,
      actorRole: event.actorRole,
      stageFrom: event.stageFrom,
      stageTo: state.stage,
      note: event.note,
      data: event.data,
      at: new Date(Date.now()).toISOString(),
      snapshot: snapshot(),
    });
  };

  const notify = (step: string, template: NotificationTemplate, recipient: RecipientRef, data?: Record<string, string>) =>
    sendNotification({ key: `${workflowId}:${step}`, petitionId: input.petitionId, template, recipient, data });

  const restartClockIfNeeded = (now: number, forceRestart: boolean): void => {
    const wanted = STAGE_CLOCK[state.stage];
    if (!wanted) {
      state.clock = null;
      return;
    }
    if (forceRestart || state.clock?.name !== wanted) {
      state.clockSeq += 1;
      state.clock = startClock(wanted, state.clockSeq, now);
    }
  };

  setHandler(snapshotQuery, snapshot);

  // Set by the signal handler, recorded by the main loop (signal handlers do not run activities here).
  const pending: { deadlineChange: { from: number; to: number; year: number } | null } = { deadlineChange: null };

  // Same clock, same rung keys: a rung already fired stays fired, the others move with the due time.
  setHandler(calendarChangedSignal, (year: CalendarYear) => {
    calendar = [...calendar.filter((c) => c.year !== year.year), year];
    const change = recomputeClock();
    if (!change) return;
    pending.deadlineChange = { from: pending.deadlineChange?.from ?? change.from, to: change.to, year: year.year };
    state.version += 1;
  });

  setHandler(
    actionUpdate,
    async (action: PetitionActionInput): Promise<PetitionSnapshot> => {
      const now = Date.now();
      const from = state.stage;
      // State changes happen before the first await, so a concurrent Update's validator already sees them.
      state.stage = nextStage(state.stage, action.action);
      state.version += 1;
      // Whether a forward met the legal limit, counted from when this unit received the case.
      const forwardOnTime =
        action.action === 'forward' && kindPolicy.forwardWithin && state.clock
          ? now <= forwardDeadline(kindPolicy.forwardWithin, state.clock.startedAtMs, calendar)
          : undefined;
      if (action.action === 'forward') {
        state.forwardCount += 1;
        state.unitId = action.toUnitId!;
        state.assigneeId = null;
      }
      if (action.action === 'assign') state.assigneeId = action.assigneeId!;
      // Accepting, refusing, forwarding or a withdrawal answers the citizen: the notice obligation is met.
      if (state.notice && !state.notice.given && ['accept', 'refuse', 'forward', 'withdraw'].includes(action.action)) state.notice.given = true;
      let deadlineChange: { from: number; to: number } | null = null;
      if (action.action === 'setFlags') {
        state.flags = { ...state.flags, ...action.flags };
        deadlineChange = recomputeClock();
      }
      if (action.action === 'requestExtension') {
        state.pendingExtension = { days: action.days!, requestedById: action.actor.personId, reason: action.reason ?? '' };
      }
      if (action.action === 'decideExtension') {
        const asked = state.pendingExtension!;
        state.pendingExtension = null;
        if (action.approve) {
          state.extensions.push({ days: asked.days, requestedById: asked.requestedById, reason: asked.reason, decision: action.decision!, decidedById: action.actor.personId });
          deadlineChange = recomputeClock();
        }
      }
      const clockBefore = state.clock;
      restartClockIfNeeded(now, action.action === 'forward');
      const step = `a${state.version}`;
      if (state.clock && state.clock !== clockBefore && state.clock.seq !== clockBefore?.seq && patched('policy-at-clock-start')) {
        // A new clock runs on the rules in force now, for the unit that runs it (after a forward, the new unit).
        const started = state.clock;
        const fresh = await resolveDeadlinePolicy({ petitionId: input.petitionId, unitId: state.unitId, at: new Date(started.startedAtMs).toISOString() });
        if (fresh && state.clock === started) {
          kindPolicy = fresh.policy;
          policyVersion = fresh.version;
          state.clock = { ...started, dueAtMs: dueOf(started.name, started.startedAtMs) };
        }
      }
      publishSearchAttributes();
      await record({
        type: action.action,
        actorId: action.actor.personId,
        actorRole: action.actor.roles.join(','),
        stageFrom: from,
        note: action.reason ?? action.summary,
        data: {
          toUnitId: action.toUnitId,
          assigneeId: action.assigneeId,
          flags: action.flags,
          days: action.days,
          approve: action.approve,
          decision: action.decision,
          ...(forwardOnTime !== undefined ? { forwardOnTime } : {}),
          // The due time of the clock the action was taken under: reports count "resolved on time" from it.
          ...(clockBefore ? { dueBefore: new Date(clockBefore.dueAtMs).toISOString() } : {}),
          ...(policyVersion !== input.policyVersion ? { policyVersion } : {}),
          ...(deadlineChange ? { dueFrom: new Date(deadlineChange.from).toISOString(), dueTo: new Date(deadlineChange.to).toISOString() } : {}),
        },
      });
      await notifyAfterAction(step, action);
      return snapshot();
    },
    {
      validator: (action: PetitionActionInput): void => {
        const refusal = checkAction({
          stage: state.stage,
          action: action.action,
          actorRoles: action.actor.roles,
          forwardCount: state.forwardCount,
          unitId: state.unitId,
          toUnitId: action.toUnitId,
        });
        if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
        if (action.action === 'assign' && !action.assigneeId) {
          throw ApplicationFailure.create({ type: 'InvalidAction', message: 'assign needs an assignee', nonRetryable: true });
        }
        const refuseWith = (type: string, message: string): never => {
          throw ApplicationFailure.create({ type, message, nonRetryable: true });
        };
        if (action.action === 'requestExtension') {
          if (state.pendingExtension) refuseWith('IllegalTransition', 'an extension request is already waiting for the leader');
          const why = checkExtension({ kind: input.kind, policy: kindPolicy, flags: state.flags, approvedSoFar: state.extensions.length, days: action.days ?? 0 });
          if (why) refuseWith('ExtensionRefused', why);
        }
        if (action.action === 'decideExtension') {
          if (!state.pendingExtension) refuseWith('IllegalTransition', 'there is no extension request to decide');
          if (action.approve) {
            if (!action.decision) refuseWith('InvalidAction', 'an approval is a written decision: number, date and signer are needed');
            const why = checkExtension({ kind: input.kind, policy: kindPolicy, flags: state.flags, approvedSoFar: state.extensions.length, days: state.pendingExtension!.days });
            if (why) refuseWith('ExtensionRefused', why);
          }
        }
      },
    },
  );

  const notifyAfterAction = async (step: string, action: PetitionActionInput): Promise<void> => {
    const citizen: RecipientRef = { type: 'citizen' };
    switch (action.action) {
      case 'accept':
        // Added after the first release: histories recorded before it replay without this notice.
        if (input.hasCitizenEmail && patched('accept-notice')) await notify(`${step}:citizen`, 'accepted', citizen);
        break;
      case 'assign':
        await notify(`${step}:assignee`, 'assigned', { type: 'person', personId: action.assigneeId! });
        break;
      case 'refuse':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'refused', citizen, { reason: action.reason ?? '' });
        break;
      case 'forward':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'forwarded', citizen, { reason: action.reason ?? '' });
        await notify(`${step}:leader`, 'forwardedIn', { type: 'unitLeader', unitId: state.unitId });
        break;
      case 'reportBack':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'result', citizen, { summary: action.summary ?? '' });
        break;
      case 'withdraw':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'withdrawn', citizen);
        break;
      case 'requestExtension':
        await notify(`${step}:leader`, 'extensionRequested', { type: 'unitLeader', unitId: state.unitId }, { days: String(action.days ?? '') });
        break;
      case 'decideExtension':
        if (action.approve && state.clock) {
          const data = { dueAt: new Date(state.clock.dueAtMs).toISOString(), decision: action.decision?.number ?? '' };
          if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'extended', citizen, data);
          if (state.assigneeId) await notify(`${step}:assignee`, 'extended', { type: 'person', personId: state.assigneeId }, data);
        }
        break;
      default:
        break;
    }
  };

  const fireRung = async (rung: Rung, clock: RunningClock): Promise<void> => {
    const dueAt = new Date(clock.dueAtMs).toISOString();
    const data = { clock: clock.name, dueAt };
    const step = `r:${rung.key}`;
    if (rung.kind === 'noticeReminder' || rung.kind === 'noticeOverdue') {
      const noticeData = { clock: 'notice', dueAt: new Date(state.notice!.dueAtMs).toISOString() };
      const recipient: RecipientRef = rung.kind === 'noticeReminder' ? { type: 'person', personId: state.assigneeId ?? input.registeredById } : { type: 'unitLeader', unitId: state.unitId };
      const sent = await notify(step, rung.kind === 'noticeReminder' ? 'officerReminder' : 'leaderReminder', recipient, noticeData);
      await record({ type: 'reminder', data: { ...noticeData, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'forwardLimitReminder') {
      const personId = state.assigneeId ?? input.registeredById;
      const sent = await notify(step, 'forwardLimit', { type: 'person', personId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'officerReminder') {
      const personId = state.assigneeId ?? input.registeredById;
      const sent = await notify(step, 'officerReminder', { type: 'person', personId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'leaderReminder') {
      const sent = await notify(step, 'leaderReminder', { type: 'unitLeader', unitId: state.unitId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else {
      // The second escalation goes one level further up: the level above the one already told.
      const levels = rung.kind === 'secondEscalation' ? 2 : 1;
      const target = await findEscalationTarget({ unitId: state.unitId, ...(levels > 1 ? { levels } : {}) });
      state.escalated = true;
      state.version += 1;
      if (target?.leaderId) {
        const sent = await notify(step, 'escalation', { type: 'person', personId: target.leaderId }, { ...data, fromUnitId: state.unitId });
        await record({ type: 'escalated', data: { ...data, level: levels, toUnitId: target.unitId, recipientIds: sent.recipientIds } });
      } else {
        // The top of the tree has no level above; the breach is still recorded for supervisors.
        await record({ type: 'escalated', data: { ...data, toUnitId: target?.unitId ?? null, recipientIds: [] }, note: 'no leader above to notify' });
      }
    }
  };

  publishSearchAttributes();
  await record({ type: 'received', actorId: input.registeredById, data: { policyVersion: input.policyVersion } });
  if (input.hasCitizenEmail) await notify('ack', 'acknowledgement', { type: 'citizen' });

  while (!isTerminal(state.stage)) {
    if (pending.deadlineChange) {
      const change = pending.deadlineChange;
      pending.deadlineChange = null;
      publishSearchAttributes();
      await record({
        type: 'deadlineChanged',
        note: `calendar ${change.year} changed`,
        data: { clock: state.clock?.name, from: new Date(change.from).toISOString(), to: new Date(change.to).toISOString() },
      });
      continue;
    }
    const rung = upcomingRung();
    const seen = state.version;
    if (!rung || !state.clock) {
      await condition(() => state.version !== seen);
      continue;
    }
    const wait = rung.atMs - Date.now();
    if (wait > 0) {
      const changed = await condition(() => state.version !== seen, wait);
      if (changed) continue;
    }
    state.fired.push(rung.key);
    await fireRung(rung, state.clock);
  }

  // Let a finishing Update (e.g. the report-back e-mail) complete before the workflow closes.
  await condition(allHandlersFinished);
  return snapshot();
}
