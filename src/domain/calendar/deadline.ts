// Deadline arithmetic (Civil Code 2015, arts. 147–148): the first day is not counted; a period ends at
// 24:00 of its last day; a last day on a weekend or public holiday moves to the end of the next working
// day. Working-day limits count working days only. Used by workflows and the API alike.
import { endOfLocalDay, formatDay, formatVnInstant, localDayOf, type DayNumber } from './day';
import type { WorkingCalendar } from './working-calendar';

export type LimitUnit = 'days' | 'working_days';

export interface DeadlineInput {
  startMs: number;
  limit: number;
  unit: LimitUnit;
}

export interface Deadline {
  dueDay: DayNumber;
  dueDate: string;
  /** The last millisecond of the due day in Asia/Ho_Chi_Minh. */
  dueAtMs: number;
  dueAt: string;
}

export function computeDeadline(input: DeadlineInput, calendar: WorkingCalendar): Deadline {
  if (!Number.isInteger(input.limit) || input.limit < 0) throw new RangeError('limit must be a non-negative integer');
  const startDay = localDayOf(input.startMs);
  let day: DayNumber;
  if (input.unit === 'days') {
    day = startDay + input.limit;
    while (!calendar.isWorkingDay(day)) day++;
  } else {
    day = startDay;
    let counted = 0;
    while (counted < input.limit) {
      day++;
      if (calendar.isWorkingDay(day)) counted++;
    }
    // A zero-day limit on a rest day still ends on a working day.
    while (!calendar.isWorkingDay(day)) day++;
  }
  const dueAtMs = endOfLocalDay(day);
  return { dueDay: day, dueDate: formatDay(day), dueAtMs, dueAt: formatVnInstant(dueAtMs) };
}
