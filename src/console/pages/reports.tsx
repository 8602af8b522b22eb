import { GROUPINGS, REPORT_COLUMNS, type ReportRow } from '../../reports/reports';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { PeriodPicker } from './period-picker';
import { DownloadLinks, FiguresChart, FiguresTable, type PeriodQuery } from './report-parts';

export interface ReportQuery extends PeriodQuery {
  groupBy: string;
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
