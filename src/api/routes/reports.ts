import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../db/prisma';
import { parsePeriod, rangePeriod } from '../../domain/report-period';
import { hasRoleAnywhere } from '../../services/access';
import { GROUPINGS, petitionReport, reportToCsv, reportToXlsx } from '../../services/reports';
import { AppError, parseOr400 } from '../errors';

export const ZReportQuery = z
  .object({
    period: z.string().optional().describe('2026-11 (month), 2026-Q1, 2026-H1 (six months), 2026-9M (nine months), 2026 (year)'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    groupBy: z.enum(GROUPINGS).default('unit'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .refine((q) => Boolean(q.period) !== Boolean(q.from && q.to), { message: 'give either period or both from and to', path: ['period'] });

export function reportRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/petitions', async (req, res) => {
    if (!hasRoleAnywhere(req.principal!, ['supervisor', 'leader', 'admin'])) throw new AppError('Forbidden', 'reports need role supervisor, leader or admin');
    const q = parseOr400(ZReportQuery, req.query, 'query');
    const period = q.period ? parsePeriod(q.period) : rangePeriod(q.from!, q.to!);
    if (!period) throw new AppError('ValidationFailed', 'invalid request query', [{ path: 'period', message: 'use 2026-11, 2026-Q1, 2026-H1, 2026-9M or 2026' }]);
    const report = await petitionReport(deps.prisma, req.principal!, period, q.groupBy);
    const name = `bao-cao-don-${(q.period ?? `${q.from}_${q.to}`).replace(/[^\w-]/g, '')}-${q.groupBy}`;
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(reportToCsv(report, q.lang));
    } else if (q.format === 'xlsx') {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await reportToXlsx(report, q.lang));
    } else {
      res.json(report);
    }
  });
  return router;
}
