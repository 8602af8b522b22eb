// The first-time complaint's filing window (Luật Khiếu nại 2011, Đ.9): 90 days from the day the
// complainant received or learned of the decision or act, counted on the working calendar like every
// other limit (Civil Code arts. 147–148: the first day is not counted, a last day on a rest day moves on).
import { computeDeadline } from '../domain/calendar/deadline';
import { localDayOf, localTimeOn, parseDay, formatDay, type DayNumber } from '../domain/calendar/day';
import type { WorkingCalendar } from '../domain/calendar/working-calendar';

export const COMPLAINT_FILING_DAYS = 90;

export interface ComplaintWindow {
  knownDay: string;
  lastDay: string;
  open: boolean;
}

export function complaintWindow(knownOn: string, nowMs: number, calendar: WorkingCalendar): ComplaintWindow {
  const known: DayNumber = parseDay(knownOn);
  const deadline = computeDeadline(
    { startMs: localTimeOn(known, 12), limit: COMPLAINT_FILING_DAYS, unit: 'days' },
    calendar,
  );
  return { knownDay: formatDay(known), lastDay: deadline.dueDate, open: localDayOf(nowMs) <= deadline.dueDay };
}
