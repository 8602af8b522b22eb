// The leader's extension queue, the supervisor's overdue and escalated work, and the reports: the same use
// cases (and the same report access rule) as the JSON API.
import { Router, type Request, type Response } from 'express';
import { listPetitions } from '../petitions/petitions';
import { getPetitionClock } from '../petitions/petition-clock';
import { GROUPINGS, petitionReport, REPORT_COLUMNS, type Grouping } from '../reports/reports';
import { tableToCsv, tableToXlsx, XLSX_TYPE } from '../reports/table-export';
import { periodOf } from '../api/period-query';
import { requireReportReader } from '../api/routes/reports';
import { listOutbox, readOutboxMessage } from '../org/outbox-access';
import { AppError } from '../errors';
import { toAppError } from '../web/app-errors';
import { compareNames } from '../web/format';
import { sendPage } from '../web/render';
import type { ConsoleDeps } from './console-deps';
import { calendarNow } from './calendar-now';
import type { PageContext } from './page-context';
import { refusalWords } from './refusals';
import { ExtensionsPage } from './pages/extensions';
import { OversightPage } from './pages/oversight';
import { ReportsPage, type ReportQuery } from './pages/reports';
import { OutboxPage } from './pages/outbox';
import { nowFrom } from '../platform/runtime/clock';

const OVERSIGHT_PAGE_SIZE = 200;

function reportQueryOf(req: Request, defaultPeriod: string): ReportQuery {
  const q = req.query as Record<string, string | undefined>;
  const range = Boolean(q.from && q.to);
  return {
    period: q.period ?? (range ? '' : defaultPeriod),
    from: q.from ?? '',
    to: q.to ?? '',
    groupBy: GROUPINGS.find((g) => g === q.groupBy) ?? 'unit',
  };
}

function periodOfQuery(query: ReportQuery) {
  return periodOf(query.period ? { period: query.period } : { from: query.from, to: query.to });
}

export function oversightPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();

  router.get('/extensions', async (req, res) => {
    const principal = req.principal!;
    const list = await listPetitions(deps, principal, { awaitingDecision: true, page: 1, pageSize: 100 });
    const clocks = await Promise.all(list.items.map((p) => getPetitionClock(deps, principal, p.id)));
    const requesterIds = clocks.map((c) => c?.pendingExtension?.requestedById).filter((x): x is string => Boolean(x));
    const people = new Map(
      (
        await deps.prisma.person.findMany({ where: { id: { in: requesterIds } }, select: { id: true, fullName: true } })
      ).map((p) => [p.id, p.fullName]),
    );
    const rows = list.items.map((p, i) => {
      const pending = clocks[i]?.pendingExtension ?? null;
      return {
        id: p.id,
        trackingCode: p.trackingCode,
        kind: p.kind,
        subject: p.subject,
        unitName: p.unit.name,
        days: pending?.days ?? null,
        reason: pending?.reason ?? null,
        requestedBy: pending ? (people.get(pending.requestedById) ?? null) : null,
      };
    });
    const done =
      typeof req.query.done === 'string' && /^[\w-]{1,40}$/.test(req.query.done) ? req.query.done : undefined;
    sendPage(res, <ExtensionsPage ctx={ctxOf(req)} rows={rows} done={done} />);
  });

  router.get('/oversight', async (req, res) => {
    const principal = req.principal!;
    const [overdue, escalated, { now, calendar }] = await Promise.all([
      listPetitions(deps, principal, { overdue: true, page: 1, pageSize: OVERSIGHT_PAGE_SIZE }),
      listPetitions(deps, principal, { escalated: true, open: true, page: 1, pageSize: OVERSIGHT_PAGE_SIZE }),
      calendarNow(deps),
    ]);
    const byUnit = new Map<string, { name: string; overdue: number; escalated: number }>();
    const bump = (unit: { id: string; name: string }, key: 'overdue' | 'escalated') => {
      const row = byUnit.get(unit.id) ?? { name: unit.name, overdue: 0, escalated: 0 };
      row[key]++;
      byUnit.set(unit.id, row);
    };
    overdue.items.forEach((p) => bump(p.unit, 'overdue'));
    escalated.items.forEach((p) => bump(p.unit, 'escalated'));
    sendPage(
      res,
      <OversightPage
        ctx={ctxOf(req)}
        overdue={overdue}
        escalated={escalated}
        byUnit={[...byUnit.values()].sort((a, b) => compareNames(a.name, b.name))}
        now={now}
        calendar={calendar}
      />,
    );
  });

  const defaultPeriod = () => {
    const now = nowFrom(deps);
    return now.toISOString().slice(0, 4);
  };

  router.get('/reports', async (req, res) => {
    const ctx = ctxOf(req);
    requireReportReader(req.principal!);
    const query = reportQueryOf(req, defaultPeriod());
    try {
      const period = periodOfQuery(query);
      const report = await petitionReport(deps.prisma, req.principal!, period, query.groupBy as Grouping);
      sendPage(res, <ReportsPage ctx={ctx} query={query} report={report} />);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'ValidationFailed') throw appError;
      sendPage(
        res,
        <ReportsPage
          ctx={ctx}
          query={query}
          report={null}
          error={`${ctx.t('reportPeriodInvalid')} ${refusalWords(ctx, appError).detail ?? ''}`}
        />,
        400,
      );
    }
  });

  router.get('/reports/download', async (req, res) => {
    requireReportReader(req.principal!);
    const lang = ctxOf(req).lang;
    const query = reportQueryOf(req, defaultPeriod());
    const period = periodOfQuery(query);
    const report = await petitionReport(deps.prisma, req.principal!, period, query.groupBy as Grouping);
    const rows = [...report.rows, report.total];
    const name = `bao-cao-don-${query.groupBy}-${period.label.replace(/[^\w-]/g, '')}`;
    if (req.query.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${name}.csv`)
        .send(tableToCsv(REPORT_COLUMNS, rows, lang));
    } else if (req.query.format === 'xlsx') {
      const title =
        lang === 'vi'
          ? `Báo cáo tình hình tiếp nhận, giải quyết đơn — ${period.label}`
          : `Petitions received and resolved — ${period.label}`;
      res
        .type(XLSX_TYPE)
        .attachment(`${name}.xlsx`)
        .send(await tableToXlsx(title, REPORT_COLUMNS, rows, lang, { boldLastRow: true }));
    } else {
      throw new AppError('ValidationFailed', 'format is csv or xlsx');
    }
  });

  const outbox = async (req: Request, res: Response, id: string | null) => {
    // The same reading rules as GET /outbox: each reader sees their units' mail, sealed denouncers masked.
    if (!deps.outbox) throw new AppError('NotFound', 'no local outbox: e-mail goes to the relay in SMTP_URL');
    const [items, open] = await Promise.all([
      listOutbox(deps.prisma, deps.outbox, req.principal!),
      id ? readOutboxMessage(deps.prisma, deps.outbox, req.principal!, id) : Promise.resolve(null),
    ]);
    sendPage(res, <OutboxPage ctx={ctxOf(req)} items={items.slice().reverse()} open={open} />);
  };
  router.get('/outbox', (req, res) => outbox(req, res, null));
  router.get('/outbox/:id', (req, res) => outbox(req, res, req.params.id));

  return router;
}
