// Which days are working days, from yearly tables (an admin's, or the computed default).
import { formatDay, isWeekend, parseDay, yearOf, type DayNumber } from './day';
import type { CalendarYear } from './holidays';

export interface WorkingCalendar {
  isWorkingDay(day: DayNumber): boolean;
}

/** Years the calendar must cover for a deadline starting in `fromYear` (long clocks cross New Year). */
export const YEARS_AHEAD = 2;

export class MissingCalendarYearError extends Error {}

export function workingCalendarFrom(
  years: readonly CalendarYear[],
  fallback?: (year: number) => CalendarYear,
): WorkingCalendar {
  const tables = new Map<number, { holidays: Set<DayNumber>; working: Set<DayNumber> }>();
  const add = (y: CalendarYear) =>
    tables.set(y.year, {
      holidays: new Set(y.holidays.map(parseDay)),
      working: new Set(y.workingWeekends.map(parseDay)),
    });
  for (const y of years) add(y);
  return {
    isWorkingDay(day) {
      const year = yearOf(day);
      let table = tables.get(year);
      if (!table) {
        if (!fallback) throw new MissingCalendarYearError(`no calendar for ${year} (asked about ${formatDay(day)})`);
        add(fallback(year));
        table = tables.get(year)!;
      }
      if (table.working.has(day)) return true;
      if (isWeekend(day)) return false;
      return !table.holidays.has(day);
    },
  };
}
