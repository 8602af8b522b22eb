import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../db/prisma';
import { parsePeriod, rangePeriod, type Period } from '../../domain/report-period';
import { leaderScorecard, SCORECARD_COLUMNS } from '../../services/leader-scorecard';
import { CONFERENCE_COLUMNS, conferenceReport } from '../../services/conference-report';
import type { ReceptionPolicy } from '../../services/reception-obligations';
import { tableToCsv, tableToXlsx, XLSX_TYPE } from '../../services/table-export';
import { hasRoleAnywhere, type Principal } from '../../services/access';
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

export const ZScorecardQuery = z
  .object({
    period: z.string().optional().describe('2026-11, 2026-Q1, 2026-H1, 2026-9M or 2026'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .refine((q) => Boolean(q.period) !== Boolean(q.from && q.to), { message: 'give either period or both from and to', path: ['period'] });

function periodOf(q: { period?: string; from?: string; to?: string }): Period {
  const period = q.period ? parsePeriod(q.period) : rangePeriod(q.from!, q.to!);
  if (!period) throw new AppError('ValidationFailed', 'invalid request query', [{ path: 'period', message: 'use 2026-11, 2026-Q1, 2026-H1, 2026-9M or 2026' }]);
  return period;
}

function requireReportReader(principal: Principal): void {
  if (!hasRoleAnywhere(principal, ['supervisor', 'leader', 'admin'])) throw new AppError('Forbidden', 'reports need role supervisor, leader or admin');
}

export function reportRoutes(deps: { prisma: PrismaClient; receptionPolicy?: ReceptionPolicy }): Router {
  const router = Router();
  router.get('/petitions', async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZReportQuery, req.query, 'query');
    const period = periodOf(q);
    const report = await petitionReport(deps.prisma, req.principal!, period, q.groupBy);
    const name = `bao-cao-don-${(q.period ?? `${q.from}_${q.to}`).replace(/[^\w-]/g, '')}-${q.groupBy}`;
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(reportToCsv(report, q.lang));
    } else if (q.format === 'xlsx') {
      res.type(XLSX_TYPE).attachment(`${name}.xlsx`).send(await reportToXlsx(report, q.lang));
    } else {
      res.json(report);
    }
  });
  router.get('/conferences', async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZScorecardQuery, req.query, 'query');
    const period = periodOf(q);
    if (!deps.receptionPolicy) throw new AppError('Unavailable', 'no reception policy configured');
    const report = await conferenceReport(deps.prisma, req.principal!, deps.receptionPolicy, period);
    const name = `bao-cao-doi-thoai-${(q.period ?? `${q.from}_${q.to}`).replace(/[^\w-]/g, '')}`;
    const rows = [...report.byField, report.opinions];
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(tableToCsv(CONFERENCE_COLUMNS, rows, q.lang));
    } else if (q.format === 'xlsx') {
      res.type(XLSX_TYPE).attachment(`${name}.xlsx`).send(await tableToXlsx(`${report.headline[q.lang]} — ${period.label}`, CONFERENCE_COLUMNS, rows, q.lang, { boldLastRow: true }));
    } else {
      res.json(report);
    }
  });
  router.get('/leaders', async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZScorecardQuery, req.query, 'query');
    const period = periodOf(q);
    const card = await leaderScorecard(deps.prisma, req.principal!, period, new Date(), deps.receptionPolicy);
    const name = `bang-diem-lanh-dao-${(q.period ?? `${q.from}_${q.to}`).replace(/[^\w-]/g, '')}`;
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(tableToCsv(SCORECARD_COLUMNS, card.rows, q.lang));
    } else if (q.format === 'xlsx') {
      const title = q.lang === 'vi' ? `Kết quả của lãnh đạo phụ trách địa bàn — ${period.label}` : `Responsible leaders' scorecard — ${period.label}`;
      res.type(XLSX_TYPE).attachment(`${name}.xlsx`).send(await tableToXlsx(title, SCORECARD_COLUMNS, card.rows, q.lang));
    } else {
      res.json(card);
    }
  });
  return router;
}
