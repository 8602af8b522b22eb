// The reporting period every report and check takes: `period` (2026-11, 2026-Q1, 2026-H1, 2026-9M, 2026)
// or both `from` and `to`.
import { day, str } from './text';

export const ZPeriodFields = {
  period: str()
    .optional()
    .describe('2026-11 (month), 2026-Q1, 2026-H1 (six months), 2026-9M (nine months), 2026 (year)'),
  from: day().optional(),
  to: day().optional(),
};

export const periodRefinement: [
  (q: { period?: string; from?: string; to?: string }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => Boolean(q.period) !== Boolean(q.from && q.to),
  { message: 'give either period or both from and to', path: ['period'] },
];
