// The petition's message handlers: the snapshot query, calendar edits, and officers' actions as Updates
// whose validator refuses what the law or the stage does not allow.
import { patched, setHandler } from '@temporalio/workflow';
import { forwardDeadline } from '../../src/domain/petition/deadline-ladder';
import { checkExtension } from '../../src/domain/petition/clock-rules';
import type { CalendarYear } from '../../src/domain/calendar/holidays';
import { checkAction, nextStage } from '../../src/domain/petition/petition-stages';
import { checkResolutionDecision, resolutionRefusalMessage } from '../../src/domain/petition/resolution-decision';
import { refuse } from '../shared';
import {
  actionUpdate,
  calendarChangedSignal,
  calendarPreviewQuery,
  snapshotQuery,
  type PetitionActionInput,
  type PetitionSnapshot,
} from './messages';
import { withCalendarYear, type PetitionCase } from './case-state';
import { recordsLocally, resolveDeadlinePolicy, type RecordEvent } from './case-activities';

/**
 * The patch under which a resolution carries its written record (number, date signed, signer and title): kept
 * in the case's state and snapshot and written with the resolve event (activities: the PetitionResolution
 * row). Histories from before it resolved without one; replayed, they take the old path, so their state and
 * the event write they replay are the ones they recorded. Asked only on a resolve that carries a record.
 */
export const RESOLUTION_DECISION_PATCH = 'resolution-decision-record';

export function setPetitionHandlers(
  c: PetitionCase,
  record: RecordEvent,
  notifyAfterAction: (step: string, action: PetitionActionInput) => Promise<void>,
  notifyAfterActionLater: (step: string, action: PetitionActionInput) => void,
): void {
  const {
    input,
    state,
    rules,
    pending,
    recomputeClock,
    restartClockIfNeeded,
    dueOf,
    snapshot,
    publishSearchAttributes,
  } = c;

  setHandler(snapshotQuery, snapshot);

  // The admin's preview before saving a calendar edit: the same computation as the signal below.
  setHandler(calendarPreviewQuery, (year: CalendarYear) => {
    const change = c.previewCalendar(year);
    return change && state.clock
      ? { clock: state.clock.name, from: new Date(change.from).toISOString(), to: new Date(change.to).toISOString() }
      : null;
  });

  // Same clock, same rung keys: a rung already fired stays fired, the others move with the due time.
  setHandler(calendarChangedSignal, (year: CalendarYear) => {
    rules.calendar = withCalendarYear(rules.calendar, year);
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
        action.action === 'forward' && rules.kindPolicy.forwardWithin && state.clock
          ? now <= forwardDeadline(rules.kindPolicy.forwardWithin, state.clock.startedAtMs, rules.calendar)
          : undefined;
      if (action.action === 'forward') {
        state.forwardCount += 1;
        state.unitId = action.toUnitId!;
        state.assigneeId = null;
      }
      if (action.action === 'assign') state.assigneeId = action.assigneeId!;
      const resolution =
        action.action === 'resolve' && action.resolution && patched(RESOLUTION_DECISION_PATCH)
          ? { ...action.resolution }
          : undefined;
      if (resolution) state.resolution = resolution;
      // Accepting, refusing, forwarding or a withdrawal answers the citizen: the notice obligation is met.
      if (state.notice && !state.notice.given && ['accept', 'refuse', 'forward', 'withdraw'].includes(action.action))
        state.notice.given = true;
      let deadlineChange: { from: number; to: number } | null = null;
      if (action.action === 'setFlags') {
        state.flags = { ...state.flags, ...action.flags };
        deadlineChange = recomputeClock();
      }
      if (action.action === 'requestExtension') {
        state.pendingExtension = {
          days: action.days!,
          requestedById: action.actor.personId,
          reason: action.reason ?? '',
        };
      }
      if (action.action === 'decideExtension') {
        const asked = state.pendingExtension!;
        state.pendingExtension = null;
        if (action.approve) {
          state.extensions.push({
            days: asked.days,
            requestedById: asked.requestedById,
            reason: asked.reason,
            decision: action.decision!,
            decidedById: action.actor.personId,
          });
          deadlineChange = recomputeClock();
        }
      }
      const clockBefore = state.clock;
      restartClockIfNeeded(now, action.action === 'forward');
      const step = `a${state.version}`;
      if (
        state.clock &&
        state.clock !== clockBefore &&
        state.clock.seq !== clockBefore?.seq &&
        patched('policy-at-clock-start')
      ) {
        // A new clock runs on the rules in force now, for the unit that runs it (after a forward, the new unit).
        const started = state.clock;
        const fresh = await resolveDeadlinePolicy({
          petitionId: input.petitionId,
          unitId: state.unitId,
          at: new Date(started.startedAtMs).toISOString(),
        });
        if (fresh && state.clock === started) {
          rules.kindPolicy = fresh.policy;
          rules.policyVersion = fresh.version;
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
          ...(rules.policyVersion !== input.policyVersion ? { policyVersion: rules.policyVersion } : {}),
          ...(deadlineChange
            ? { dueFrom: new Date(deadlineChange.from).toISOString(), dueTo: new Date(deadlineChange.to).toISOString() }
            : {}),
        },
        ...(resolution ? { resolution } : {}),
      });
      // Answered once the event is written (case-activities.ts: recordsLocally); earlier histories waited for the e-mail.
      if (recordsLocally()) notifyAfterActionLater(step, action);
      else await notifyAfterAction(step, action);
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
        if (refusal) refuse(refusal.message, refusal.code);
        if (action.action === 'assign' && !action.assigneeId) refuse('assign needs an assignee', 'InvalidAction');
        // Validators do not run on replay, so this rule needs no patch; the API checks the same before sending.
        if (action.action === 'resolve') {
          const why = checkResolutionDecision({
            kind: input.kind,
            decision: action.resolution,
            receivedAt: input.receivedAt,
            nowMs: Date.now(),
          });
          if (why) refuse(resolutionRefusalMessage(why), 'InvalidAction');
        }
        if (action.action === 'requestExtension') {
          if (state.pendingExtension)
            refuse('an extension request is already waiting for the leader', 'IllegalTransition');
          const why = checkExtension({
            kind: input.kind,
            policy: rules.kindPolicy,
            flags: state.flags,
            approvedSoFar: state.extensions.length,
            days: action.days ?? 0,
          });
          if (why) refuse(why, 'ExtensionRefused');
        }
        if (action.action === 'decideExtension') {
          if (!state.pendingExtension) refuse('there is no extension request to decide', 'IllegalTransition');
          if (action.approve) {
            if (!action.decision)
              refuse('an approval is a written decision: number, date and signer are needed', 'InvalidAction');
            const why = checkExtension({
              kind: input.kind,
              policy: rules.kindPolicy,
              flags: state.flags,
              approvedSoFar: state.extensions.length,
              days: state.pendingExtension!.days,
            });
            if (why) refuse(why, 'ExtensionRefused');
          }
        }
      },
    },
  );
}
