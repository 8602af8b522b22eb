import { GROUPINGS, REPORT_COLUMNS, type ReportRow } from '../../reports/reports';
import { BarChart } from '../../web/bar-chart';
import { formatNumber, formatPercent } from '../../web/format';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';
import { PeriodPicker } from './period-picker';

export interface ReportQuery {
  period: string;
  from: string;
  to: string;
  groupBy: string;
}

function cell(ctx: PageContext, key: keyof ReportRow, row: ReportRow) {
  const v = row[key];
  if (v === null) return '—';
  if (typeof v === 'number') return key.endsWith('Pct') ? formatPercent(v, ctx.lang) : formatNumber(v, ctx.lang);
  return v;
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
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '') as [string, string][]);
  const download = (format: string) => `${CONSOLE_BASE}/reports/download?${params.toString()}&format=${format}`;
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
          <p>
            <a href={download('csv')}>{ctx.t('reportDownloadCsv')}</a> ·{' '}
            <a href={download('xlsx')}>{ctx.t('reportDownloadXlsx')}</a>
          </p>
          <div class="grid-2">
            <BarChart
              id="report-chart"
              lang={ctx.lang}
              title={ctx.t('reportChart', { period: report.period.label })}
              categories={report.rows.map((r) => r.label)}
              series={[
                {
                  name: ctx.t('reportReceived'),
                  values: report.rows.map((r) => r.received),
                  className: 'series-received',
                },
                {
                  name: ctx.t('reportResolved'),
                  values: report.rows.map((r) => r.resolved),
                  className: 'series-resolved',
                },
              ]}
            />
          </div>
          <table id="report-table">
            <caption>{ctx.t('reportCaption', { period: report.period.label })}</caption>
            <thead>
              <tr>
                {REPORT_COLUMNS.map((c) => (
                  <th scope="col" class={c.key === 'label' ? undefined : 'num'}>
                    {c[ctx.lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...report.rows, report.total].map((row) => (
                <tr>
                  {REPORT_COLUMNS.map((c) =>
                    c.key === 'label' ? <th scope="row">{row.label}</th> : <td class="num">{cell(ctx, c.key, row)}</td>,
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </ConsolePage>
  );
}
