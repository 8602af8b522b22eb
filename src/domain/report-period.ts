// Reporting periods as the source reports name them: a month, the first quarter, six months, nine
// months, a year — or any date range. Boundaries are local days in Asia/Ho_Chi_Minh.
import { dayOf, endOfLocalDay, parseDay, DAY_MS, VN_OFFSET_MS } from './calendar/day';

export interface Period {
  label: string;
  fromMs: number;
  toMs: number;
}

/** The years the working calendar serves (GET /calendar/{year}); a report outside them has no calendar to count with. */
export const REPORT_YEARS = { first: 1900, last: 2200 } as const;
const supportedYear = (year: number) => year >= REPORT_YEARS.first && year <= REPORT_YEARS.last;

const startOfLocalDay = (day: number) => day * DAY_MS - VN_OFFSET_MS;

function months(year: number, first: number, last: number, label: string): Period {
  const lastDay = dayOf(year, last + 1, 1) - 1;
  return { label, fromMs: startOfLocalDay(dayOf(year, first, 1)), toMs: endOfLocalDay(lastDay) };
}

/** "2026-11" (month), "2026-Q1".."Q4", "2026-H1"/"H2" (six months), "2026-9M" (nine months), "2026" (year). */
export function parsePeriod(text: string): Period | null {
  // Date.UTC reads years 0–99 as 1900–1999: "0099-Q1" would answer 1999 under a "0099" label.
  const year = /^(\d{4})/.exec(text);
  if (!year || !supportedYear(Number(year[1]))) return null;
  let m = /^(\d{4})$/.exec(text);
  if (m) return months(Number(m[1]), 1, 12, `năm ${m[1]}`);
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return months(Number(m[1]), Number(m[2]), Number(m[2]), `tháng ${Number(m[2])}/${m[1]}`);
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return months(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, Number(m[2]) * 3, `quý ${m[2]}/${m[1]}`);
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m)
    return months(
      Number(m[1]),
      m[2] === '1' ? 1 : 7,
      m[2] === '1' ? 6 : 12,
      `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`,
    );
  m = /^(\d{4})-9M$/.exec(text);
  if (m) return months(Number(m[1]), 1, 9, `9 tháng năm ${m[1]}`);
  return null;
}

/** A date range, or null when a day does not exist, lies outside REPORT_YEARS, or `to` comes before `from`. */
export function rangePeriod(from: string, to: string): Period | null {
  const days = [from, to].map((text) => {
    try {
      return supportedYear(Number(text.slice(0, 4))) ? parseDay(text) : null;
    } catch {
      return null;
    }
  });
  const [first, last] = days;
  if (first === null || first === undefined || last === null || last === undefined || last < first) return null;
  return { label: `${from} – ${to}`, fromMs: startOfLocalDay(first), toMs: endOfLocalDay(last) };
}
