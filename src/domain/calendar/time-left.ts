// How much time a deadline leaves, counted on the working calendar, as the console's badges say it:
// "Còn 3 ngày làm việc" (working days left after today), "Đến hạn hôm nay", "Quá hạn 2 ngày" (calendar days).
import { endOfLocalDay, localDayOf } from './day';
import type { WorkingCalendar } from './working-calendar';

export type TimeLeft =
  { state: 'left'; workingDays: number } | { state: 'dueToday' } | { state: 'overdue'; days: number };

const MAX_SCAN_DAYS = 3 * 366;

export function timeLeft(nowMs: number, dueAtMs: number, calendar: WorkingCalendar): TimeLeft {
  const today = localDayOf(nowMs);
  const dueDay = localDayOf(dueAtMs);
  if (dueAtMs < nowMs) return { state: 'overdue', days: Math.max(1, today - dueDay) };
  if (dueDay === today) return { state: 'dueToday' };
  let workingDays = 0;
  for (let day = today + 1; day <= dueDay && day - today <= MAX_SCAN_DAYS; day++)
    if (calendar.isWorkingDay(day)) workingDays++;
  return { state: 'left', workingDays };
}

/** The end (24:00 Vietnam time) of the n-th working day after today: "due within n working days" ends there. */
export function endOfWorkingDaysAhead(nowMs: number, n: number, calendar: WorkingCalendar): number {
  let day = localDayOf(nowMs);
  let counted = 0;
  while (counted < n && day - localDayOf(nowMs) <= MAX_SCAN_DAYS) {
    day++;
    if (calendar.isWorkingDay(day)) counted++;
  }
  return endOfLocalDay(day);
}
