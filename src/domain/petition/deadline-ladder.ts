// The reminder ladder of one deadline clock: remind the responsible officer before the due time,
// the unit's responsible leader at it, and escalate to the level above when it has passed.
import { computeDeadline, type LimitUnit } from '../calendar/deadline';
import { defaultCalendarYear, type CalendarYear } from '../calendar/holidays';
import { workingCalendarFrom } from '../calendar/working-calendar';
import { DAY_MS, localDayOf, VN_OFFSET_MS } from '../calendar/day';
import { parseIsoDuration } from '../duration';
import type { ClockName } from './petition-stages';

/**
 * A clock's limit: an ISO-8601 duration (demos and tests), or a legal limit in calendar or working days
 * counted by the Civil Code rules (first day not counted, ends 24:00, weekend/holiday end moves on).
 */
export type ClockSpec = string | { limit: number; unit: LimitUnit; basis?: string };

export interface LadderPolicy {
  /** How long before the due time the responsible officer is reminded (ISO-8601). */
  remindOfficerBefore: string;
  /** Grace after the due time before the case counts as breached and is escalated (ISO-8601). */
  escalateAfter: string;
  /** Also remind the officer when these fractions of the time have passed (e.g. 0.5, 0.75). */
  officerAtFractions?: number[];
  /** Also remind the officer at the start (08:00) of the Nth working day before the due day. */
  officerWorkingDaysBefore?: number;
  /** If still open this long after the escalation, escalate again to the level above that. */
  secondEscalationAfter?: string;
}

export interface KindPolicy {
  /** Limit of each clock. */
  clocks: Record<ClockName, ClockSpec>;
  ladder: LadderPolicy;
  /** Longer limits for complex, remote-area or multi-site cases, by clock. */
  variants?: Partial<
    Record<ClockName, Partial<Record<'complex' | 'remote' | 'remoteComplex' | 'multiSite', ClockSpec>>>
  >;
  /** While in triage: a case outside the unit's competence must be forwarded within this limit. */
  forwardWithin?: { limit: number; unit: LimitUnit; basis?: string };
  /** Petitions received in person must be answered with a notice (accepted, refused, forwarded) within this limit. */
  noticeAfterReception?: { limit: number; unit: LimitUnit; basis?: string; channels: string[] };
  /** Extensions of the resolution clock by written decision, where the law has them. */
  extensions?: { maxDays: number; allowed: { complex: number; veryComplex: number }; basis: string };
  /** Where the numbers come from, shown to officers. */
  basis?: Partial<Record<ClockName, string>>;
}

export type RungKind =
  | 'officerReminder'
  | 'leaderReminder'
  | 'escalation'
  | 'secondEscalation'
  | 'forwardLimitReminder'
  | 'noticeReminder'
  | 'noticeOverdue';

export interface Rung {
  /** Unique within the petition: the clock instance plus the rung, so a re-armed timer never fires twice. */
  key: string;
  kind: RungKind;
  atMs: number;
}

export interface RunningClock {
  name: ClockName;
  /** Increments every time a clock (re)starts, e.g. after a forward. */
  seq: number;
  startedAtMs: number;
  dueAtMs: number;
}

export function dueAtFor(spec: ClockSpec, startedAtMs: number, calendar: readonly CalendarYear[]): number {
  if (typeof spec === 'string') return startedAtMs + parseIsoDuration(spec);
  // Years missing from the pinned tables fall back to the computed default holidays.
  return computeDeadline(
    { startMs: startedAtMs, limit: spec.limit, unit: spec.unit },
    workingCalendarFrom(calendar, defaultCalendarYear),
  ).dueAtMs;
}

export function startClock(
  name: ClockName,
  seq: number,
  startedAtMs: number,
  policy: KindPolicy,
  calendar: readonly CalendarYear[] = [],
): RunningClock {
  return { name, seq, startedAtMs, dueAtMs: dueAtFor(policy.clocks[name], startedAtMs, calendar) };
}

