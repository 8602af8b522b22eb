import { Router, type Response } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { leaderScorecard, SCORECARD_COLUMNS } from '../../reports/leader-scorecard';
import { CONFERENCE_COLUMNS, conferenceReport } from '../../reports/conference-report';
import type { ReceptionPolicy } from '../../reception/reception-obligations';
import { tableToCsv, tableToXlsx, XLSX_TYPE, type Column, type Lang } from '../../reports/table-export';
import { hasRoleAnywhere, type Principal } from '../../org/access';
import { petitionReport, REPORT_COLUMNS } from '../../reports/reports';
import { parseOr400 } from '../errors';
import { needs } from '../scopes';
import { AppError } from '../../errors';
import { periodOf } from '../period-query';
import { ZReportQuery, ZScorecardQuery } from '../schemas/reports';

export function requireReportReader(principal: Principal): void {
  if (!hasRoleAnywhere(principal, ['supervisor', 'leader', 'admin']))
    throw new AppError('Forbidden', 'reports need role supervisor, leader or admin');
}

/** Answers a report as JSON, or as a table in CSV or XLSX (Vietnamese headings unless lang=en). */
async function sendReport<Row>(
  res: Response,
  q: { format: 'json' | 'csv' | 'xlsx'; lang: Lang; period?: string; from?: string; to?: string },
  report: unknown,
  table: { name: string; title: string; columns: Column<Row>[]; rows: Row[]; boldLastRow?: boolean },
): Promise<void> {
  const name = `${table.name}-${(q.period ?? `${q.from}_${q.to}`).replace(/[^\w-]/g, '')}`;
  if (q.format === 'csv')
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${name}.csv`)
      .send(tableToCsv(table.columns, table.rows, q.lang));
  else if (q.format === 'xlsx')
    res
      .type(XLSX_TYPE)
      .attachment(`${name}.xlsx`)
      .send(await tableToXlsx(table.title, table.columns, table.rows, q.lang, { boldLastRow: table.boldLastRow }));
  else res.json(report);
}

export function reportRoutes(deps: { prisma: PrismaClient; receptionPolicy?: ReceptionPolicy }): Router {
  const router = Router();
  router.get('/petitions', needs('reports:read'), async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZReportQuery, req.query, 'query');
    const period = periodOf(q);
    const report = await petitionReport(deps.prisma, req.principal!, period, q.groupBy);
    const title =
      q.lang === 'vi'
        ? `Báo cáo tình hình tiếp nhận, giải quyết đơn — ${period.label}`
        : `Petitions received and resolved — ${period.label}`;
    await sendReport(res, q, report, {
      name: `bao-cao-don-${q.groupBy}`,
      title,
      columns: REPORT_COLUMNS,
      rows: [...report.rows, report.total],
      boldLastRow: true,
    });
  });
  router.get('/conferences', needs('reports:read'), async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZScorecardQuery, req.query, 'query');
    const period = periodOf(q);
    if (!deps.receptionPolicy) throw new AppError('Unavailable', 'no reception policy configured');
    const report = await conferenceReport(deps.prisma, req.principal!, deps.receptionPolicy, period);
    await sendReport(res, q, report, {
      name: 'bao-cao-doi-thoai',
      title: `${report.headline[q.lang]} — ${period.label}`,
      columns: CONFERENCE_COLUMNS,
      rows: [...report.byField, report.opinions],
      boldLastRow: true,
    });
  });
  router.get('/leaders', needs('reports:read'), async (req, res) => {
    requireReportReader(req.principal!);
    const q = parseOr400(ZScorecardQuery, req.query, 'query');
    const period = periodOf(q);
    const card = await leaderScorecard(deps.prisma, req.principal!, period, new Date(), deps.receptionPolicy);
    const title =
      q.lang === 'vi'
        ? `Kết quả của lãnh đạo phụ trách địa bàn — ${period.label}`
        : `Responsible leaders' scorecard — ${period.label}`;
    await sendReport(res, q, card, { name: 'bang-diem-lanh-dao', title, columns: SCORECARD_COLUMNS, rows: card.rows });
  });
  return router;
}
