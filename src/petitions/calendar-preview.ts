// Before an admin saves a calendar edit: which open cases' due dates would move. Each candidate's own
// workflow answers with the computation the calendar signal runs after the save (the pinned rules, flags
// and extensions live there, not in the read model), so the preview cannot drift from what happens.
import type { CalendarYear } from '../domain/calendar/holidays';
import { DAY_MS, parseDay, localTimeOn } from '../domain/calendar/day';
import { getCalendarYear } from '../calendar/calendar-store';
import { requireCalendarEditor } from '../calendar/calendar-admin';
import type { Principal } from '../org/access';
import { queryCalendarPreview } from './client';
import type { PetitionServiceDeps } from './petitions';

/** More candidates than this are not asked one by one; the page says how many were left unasked. */
export const PREVIEW_LIMIT = 300;
const CONCURRENCY = 8;

export interface CalendarPreviewRow {
  petitionId: string;
  trackingCode: string;
  unitName: string;
  clock: string;
  from: string;
  to: string;
}

export interface CalendarChangePreview {
  year: number;
  changedDays: string[];
  moved: CalendarPreviewRow[];
  /** Open cases whose window spans a changed day. */
  candidates: number;
  /** Candidates whose workflow did not answer (worker down) or that were beyond the limit. */
  unanswered: number;
}

function changedDays(before: CalendarYear, after: CalendarYear): string[] {
  const diff = (a: string[], b: string[]) => a.filter((d) => !b.includes(d));
  return [
    ...new Set([
      ...diff(before.holidays, after.holidays),
      ...diff(after.holidays, before.holidays),
      ...diff(before.workingWeekends, after.workingWeekends),
      ...diff(after.workingWeekends, before.workingWeekends),
    ]),
  ].sort();
}

export async function previewCalendarChange(
  deps: PetitionServiceDeps,
  principal: Principal,
  proposed: CalendarYear,
): Promise<CalendarChangePreview> {
  await requireCalendarEditor(deps.prisma, principal);
  const { source: _source, ...current } = await getCalendarYear(deps.prisma, proposed.year);
  const days = changedDays(current, proposed);
  const empty = { year: proposed.year, changedDays: days, moved: [], candidates: 0, unanswered: 0 };
  if (days.length === 0) return empty;
  // A day outside a running clock's [start, due] cannot move it; a clock starts at or after receipt.
  const first = parseDay(days[0]!);
  const last = parseDay(days[days.length - 1]!);
  const candidates = await deps.prisma.petition.findMany({
    where: {
      closedAt: null,
      dueAt: { gte: new Date(localTimeOn(first, 0)) },
      receivedAt: { lt: new Date(localTimeOn(last, 0) + DAY_MS) },
    },
    select: { id: true, trackingCode: true, workflowId: true, unit: { select: { name: true } } },
    orderBy: { dueAt: 'asc' },
  });
  const asked = candidates.slice(0, PREVIEW_LIMIT);
  const moved: CalendarPreviewRow[] = [];
  let unanswered = candidates.length - asked.length;
  for (let i = 0; i < asked.length; i += CONCURRENCY) {
    const batch = asked.slice(i, i + CONCURRENCY);
    const answers = await Promise.all(
      batch.map((p) => queryCalendarPreview(deps, p.workflowId, proposed).catch(() => undefined)),
    );
    answers.forEach((answer, j) => {
      const p = batch[j]!;
      if (answer === undefined) unanswered += 1;
      else if (answer)
        moved.push({
          petitionId: p.id,
          trackingCode: p.trackingCode,
          unitName: p.unit.name,
          clock: answer.clock,
          from: answer.from,
          to: answer.to,
        });
    });
  }
  return { ...empty, moved, candidates: candidates.length, unanswered };
}
