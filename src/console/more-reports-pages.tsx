// The supervisor's reports beyond the petition report — the leader scorecard, the conference report and
// the reception-duty check — on the same use cases and the same access rule as GET /reports/leaders,
// /reports/conferences and /reception/obligations, with the same CSV and XLSX tables where the API has them
// (and for the reception duty, whose API answers JSON only, the page's table).
import { Router, type Request, type Response } from 'express';
import { leaderScorecard, SCORECARD_COLUMNS } from '../reports/leader-scorecard';
import { CONFERENCE_COLUMNS, conferenceReport } from '../reports/conference-report';
import { receptionObligations, type ObligationRow } from '../reception/reception-obligations';
import { tableToCsv, tableToXlsx, XLSX_TYPE, type Column } from '../reports/table-export';
import { periodOf } from '../api/period-query';
import { requireReportReader } from '../api/routes/reports';
import type { Period } from '../domain/report-period';
import { UnitTree } from '../org/access';
import { AppError } from '../errors';
import { toAppError } from '../web/app-errors';
import { sendPage } from '../web/render';
import { nowFrom } from '../platform/runtime/clock';
import type { ConsoleDeps } from './console-deps';
import type { PageContext } from './page-context';
import { refusalWords } from './refusals';
import { CONSOLE_WORDS, type ConsoleKey } from './messages';
import { translator, type Translate } from '../web/i18n';
import { ConferenceReportPage, ObligationsPage, ScorecardPage } from './pages/more-reports';
import type { PeriodQuery } from './pages/report-parts';

function periodQueryOf(req: Request, defaultPeriod: string): PeriodQuery {
  const q = req.query as Record<string, string | undefined>;
  const range = Boolean(q.from && q.to);
  return { period: q.period ?? (range ? '' : defaultPeriod), from: q.from ?? '', to: q.to ?? '' };
}

const periodOfQuery = (query: PeriodQuery): Period =>
  periodOf(query.period ? { period: query.period } : { from: query.from, to: query.to });

