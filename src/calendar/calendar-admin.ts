// Who may change the national working calendar, and the change itself: saved, then every open petition
// is told (the `onCalendarChanged` hook re-arms their timers). The API and the console both call this.
import type { PrismaClient } from '../platform/db/prisma';
import { hasRoleAnywhere, isTopAdmin, UnitTree, type Principal } from '../org/access';
import type { CalendarYear } from '../domain/calendar/holidays';
import { AppError } from '../errors';
import { putCalendarYear } from './calendar-store';

export async function requireCalendarEditor(prisma: PrismaClient, principal: Principal): Promise<void> {
  if (!hasRoleAnywhere(principal, ['admin'])) throw new AppError('Forbidden', 'changing the calendar needs role admin');
  // One national calendar re-arms every open petition: not a commune admin's call.
  if (!isTopAdmin(principal, await UnitTree.load(prisma)))
    throw new AppError('Forbidden', 'changing the national calendar needs role admin at the top of the unit tree');
}

export async function changeCalendarYear(
  deps: { prisma: PrismaClient; onCalendarChanged?: (year: number) => Promise<void> },
  principal: Principal,
  year: number,
  body: { holidays: string[]; workingWeekends: string[] },
): Promise<CalendarYear> {
  await requireCalendarEditor(deps.prisma, principal);
  const saved = await putCalendarYear(deps.prisma, year, body, principal.personId);
  await deps.onCalendarChanged?.(year);
  return saved;
}

/** One day added to or removed from a year's holidays or working weekend days, as the console edits it. */
export interface CalendarEdit {
  op: 'add' | 'remove';
  kind: 'holiday' | 'working';
  date: string;
}

export function applyCalendarEdit(current: CalendarYear, edit: CalendarEdit): CalendarYear {
  const key = edit.kind === 'holiday' ? 'holidays' : 'workingWeekends';
  const list = current[key].filter((d) => d !== edit.date);
  if (edit.op === 'add') list.push(edit.date);
  return { ...current, [key]: list.sort() };
}
