// Turns a validated period query (schemas/period.ts) into the range a report covers.
import { parsePeriod, rangePeriod, REPORT_YEARS, type Period } from '../domain/report-period';
import { AppError } from '../errors';

export function periodOf(q: { period?: string; from?: string; to?: string }): Period {
  const years = `years ${REPORT_YEARS.first}–${REPORT_YEARS.last} / năm ${REPORT_YEARS.first}–${REPORT_YEARS.last}`;
  if (q.period) {
    const period = parsePeriod(q.period);
    if (!period)
      throw new AppError('ValidationFailed', 'invalid request query', [
        { path: 'period', message: `use 2026-11, 2026-Q1, 2026-H1, 2026-9M or 2026, ${years}` },
      ]);
    return period;
  }
  const period = rangePeriod(q.from!, q.to!);
  if (!period)
    throw new AppError('ValidationFailed', 'invalid request query', [
      { path: 'from', message: `from and to are days of ${years}, from not after to` },
    ]);
  return period;
}
