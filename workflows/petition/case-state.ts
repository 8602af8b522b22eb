// The state of one petition inside its workflow and its deadline clocks: which clock runs, when it is due
// under the pinned rules and calendar, the next rung of the ladder, and the snapshot the read model gets.
import { upsertSearchAttributes } from '@temporalio/workflow';
import {
  dueAtFor,
  ladderFor,
  nextRung,
  noticeRungs,
  type KindPolicy,
  type Rung,
  type RunningClock,
} from '../../src/domain/petition/deadline-ladder';
import { extendDue, NO_FLAGS, specFor, type CaseFlags } from '../../src/domain/petition/clock-rules';
import type { ClockName } from '../../src/domain/petition/petition-stages';
import type { CalendarYear } from '../../src/domain/calendar/holidays';
import { STAGE_CLOCK, type Stage } from '../../src/domain/petition/petition-stages';
import type { ExtensionView, PetitionSnapshot, PetitionWorkflowInput } from './messages';
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';
import {
  DUE_AT_SEARCH_ATTRIBUTE,
  KIND_SEARCH_ATTRIBUTE,
  STAGE_SEARCH_ATTRIBUTE,
  UNIT_SEARCH_ATTRIBUTE,
} from './search-attributes';

export interface PetitionState {
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
  duplicateOfId: string | null;
  /** The resolution's written record, when resolved with one. */
  resolution: ResolutionDecision | null;
}

/** The rules of the running clock: those pinned at receipt, then those in force when each later clock starts. */
export interface CaseRules {
  calendar: CalendarYear[];
  kindPolicy: KindPolicy;
  policyVersion: string;
}

export interface PetitionCase {
  input: PetitionWorkflowInput;
  state: PetitionState;
  rules: CaseRules;
  /** Set by the signal handler, recorded by the main loop (signal handlers do not run activities here). */
  pending: { deadlineChange: { from: number; to: number; year: number } | null };
  dueOf: (name: ClockName, startedAtMs: number) => number;
  recomputeClock: () => { from: number; to: number } | null;
  previewCalendar: (year: CalendarYear) => { from: number; to: number } | null;
  restartClockIfNeeded: (now: number, forceRestart: boolean) => void;
  upcomingRung: () => Rung | null;
  snapshot: () => PetitionSnapshot;
  publishSearchAttributes: () => void;
}

/** The pinned tables with one year replaced by an admin's edit. */
export function withCalendarYear(calendar: CalendarYear[], year: CalendarYear): CalendarYear[] {
  return [...calendar.filter((y) => y.year !== year.year), year];
}

export function openCase(input: PetitionWorkflowInput): PetitionCase {
  const rules: CaseRules = {
    calendar: [...(input.calendar ?? [])],
    kindPolicy: input.policy,
    policyVersion: input.policyVersion,
  };
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
    duplicateOfId: null,
    resolution: null,
  };
  // Luật Tiếp công dân 2013, Đ.28: a petition received in person gets a notice within the limit.
  const noticeRule = rules.kindPolicy.noticeAfterReception;
  if (noticeRule && input.channel && noticeRule.channels.includes(input.channel)) {
    state.notice = {
      dueAtMs: dueAtFor(
        { limit: noticeRule.limit, unit: noticeRule.unit },
        Date.parse(input.receivedAt),
        rules.calendar,
      ),
      given: false,
    };
  }

  // The due time of a clock: the limit for the case's flags, on the pinned calendar, plus approved extensions.
  const dueOf = (name: ClockName, startedAtMs: number, calendar: CalendarYear[] = rules.calendar): number => {
    let due = dueAtFor(specFor(rules.kindPolicy, name, state.flags), startedAtMs, calendar);
    if (name === 'resolution') for (const ext of state.extensions) due = extendDue(due, ext.days, calendar);
    return due;
  };
  const startClock = (name: ClockName, seq: number, startedAtMs: number): RunningClock => ({
    name,
    seq,
    startedAtMs,
    dueAtMs: dueOf(name, startedAtMs),
  });
  /** Recomputes the running clock in place (same rung keys, so fired reminders stay fired). */
  const recomputeClock = (): { from: number; to: number } | null => {
    if (!state.clock) return null;
    const to = dueOf(state.clock.name, state.clock.startedAtMs);
    if (to === state.clock.dueAtMs) return null;
    const from = state.clock.dueAtMs;
    state.clock = { ...state.clock, dueAtMs: to };
    return { from, to };
  };
  /** The running clock's due time under a changed year, computed as the signal would and changing nothing. */
  const previewCalendar = (year: CalendarYear): { from: number; to: number } | null => {
    if (!state.clock) return null;
    const to = dueOf(state.clock.name, state.clock.startedAtMs, withCalendarYear(rules.calendar, year));
    return to === state.clock.dueAtMs ? null : { from: state.clock.dueAtMs, to };
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
        ? {
            name: state.clock.name,
            startedAt: new Date(state.clock.startedAtMs).toISOString(),
            dueAt: new Date(state.clock.dueAtMs).toISOString(),
          }
        : null,
      nextRung: rung ? { kind: rung.kind, at: new Date(rung.atMs).toISOString() } : null,
      firedRungs: [...state.fired],
      flags: { ...state.flags },
      extensions: state.extensions.map((e) => ({ ...e })),
      pendingExtension: state.pendingExtension ? { ...state.pendingExtension } : null,
      notice: state.notice ? { dueAt: new Date(state.notice.dueAtMs).toISOString(), given: state.notice.given } : null,
      ...(state.duplicateOfId ? { duplicateOfId: state.duplicateOfId } : {}),
      ...(state.resolution ? { resolution: { ...state.resolution } } : {}),
    };
  };

  const upcomingRung = (): Rung | null => {
    const rungs = state.clock
      ? ladderFor(state.clock, rules.kindPolicy.ladder, rules.calendar, rules.kindPolicy.forwardWithin)
      : [];
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

  return {
    input,
    state,
    rules,
    pending: { deadlineChange: null },
    dueOf,
    recomputeClock,
    previewCalendar,
    restartClockIfNeeded,
    upcomingRung,
    snapshot,
    publishSearchAttributes,
  };
}
