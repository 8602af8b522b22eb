// The working calendar as data: an admin's table for a year replaces the computed default.
import type { PrismaClient } from '../platform/db/prisma';
import { isWeekend, parseDay, yearOf } from '../domain/calendar/day';
import { defaultCalendarYear, type CalendarYear } from '../domain/calendar/holidays';
import { YEARS_AHEAD, workingCalendarFrom, type WorkingCalendar } from '../domain/calendar/working-calendar';
import { AppError } from '../errors';

export async function getCalendarYear(
  prisma: PrismaClient,
  year: number,
): Promise<CalendarYear & { source: 'admin' | 'default' }> {
  const row = await prisma.calendarYear.findUnique({ where: { year } });
  if (row)
    return {
      year,
      holidays: [...row.holidays].sort(),
      workingWeekends: [...row.workingWeekends].sort(),
      source: 'admin',
    };
  return { ...defaultCalendarYear(year), source: 'default' };
}

/** The tables a clock starting in `fromYear` may need (long limits cross New Year). */
export async function calendarYearsFrom(prisma: PrismaClient, fromYear: number): Promise<CalendarYear[]> {
  const years = Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => fromYear + i);
  return Promise.all(
    years.map(async (y) => {
      const { source: _source, ...table } = await getCalendarYear(prisma, y);
      return table;
    }),
  );
}

export async function workingCalendarFor(prisma: PrismaClient, fromYear: number): Promise<WorkingCalendar> {
  return workingCalendarFrom(await calendarYearsFrom(prisma, fromYear), defaultCalendarYear);
}

export function validateCalendarYear(
  year: number,
  body: { holidays: string[]; workingWeekends: string[] },
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const check = (list: string[], key: 'holidays' | 'workingWeekends') =>
    list.forEach((date, i) => {
      let day: number;
      try {
        day = parseDay(date);
      } catch {
        problems.push({ path: `${key}.${i}`, message: `not a date (YYYY-MM-DD): ${date}` });
        return;
      }
      if (yearOf(day) !== year) problems.push({ path: `${key}.${i}`, message: `${date} is not in ${year}` });
      if (key === 'workingWeekends' && !isWeekend(day))
        problems.push({ path: `${key}.${i}`, message: `${date} is not a Saturday or Sunday` });
    });
  check(body.holidays, 'holidays');
  check(body.workingWeekends, 'workingWeekends');
  const overlap = body.holidays.filter((d) => body.workingWeekends.includes(d));
  if (overlap.length)
    problems.push({ path: 'workingWeekends', message: `both a holiday and a working day: ${overlap.join(', ')}` });
  return problems;
}

export async function putCalendarYear(
  prisma: PrismaClient,
  year: number,
  body: { holidays: string[]; workingWeekends: string[] },
  actorId: string,
): Promise<CalendarYear> {
  const problems = validateCalendarYear(year, body);
  if (problems.length) throw new AppError('ValidationFailed', 'invalid calendar', problems);
  const holidays = [...new Set(body.holidays)].sort();
  const workingWeekends = [...new Set(body.workingWeekends)].sort();
  await prisma.calendarYear.upsert({
    where: { year },
    create: { year, holidays, workingWeekends, updatedById: actorId },
    update: { holidays, workingWeekends, updatedById: actorId },
  });
  return { year, holidays, workingWeekends };
}
