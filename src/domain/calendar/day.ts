// Calendar days as integers (days since 1970-01-01) and "YYYY-MM-DD" strings. Vietnam keeps UTC+7 all
// year (no daylight saving), so local days are plain arithmetic: no time-zone database is needed, and the
// same code runs inside workflows.
export const DAY_MS = 86_400_000;
export const VN_OFFSET_MS = 7 * 3_600_000;

export type DayNumber = number;

export function dayOf(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function parseDay(text: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): "${text}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayOf(y, mo, d);
  if (formatDay(n) !== text) throw new RangeError(`no such date: "${text}"`);
  return n;
}

export function formatDay(n: DayNumber): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(n: DayNumber): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: DayNumber): number {
  return new Date(n * DAY_MS).getUTCDay();
}

export function isWeekend(n: DayNumber): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

/** The local (Asia/Ho_Chi_Minh) calendar day of an instant. */
export function localDayOf(instantMs: number): DayNumber {
  return Math.floor((instantMs + VN_OFFSET_MS) / DAY_MS);
}

/** The last millisecond of a local day: a period "ends at 24:00 of its last day". */
export function endOfLocalDay(n: DayNumber): number {
  return (n + 1) * DAY_MS - VN_OFFSET_MS - 1;
}

/** An instant as ISO-8601 with the +07:00 offset, e.g. 2026-12-23T23:59:59.999+07:00. */
export function formatVnInstant(instantMs: number): string {
  return new Date(instantMs + VN_OFFSET_MS).toISOString().replace('Z', '+07:00');
}

/** The instant of a local wall-clock time (Asia/Ho_Chi_Minh) on a day: reminders at 08:00, sessions at their hour. */
export function localTimeOn(n: DayNumber, hours: number, minutes = 0): number {
  return n * DAY_MS - VN_OFFSET_MS + hours * 3_600_000 + minutes * 60_000;
}
