// When a unit's reception days fall (DOMAIN.md, "Reception days and dialogues"): "the 10th, 20th and
// 30th", "the third Tuesday", "every Thursday". A date on a holiday or weekend moves to the next working
// day. Pure, so the cycle workflow computes occurrences itself, from calendar tables it was given.
import { dayOf, formatDay, parseDay, weekdayOf, type DayNumber } from '../calendar/day';
import type { WorkingCalendar } from '../calendar/working-calendar';

export type ReceptionRule =
  /** Days of the month; a day past the month's end (the 30th in February) falls on its last day. */
  | { type: 'daysOfMonth'; days: number[] }
  /** The nth weekday of the month (n = -1: the last); weekday 0 = Sunday … 6 = Saturday. */
  | { type: 'nthWeekday'; n: 1 | 2 | 3 | 4 | -1; weekday: number }
  | { type: 'weekly'; weekdays: number[] }
  /** Once a year, e.g. the regular dialogue conference on 15 March (a day past the month's end is its last day). */
  | { type: 'yearly'; month: number; day: number };

export interface Occurrence {
  /** The date the rule names. */
  nominal: string;
  /** The date the session is held: the nominal date, or the next working day after it. */
  day: string;
}

function daysInMonth(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/** The dates the rule names in one month, in order. */
export function nominalDaysInMonth(rule: ReceptionRule, year: number, month: number): DayNumber[] {
  const first = dayOf(year, month, 1);
  const length = daysInMonth(year, month);
  switch (rule.type) {
    case 'daysOfMonth':
      return [...new Set(rule.days.map((d) => first + Math.min(d, length) - 1))].sort((a, b) => a - b);
    case 'weekly': {
      const out: DayNumber[] = [];
      for (let d = first; d < first + length; d += 1) if (rule.weekdays.includes(weekdayOf(d))) out.push(d);
      return out;
    }
    case 'yearly':
      return rule.month === month ? [first + Math.min(rule.day, length) - 1] : [];
    case 'nthWeekday': {
      const matches: DayNumber[] = [];
      for (let d = first; d < first + length; d += 1) if (weekdayOf(d) === rule.weekday) matches.push(d);
      const pick = rule.n === -1 ? matches[matches.length - 1] : matches[rule.n - 1];
      return pick === undefined ? [] : [pick];
    }
  }
}

export function nextWorkingDayOnOrAfter(day: DayNumber, calendar: WorkingCalendar): DayNumber {
  let d = day;
  // Tết is the longest run of days off (about nine with the weekends); a year bounds any table error.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(d); i += 1) d += 1;
  return d;
}

/**
 * The first `count` occurrences named after `afterDay` (the day of the last session, or the day before the
 * schedule applies). Two nominal dates that move onto the same working day make one session.
 */
export function occurrencesAfter(
  rule: ReceptionRule,
  afterDay: string,
  calendar: WorkingCalendar,
  count = 1,
): Occurrence[] {
  const after = parseDay(afterDay);
  const start = new Date(after * 86_400_000);
  // From the month before: its last dates may move forward past the month's end.
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth(); // 0-based: the previous month in 1-based terms
  if (month === 0) {
    year -= 1;
    month = 12;
  }
  const out: Occurrence[] = [];
  let lastHeld = after;
  // Ten years of months: enough for a yearly rule to produce several occurrences.
  for (let guard = 0; guard < 120 && out.length < count; guard += 1) {
    for (const nominal of nominalDaysInMonth(rule, year, month)) {
      // A date named before the start does not count even when it would move past it.
      if (nominal <= after) continue;
      const held = nextWorkingDayOnOrAfter(nominal, calendar);
      if (held <= lastHeld) continue;
      out.push({ nominal: formatDay(nominal), day: formatDay(held) });
      lastHeld = held;
      if (out.length === count) break;
    }
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Why a rule is unusable, or null. */
export function ruleProblem(rule: ReceptionRule): string | null {
  switch (rule.type) {
    case 'daysOfMonth':
      return rule.days.length === 0 || rule.days.some((d) => !Number.isInteger(d) || d < 1 || d > 31)
        ? 'days must be 1–31'
        : null;
    case 'weekly':
      return rule.weekdays.length === 0 || rule.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)
        ? 'weekdays must be 0–6 (0 = Sunday)'
        : null;
    case 'yearly':
      return !Number.isInteger(rule.month) ||
        rule.month < 1 ||
        rule.month > 12 ||
        !Number.isInteger(rule.day) ||
        rule.day < 1 ||
        rule.day > 31
        ? 'month 1–12, day 1–31'
        : null;
    case 'nthWeekday':
      return ![1, 2, 3, 4, -1].includes(rule.n) ||
        !Number.isInteger(rule.weekday) ||
        rule.weekday < 0 ||
        rule.weekday > 6
        ? 'n must be 1–4 or -1, weekday 0–6'
        : null;
  }
}

/** The rule in Vietnamese and English, for notices. */
export function describeRule(rule: ReceptionRule): { vi: string; en: string } {
  const VI_DAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
  const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const EN_NTH: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
  switch (rule.type) {
    case 'daysOfMonth':
      return { vi: `ngày ${rule.days.join(', ')} hằng tháng`, en: `the ${rule.days.join(', ')} of each month` };
    case 'weekly':
      return {
        vi: `${rule.weekdays.map((d) => VI_DAYS[d]).join(', ')} hằng tuần`,
        en: `every ${rule.weekdays.map((d) => EN_DAYS[d]).join(', ')}`,
      };
    case 'yearly':
      return { vi: `ngày ${rule.day}/${rule.month} hằng năm`, en: `${rule.day}/${rule.month} every year` };
    case 'nthWeekday':
      return {
        vi: `${VI_DAYS[rule.weekday]} ${rule.n === -1 ? 'cuối cùng' : `tuần thứ ${rule.n}`} của tháng`,
        en: `the ${EN_NTH[rule.n]} ${EN_DAYS[rule.weekday]} of each month`,
      };
  }
}