/** The last moment to forward a case received (or forwarded in) at `startedAtMs`. */
export function forwardDeadline(
  spec: { limit: number; unit: LimitUnit },
  startedAtMs: number,
  calendar: readonly CalendarYear[],
): number {
  return dueAtFor(spec, startedAtMs, calendar);
}

export function ladderFor(
  clock: RunningClock,
  ladder: LadderPolicy,
  calendar: readonly CalendarYear[] = [],
  forwardWithin?: { limit: number; unit: LimitUnit },
): Rung[] {
  const id = `${clock.name}#${clock.seq}`;
  // An officer reminder earlier than the clock's start would fire at once and say nothing useful.
  const notBeforeStart = (atMs: number) => Math.max(clock.startedAtMs, atMs);
  const span = clock.dueAtMs - clock.startedAtMs;
  const rungs: Rung[] = [];
  for (const fraction of ladder.officerAtFractions ?? []) {
    rungs.push({
      key: `${id}:officerReminder@${Math.round(fraction * 100)}%`,
      kind: 'officerReminder',
      atMs: notBeforeStart(clock.startedAtMs + Math.round(span * fraction)),
    });
  }
  if (ladder.officerWorkingDaysBefore) {
    const working = workingCalendarFrom(calendar, defaultCalendarYear);
    let day = localDayOf(clock.dueAtMs);
    for (let n = 0; n < ladder.officerWorkingDaysBefore;) if (working.isWorkingDay(--day)) n++;
    const eightAm = day * DAY_MS - VN_OFFSET_MS + 8 * 3_600_000;
    rungs.push({
      key: `${id}:officerReminder@${ladder.officerWorkingDaysBefore}wd`,
      kind: 'officerReminder',
      atMs: notBeforeStart(eightAm),
    });
  }
  const escalationAt = clock.dueAtMs + parseIsoDuration(ladder.escalateAfter);
  rungs.push(
    {
      key: `${id}:officerReminder`,
      kind: 'officerReminder',
      atMs: notBeforeStart(clock.dueAtMs - parseIsoDuration(ladder.remindOfficerBefore)),
    },
    { key: `${id}:leaderReminder`, kind: 'leaderReminder', atMs: clock.dueAtMs },
    { key: `${id}:escalation`, kind: 'escalation', atMs: escalationAt },
  );
  if (forwardWithin && clock.name === 'triage') {
    // 08:00 on the last day to forward: a nudge to decide competence while forwarding is still on time.
    const lastDay = localDayOf(forwardDeadline(forwardWithin, clock.startedAtMs, calendar));
    rungs.push({
      key: `${id}:forwardLimitReminder`,
      kind: 'forwardLimitReminder',
      atMs: notBeforeStart(lastDay * DAY_MS - VN_OFFSET_MS + 8 * 3_600_000),
    });
  }
  if (ladder.secondEscalationAfter) {
    rungs.push({
      key: `${id}:secondEscalation`,
      kind: 'secondEscalation',
      atMs: escalationAt + parseIsoDuration(ladder.secondEscalationAfter),
    });
  }
  return rungs;
}

/** The earliest rung not yet fired, or null when the ladder is done. */
export function nextRung(rungs: readonly Rung[], fired: readonly string[]): Rung | null {
  let next: Rung | null = null;
  for (const rung of rungs) {
    if (fired.includes(rung.key)) continue;
    if (!next || rung.atMs < next.atMs) next = rung;
  }
  return next;
}

/** The notice obligation's own two rungs: the officer at 08:00 on the last day, the unit's leader when it lapses. */
export function noticeRungs(noticeDueAtMs: number): Rung[] {
  const lastDay = localDayOf(noticeDueAtMs);
  return [
    { key: 'notice:noticeReminder', kind: 'noticeReminder', atMs: lastDay * DAY_MS - VN_OFFSET_MS + 8 * 3_600_000 },
    { key: 'notice:noticeOverdue', kind: 'noticeOverdue', atMs: noticeDueAtMs },
  ];
}
