// The deadline a new petition starts with, from the same rules and functions its workflow starts its first
// clock with (workflows/petition/case-state.ts: openCase). Registration writes it with the row, so the 201
// and every view show it at once instead of after the worker's first write; that write (version 1) then
// confirms it, and would correct it were the two ever to differ.
import type { CalendarYear } from '../calendar/holidays';
import { NO_FLAGS, specFor } from './clock-rules';
import { dueAtFor, ladderFor, nextRung, noticeRungs, type KindPolicy, type Rung } from './deadline-ladder';

export interface FirstDeadline {
  clock: 'triage';
  dueAtMs: number;
  nextReminderAtMs: number | null;
}

export function firstDeadline(p: {
  policy: KindPolicy;
  receivedAt: string;
  calendar?: readonly CalendarYear[];
  channel?: string;
}): FirstDeadline {
  const calendar = p.calendar ?? [];
  const startedAtMs = Date.parse(p.receivedAt);
  const dueAtMs = dueAtFor(specFor(p.policy, 'triage', NO_FLAGS), startedAtMs, calendar);
  const rungs: Rung[] = ladderFor(
    { name: 'triage', seq: 1, startedAtMs, dueAtMs },
    p.policy.ladder,
    calendar,
    p.policy.forwardWithin,
  );
  const notice = p.policy.noticeAfterReception;
  if (notice && p.channel && notice.channels.includes(p.channel))
    rungs.push(...noticeRungs(dueAtFor({ limit: notice.limit, unit: notice.unit }, startedAtMs, calendar)));
  return { clock: 'triage', dueAtMs, nextReminderAtMs: nextRung(rungs, [])?.atMs ?? null };
}
