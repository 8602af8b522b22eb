import type { PrismaClient } from '../../src/platform/db/prisma';
import type { CalendarYear } from '../../src/domain/calendar/holidays';
import { calendarYearsFrom } from '../../src/calendar/calendar-store';

/** The admins' calendar tables from a year on, read afresh for each decision of the reception cycle. */
export function makeLoadCalendarYears(deps: { prisma: PrismaClient }) {
  return async function loadCalendarYears(input: { fromYear: number }): Promise<CalendarYear[]> {
    return calendarYearsFrom(deps.prisma, input.fromYear);
  };
}