export function moreReportsPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();
  const defaultPeriod = () => nowFrom(deps).toISOString().slice(0, 4);

  /** Runs a report for the page; a bad period is a 400 page with the picker kept, as on the petition report. */
  const reportPage = async <T,>(
    req: Request,
    res: Response,
    load: (period: Period) => Promise<T>,
    render: (query: PeriodQuery, data: T | null, error?: string) => preact.JSX.Element,
  ) => {
    requireReportReader(req.principal!);
    const ctx = ctxOf(req);
    const query = periodQueryOf(req, defaultPeriod());
    let period: Period;
    try {
      period = periodOfQuery(query);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'ValidationFailed') throw appError;
      const words = `${ctx.t('reportPeriodInvalid')} ${refusalWords(ctx, appError).detail ?? ''}`;
      sendPage(res, render(query, null, words), 400);
      return;
    }
    sendPage(res, render(query, await load(period)));
  };

  /** The same table files as the API's `format=csv|xlsx` for the report. */
  const download = async <Row,>(
    req: Request,
    res: Response,
    table: (
      period: Period,
      lang: 'vi' | 'en',
    ) => Promise<{ name: string; title: string; columns: Column<Row>[]; rows: Row[]; boldLastRow?: boolean }>,
  ) => {
    requireReportReader(req.principal!);
    const lang = ctxOf(req).lang;
    const period = periodOfQuery(periodQueryOf(req, defaultPeriod()));
    const t = await table(period, lang);
    const name = `${t.name}-${period.label.replace(/[^\w-]/g, '')}`;
    if (req.query.format === 'csv')
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${name}.csv`)
        .send(tableToCsv(t.columns, t.rows, lang));
    else if (req.query.format === 'xlsx')
      res
        .type(XLSX_TYPE)
        .attachment(`${name}.xlsx`)
        .send(await tableToXlsx(t.title, t.columns, t.rows, lang, { boldLastRow: t.boldLastRow }));
    else throw new AppError('ValidationFailed', 'format is csv or xlsx');
  };

  const scorecard = (req: Request, period: Period) =>
    leaderScorecard(deps.prisma, req.principal!, period, nowFrom(deps), deps.receptionPolicy);
  const conferences = (req: Request, period: Period) =>
    conferenceReport(deps.prisma, req.principal!, deps.receptionPolicy, period, nowFrom(deps));

  router.get('/reports/leaders', (req, res) =>
    reportPage(
      req,
      res,
      (period) => scorecard(req, period),
      (query, card, error) => <ScorecardPage ctx={ctxOf(req)} query={query} card={card} error={error} />,
    ),
  );
  router.get('/reports/leaders/download', (req, res) =>
    download(req, res, async (period, lang) => ({
      name: 'bang-diem-lanh-dao',
      title:
        lang === 'vi'
          ? `Kết quả của lãnh đạo phụ trách địa bàn — ${period.label}`
          : `Responsible leaders' scorecard — ${period.label}`,
      columns: SCORECARD_COLUMNS,
      rows: (await scorecard(req, period)).rows,
    })),
  );

  router.get('/reports/conferences', (req, res) =>
    reportPage(
      req,
      res,
      (period) => conferences(req, period),
      (query, report, error) => <ConferenceReportPage ctx={ctxOf(req)} query={query} report={report} error={error} />,
    ),
  );
  router.get('/reports/conferences/download', (req, res) =>
    download(req, res, async (period, lang) => {
      const report = await conferences(req, period);
      return {
        name: 'bao-cao-doi-thoai',
        title: `${report.headline[lang]} — ${period.label}`,
        columns: CONFERENCE_COLUMNS,
        rows: [...report.byField, report.opinions],
        boldLastRow: true,
      };
    }),
  );

  const obligations = (req: Request, period: Period) =>
    receptionObligations(deps.prisma, req.principal!, deps.receptionPolicy, period, nowFrom(deps));

  router.get('/reports/obligations', async (req, res) => {
    requireReportReader(req.principal!);
    const tree = await UnitTree.load(deps.prisma);
    await reportPage(
      req,
      res,
      (period) => obligations(req, period),
      (query, duty, error) => (
        <ObligationsPage ctx={ctxOf(req)} query={query} duty={duty} unitNames={tree.names} error={error} />
      ),
    );
  });

  // GET /reception/obligations answers JSON only; the supervisor's table goes to a spreadsheet like the other
  // reports, in the page's own words and columns.
  router.get('/reports/obligations/download', (req, res) =>
    download(req, res, async (period, lang) => {
      const [duty, tree] = await Promise.all([obligations(req, period), UnitTree.load(deps.prisma)]);
      const t = translator(CONSOLE_WORDS, lang);
      return {
        name: 'nghia-vu-tiep-cong-dan',
        title: `${t('obligationsTitle')} — ${period.label}`,
        columns: OBLIGATION_COLUMNS,
        rows: duty.rows.map((r) => obligationCells(r, tree.names.get(r.unitId) ?? r.unitId, duty.flagged, t)),
      };
    }),
  );

  return router;
}

interface ObligationCells {
  fullName: string;
  unit: string;
  post: string;
  required: string;
  daysHeld: number;
  windows: number;
  shortWindows: number;
  shortDetail: string;
  flagged: string;
  basis: string;
}

const obligationHeadings: [keyof ObligationCells, ConsoleKey][] = [
  ['fullName', 'colLeader'],
  ['unit', 'colUnit'],
  ['post', 'colPost'],
  ['required', 'colRequired'],
  ['daysHeld', 'colDaysHeld'],
  ['windows', 'colWindows'],
  ['shortWindows', 'colShortWindows'],
  ['shortDetail', 'colShortDetail'],
  ['flagged', 'colFlagged'],
  ['basis', 'colBasis'],
];
const [wordsVi, wordsEn] = [translator(CONSOLE_WORDS, 'vi'), translator(CONSOLE_WORDS, 'en')];
const OBLIGATION_COLUMNS: Column<ObligationCells>[] = obligationHeadings.map(([key, heading]) => ({
  key,
  vi: wordsVi(heading),
  en: wordsEn(heading),
}));

/** One leader's row as the page shows it: the duty in words, each short week or month with days held/required. */
function obligationCells(
  r: ObligationRow,
  unit: string,
  flagged: string[],
  t: Translate<ConsoleKey>,
): ObligationCells {
  const [days, per] = r.required.split('/');
  return {
    fullName: r.fullName,
    unit,
    post: r.post,
    required: t(per === 'week' ? 'per_week' : 'per_month', { days: days ?? '' }),
    daysHeld: r.daysHeld,
    windows: r.windows,
    shortWindows: r.shortWindows.length,
    shortDetail: r.shortWindows.map((w) => `${w.from}–${w.to} (${w.held}/${w.required})`).join('; '),
    flagged: t(flagged.includes(r.personId) ? 'yes' : 'no'),
    basis: r.basis,
  };
}
