import { GROUPINGS, REPORT_COLUMNS, type ReportRow } from '../../reports/reports';
import { formatNumber, formatPercent } from '../../web/format';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { PeriodPicker } from './period-picker';
import { DownloadLinks, FiguresChart, FiguresTable, type PeriodQuery } from './report-parts';

export interface ReportQuery extends PeriodQuery {
  groupBy: string;
}

/** The period's totals in one sentence, as the periodic report on petitions opens (received, accepted,
 *  resolved and on time, overdue, forwarded, escalated, withdrawn), above the table that details them. */
function ReportHeadline({ ctx, period, total }: { ctx: PageContext; period: string; total: ReportRow }) {
  const n = (v: number) => formatNumber(v, ctx.lang);
  return (
    <p id="report-headline">
      <strong>
        {ctx.t('reportHeadline', {
          period,
          received: n(total.received),
          mass: n(total.massReceived),
          accepted: n(total.accepted),
          resolved: n(total.resolved),
          onTime: n(total.resolvedOnTime),
          onTimePct: total.resolvedOnTimePct === null ? '—' : formatPercent(total.resolvedOnTimePct, ctx.lang),
          overdue: n(total.overdueNow),
          forwarded: n(total.forwarded),
          escalated: n(total.escalated),
          withdrawn: n(total.withdrawn),
        })}
      </strong>
    </p>
  );
}

export function ReportsPage(props: {
  ctx: PageContext;
  query: ReportQuery;
  report: { period: { label: string }; rows: ReportRow[]; total: ReportRow } | null;
  error?: string;
}) {
  const { ctx, query, report } = props;
  return (
    <ConsolePage ctx={ctx} title={ctx.t('reportsTitle')}>
      <h1>{ctx.t('reportsTitle')}</h1>
      <PeriodPicker ctx={ctx} action="/reports" query={query}>
        <div>
          <label for="groupBy">{ctx.t('reportGroupBy')}</label>
          <select id="groupBy" name="groupBy">
            {GROUPINGS.map((g) => (
              <option value={g} selected={query.groupBy === g}>
                {ctx.t(`group_${g}` as ConsoleKey)}
              </option>
            ))}
          </select>
        </div>
      </PeriodPicker>
      {props.error ? (
        <Notice kind="error" live>
          {props.error}
        </Notice>
      ) : null}
      {report ? (
        <>
          <ReportHeadline ctx={ctx} period={report.period.label} total={report.total} />
          <DownloadLinks ctx={ctx} path="/reports" query={query} />
          <FiguresChart
            ctx={ctx}
            id="report-chart"
            title={ctx.t('reportChart', { period: report.period.label })}
            categories={report.rows.map((r) => r.label)}
            first={{ name: ctx.t('reportReceived'), values: report.rows.map((r) => r.received) }}
            second={{ name: ctx.t('reportResolved'), values: report.rows.map((r) => r.resolved) }}
          />
          <FiguresTable
            ctx={ctx}
            id="report-table"
            caption={ctx.t('reportCaption', { period: report.period.label })}
            columns={REPORT_COLUMNS}
            rows={[...report.rows, report.total]}
          />
        </>
      ) : null}
    </ConsolePage>
  );
}
