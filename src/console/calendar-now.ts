import { workingCalendarFor } from '../calendar/calendar-store';
import { localDayOf, yearOf } from '../domain/calendar/day';
import type { PetitionServiceDeps } from '../petitions/petitions';
import { nowFrom } from '../platform/runtime/clock';

/** Now, and the working calendar the time-left badges count on. */
export async function calendarNow(deps: Pick<PetitionServiceDeps, 'prisma' | 'now'>) {
  const now = nowFrom(deps);
  return { now, calendar: await workingCalendarFor(deps.prisma, yearOf(localDayOf(now.getTime()))) };
}
