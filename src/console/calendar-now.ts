import { workingCalendarFor } from '../calendar/calendar-store';
import { localDayOf, yearOf } from '../domain/calendar/day';
import type { PetitionServiceDeps } from '../petitions/petitions';

/** Now, and the working calendar the time-left badges count on. */
export async function calendarNow(deps: Pick<PetitionServiceDeps, 'prisma' | 'now'>) {
  const now = (deps.now ?? (() => new Date()))();
  return { now, calendar: await workingCalendarFor(deps.prisma, yearOf(localDayOf(now.getTime()))) };
}
