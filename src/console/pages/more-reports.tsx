// The leader scorecard, the conference report and the reception-duty check: each a period picker, a chart
// beside a table of the same figures, and the downloads the JSON API offers for it.
import type { ScorecardRow } from '../../reports/leader-scorecard';
import { SCORECARD_COLUMNS } from '../../reports/leader-scorecard';
import { CONFERENCE_COLUMNS, type FieldRow } from '../../reports/conference-report';
import type { ObligationRow } from '../../reception/reception-obligations';
import { BarChart } from '../../web/bar-chart';
import { formatNumber, formatPercent } from '../../web/format';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';
import type { ComponentChildren } from 'preact';
import { PeriodPicker } from './period-picker';

export interface PeriodQuery {
  period: string;
  from: string;
  to: string;
}

export const MORE_REPORTS = [
  { path: '/reports', key: 'navReports' },
  { path: '/reports/leaders', key: 'navScorecard' },
  { path: '/reports/conferences', key: 'navConferenceReport' },
  { path: '/reports/obligations', key: 'navObligations' },
] as const satisfies readonly { path: string; key: ConsoleKey }[];

const queryString = (query: PeriodQuery) =>
  new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '') as [string, string][]).toString();

/** The frame of each report: title, the links between the reports, the picker, the error or the body. */
function ReportFrame(props: {
  ctx: PageContext;
  path: string;
  title: string;
  query: PeriodQuery;
  error?: string;
  downloads?: boolean;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const download = (format: string) =>
    `${CONSOLE_BASE}${props.path}/download?${queryString(props.query)}&format=${format}`;
  return (
    <ConsolePage ctx={ctx} title={props.title}>
      <nav aria-label={ctx.t('reportsMoreNav')}>
        <ul class="inline">
          {MORE_REPORTS.map((r) => (
            <li>
              <a href={`${CONSOLE_BASE}${r.path}`} aria-current={r.path === props.path ? 'page' : undefined}>
                {ctx.t(r.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{props.title}</h1>
      <PeriodPicker ctx={ctx} action={props.path} query={props.query} />
      {props.error ? (
        <Notice kind="error" live>
          {props.error}
        </Notice>
      ) : (
        <>
          {props.downloads ? (
            <p>
              <a href={download('csv')}>{ctx.t('reportDownloadCsv')}</a> ·{' '}
              <a href={download('xlsx')}>{ctx.t('reportDownloadXlsx')}</a>
            </p>
          ) : null}
          {props.children}
        </>
      )}
    </ConsolePage>
  );
}

function num(ctx: PageContext, v: unknown, pct = false): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return pct ? formatPercent(v, ctx.lang) : formatNumber(v, ctx.lang);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

export function ScorecardPage(props: {
  ctx: PageContext;
  query: PeriodQuery;
  card: { period: { label: string }; rows: ScorecardRow[] } | null;
  error?: string;
}) {
  const { ctx, card } = props;
  return (
    <ReportFrame
      ctx={ctx}
      path="/reports/leaders"
      title={ctx.t('scorecardTitle')}
      query={props.query}
      error={props.error}
      downloads
    >
      {card && card.rows.length === 0 ? <p>{ctx.t('scorecardNone')}</p> : null}
      {card && card.rows.length > 0 ? (
        <>
          <div class="grid-2">
            <BarChart
              id="scorecard-chart"
              lang={ctx.lang}
              title={ctx.t('scorecardChart', { period: card.period.label })}
              categories={card.rows.map((r) => r.leaderName)}
              series={[
                {
                  name: SCORECARD_COLUMNS[2]![ctx.lang],
                  values: card.rows.map((r) => r.due),
                  className: 'series-received',
                },
                {
                  name: SCORECARD_COLUMNS[3]![ctx.lang],
                  values: card.rows.map((r) => r.resolvedOnTime),
                  className: 'series-resolved',
                },
              ]}
            />
          </div>
          <table id="scorecard-table">
            <caption>{ctx.t('scorecardCaption', { period: card.period.label })}</caption>
            <thead>
              <tr>
                {SCORECARD_COLUMNS.map((c, i) => (
                  <th scope="col" class={i < 2 ? undefined : 'num'}>
                    {c[ctx.lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {card.rows.map((row) => (
                <tr data-leader={row.leaderId}>
                  {SCORECARD_COLUMNS.map((c, i) =>
                    i === 0 ? (
                      <th scope="row">{row.leaderName}</th>
                    ) : (
                      <td class={i < 2 ? undefined : 'num'} data-col={c.key}>
                        {num(ctx, row[c.key], c.key === 'onTimePct')}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </ReportFrame>
  );
}

export interface ConferenceReportView {
  period: { label: string };
  headline: { vi: string; en: string };
  byField: FieldRow[];
  opinions: FieldRow;
  commitments: { total: number; fulfilledOnTime: number; fulfilledLate: number; openOverdue: number };
  resultsPublished: { onTime: number; late: number; pending: number };
  regularDuty: { perYear: number; unitsShort: { id: string; name: string }[] };
}

export function ConferenceReportPage(props: {
  ctx: PageContext;
  query: PeriodQuery;
  report: ConferenceReportView | null;
  error?: string;
}) {
  const { ctx, report } = props;
  const n = (v: number) => formatNumber(v, ctx.lang);
  return (
    <ReportFrame
      ctx={ctx}
      path="/reports/conferences"
      title={ctx.t('conferenceTitle')}
      query={props.query}
      error={props.error}
      downloads
    >
      {report ? (
        <>
          <p id="conference-headline">
            <strong>{report.headline[ctx.lang]}</strong>
          </p>
          <p>
            {ctx.t('conferenceCommitments', {
              total: n(report.commitments.total),
              onTime: n(report.commitments.fulfilledOnTime),
              late: n(report.commitments.fulfilledLate),
              overdue: n(report.commitments.openOverdue),
            })}{' '}
            {ctx.t('conferencePublished', {
              onTime: n(report.resultsPublished.onTime),
              late: n(report.resultsPublished.late),
              pending: n(report.resultsPublished.pending),
            })}
          </p>
          <div class="grid-2">
            <BarChart
              id="conference-chart"
              lang={ctx.lang}
              title={ctx.t('conferenceChart', { period: report.period.label })}
              categories={report.byField.map((r) => r.field)}
              series={[
                {
                  name: CONFERENCE_COLUMNS[1]![ctx.lang],
                  values: report.byField.map((r) => r.opinions),
                  className: 'series-received',
                },
                {
                  name: ctx.t('conferenceSettled'),
                  values: report.byField.map((r) => r.settledHere),
                  className: 'series-resolved',
                },
              ]}
            />
          </div>
          <table id="conference-table">
            <caption>{ctx.t('conferenceCaption', { period: report.period.label })}</caption>
            <thead>
              <tr>
                {CONFERENCE_COLUMNS.map((c, i) => (
                  <th scope="col" class={i === 0 ? undefined : 'num'}>
                    {c[ctx.lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...report.byField, report.opinions].map((row) => (
                <tr>
                  {CONFERENCE_COLUMNS.map((c, i) =>
                    i === 0 ? (
                      <th scope="row">{row.field}</th>
                    ) : (
                      <td class="num" data-col={c.key}>
                        {num(ctx, row[c.key], c.key.endsWith('Pct'))}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{ctx.t('conferenceUnitsShort', { count: n(report.regularDuty.perYear) })}</h2>
          {report.regularDuty.unitsShort.length ? (
            <ul id="units-short">
              {report.regularDuty.unitsShort.map((u) => (
                <li>{u.name}</li>
              ))}
            </ul>
          ) : (
            <p>{ctx.t('conferenceNoneShort')}</p>
          )}
        </>
      ) : null}
    </ReportFrame>
  );
}

/** A year of weekly duty can fall short fifty times: past a few, the list folds under its count. */
function ShortWindows(props: { ctx: PageContext; windows: ObligationRow['shortWindows'] }) {
  const n = (v: number) => formatNumber(v, props.ctx.lang);
  if (props.windows.length === 0) return <>—</>;
  const text = props.windows.map((w) => `${w.from}–${w.to} (${n(w.held)}/${n(w.required)})`).join('; ');
  if (props.windows.length <= 4) return <>{text}</>;
  return (
    <details>
      <summary>{props.ctx.t('colShortWindowsCount', { count: n(props.windows.length) })}</summary>
      {text}
    </details>
  );
}

export function ObligationsPage(props: {
  ctx: PageContext;
  query: PeriodQuery;
  duty: { period: { label: string }; policyVersion: string; rows: ObligationRow[]; flagged: string[] } | null;
  unitNames: Map<string, string>;
  error?: string;
}) {
  const { ctx, duty } = props;
  const n = (v: number) => formatNumber(v, ctx.lang);
  const required = (r: ObligationRow) => {
    const [days, per] = r.required.split('/');
    return ctx.t(per === 'week' ? 'per_week' : 'per_month', { days: days ?? '' });
  };
  const flagged = duty ? duty.rows.filter((r) => duty.flagged.includes(r.personId)) : [];
  return (
    <ReportFrame
      ctx={ctx}
      path="/reports/obligations"
      title={ctx.t('obligationsTitle')}
      query={props.query}
      error={props.error}
      downloads
    >
      {duty ? (
        <>
          <p>{ctx.t('obligationsPolicy', { version: duty.policyVersion })}</p>
          <h2>{ctx.t('obligationsFlagged')}</h2>
          {flagged.length ? (
            <ul id="flagged-leaders">
              {flagged.map((r) => (
                <li data-person={r.personId}>
                  {r.fullName} — {props.unitNames.get(r.unitId) ?? r.unitId}: {n(r.shortWindows.length)}/{n(r.windows)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{ctx.t('obligationsNoneFlagged')}</p>
          )}
          {duty.rows.length === 0 ? (
            <p>{ctx.t('obligationsNone')}</p>
          ) : (
            <>
              <div class="grid-2">
                <BarChart
                  id="obligations-chart"
                  lang={ctx.lang}
                  title={ctx.t('obligationsChart', { period: duty.period.label })}
                  categories={duty.rows.map((r) => r.fullName)}
                  series={[
                    {
                      name: ctx.t('colWindows'),
                      values: duty.rows.map((r) => r.windows),
                      className: 'series-received',
                    },
                    {
                      name: ctx.t('colShortWindows'),
                      values: duty.rows.map((r) => r.shortWindows.length),
                      className: 'series-resolved',
                    },
                  ]}
                />
              </div>
              <table id="obligations-table">
                <caption>{ctx.t('obligationsCaption', { period: duty.period.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('colLeader')}</th>
                    <th scope="col">{ctx.t('colUnit')}</th>
                    <th scope="col">{ctx.t('colPost')}</th>
                    <th scope="col">{ctx.t('colRequired')}</th>
                    <th scope="col" class="num">
                      {ctx.t('colDaysHeld')}
                    </th>
                    <th scope="col" class="num">
                      {ctx.t('colWindows')}
                    </th>
                    <th scope="col" class="num">
                      {ctx.t('colShortWindows')}
                    </th>
                    <th scope="col">{ctx.t('colShortDetail')}</th>
                    <th scope="col">{ctx.t('colFlagged')}</th>
                    <th scope="col">{ctx.t('colBasis')}</th>
                  </tr>
                </thead>
                <tbody>
                  {duty.rows.map((r) => (
                    <tr data-person={r.personId}>
                      <th scope="row">{r.fullName}</th>
                      <td>{props.unitNames.get(r.unitId) ?? r.unitId}</td>
                      <td>{r.post}</td>
                      <td>{required(r)}</td>
                      <td class="num" data-col="daysHeld">
                        {n(r.daysHeld)}
                      </td>
                      <td class="num" data-col="windows">
                        {n(r.windows)}
                      </td>
                      <td class="num" data-col="shortWindows">
                        {n(r.shortWindows.length)}
                      </td>
                      <td>
                        <ShortWindows ctx={ctx} windows={r.shortWindows} />
                      </td>
                      <td>{ctx.t(duty.flagged.includes(r.personId) ? 'yes' : 'no')}</td>
                      <td>{r.basis}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      ) : null}
    </ReportFrame>
  );
}
