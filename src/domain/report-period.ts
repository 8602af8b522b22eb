// Reporting periods as the source reports name them: a month, the first quarter, six months, nine
// months, a year — or any date range. Boundaries are local days in Asia/Ho_Chi_Minh.
import { dayOf, endOfLocalDay, parseDay, DAY_MS, VN_OFFSET_MS } from './calendar/day';

export interface Period {
  label: string;
  fromMs: number;
  toMs: number;
}

const startOfLocalDay = (day: number) => day * DAY_MS - VN_OFFSET_MS;

function months(year: number, first: number, last: number, label: string): Period {
  const lastDay = dayOf(year, last + 1, 1) - 1;
  return { label, fromMs: startOfLocalDay(dayOf(year, first, 1)), toMs: endOfLocalDay(lastDay) };
}

/** "2026-11" (month), "2026-Q1".."Q4", "2026-H1"/"H2" (six months), "2026-9M" (nine months), "2026" (year). */
export function parsePeriod(text: string): Period | null {
  let m = /^(\d{4})$/.exec(text);
  if (m) return months(Number(m[1]), 1, 12, `năm ${m[1]}`);
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return months(Number(m[1]), Number(m[2]), Number(m[2]), `tháng ${Number(m[2])}/${m[1]}`);
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return months(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, Number(m[2]) * 3, `quý ${m[2]}/${m[1]}`);
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m) return months(Number(m[1]), m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12, `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`);
  m = /^(\d{4})-9M$/.exec(text);
  if (m) return months(Number(m[1]), 1, 9, `9 tháng năm ${m[1]}`);
  return null;
}

export function rangePeriod(from: string, to: string): Period {
  return { label: `${from} – ${to}`, fromMs: startOfLocalDay(parseDay(from)), toMs: endOfLocalDay(parseDay(to)) };
}
