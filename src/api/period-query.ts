// Turns a validated period query (schemas/period.ts) into the range a report covers.
import { parsePeriod, rangePeriod, type Period } from '../domain/report-period';
import { AppError } from '../errors';

export function periodOf(q: { period?: string; from?: string; to?: string }): Period {
  const period = q.period ? parsePeriod(q.period) : rangePeriod(q.from!, q.to!);
  if (!period) throw new AppError('ValidationFailed', 'invalid request query', [{ path: 'period', message: 'use 2026-11, 2026-Q1, 2026-H1, 2026-9M or 2026' }]);
  return period;
}
