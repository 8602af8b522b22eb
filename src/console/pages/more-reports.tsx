// The leader scorecard, the conference report and the reception-duty check: each a period picker, a chart
// beside a table of the same figures, and the downloads the JSON API offers for it.
import type { ScorecardRow } from '../../reports/leader-scorecard';
import { SCORECARD_COLUMNS } from '../../reports/leader-scorecard';
import { CONFERENCE_COLUMNS, type FieldRow } from '../../reports/conference-report';
import type { ObligationRow } from '../../reception/reception-obligations';
import { formatNumber } from '../../web/format';
import { DataTable, numeric } from '../data-table';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';
import type { ComponentChildren } from 'preact';
import { PeriodPicker } from './period-picker';
import { DownloadLinks, FiguresChart, FiguresTable, type PeriodQuery } from './report-parts';

export const MORE_REPORTS = [
  { path: '/reports', key: 'navReports' },
  { path: '/reports/leaders', key: 'navScorecard' },
  { path: '/reports/conferences', key: 'navConferenceReport' },
  { path: '/reports/obligations', key: 'navObligations' },
] as const satisfies readonly { path: string; key: ConsoleKey }[];

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
          {props.downloads ? <DownloadLinks ctx={ctx} path={props.path} query={props.query} /> : null}
          {props.children}
        </>
      )}
    </ConsolePage>
  );
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
          <FiguresChart
            ctx={ctx}
            id="scorecard-chart"
            title={ctx.t('scorecardChart', { period: card.period.label })}
            categories={card.rows.map((r) => r.leaderName)}
            first={{ name: SCORECARD_COLUMNS[2]![ctx.lang], values: card.rows.map((r) => r.due) }}
            second={{ name: SCORECARD_COLUMNS[3]![ctx.lang], values: card.rows.map((r) => r.resolvedOnTime) }}
          />
          <FiguresTable
            ctx={ctx}
            id="scorecard-table"
            caption={ctx.t('scorecardCaption', { period: card.period.label })}
            columns={SCORECARD_COLUMNS}
            rows={card.rows}
            textColumns={2}
            isColumnMarked
            rowAttributes={(row) => ({ 'data-leader': row.leaderId })}
          />
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
          <FiguresChart
            ctx={ctx}
            id="conference-chart"
            title={ctx.t('conferenceChart', { period: report.period.label })}
            categories={report.byField.map((r) => r.field)}
            first={{ name: CONFERENCE_COLUMNS[1]![ctx.lang], values: report.byField.map((r) => r.opinions) }}
            second={{ name: ctx.t('conferenceSettled'), values: report.byField.map((r) => r.settledHere) }}
          />
          <FiguresTable
            ctx={ctx}
            id="conference-table"
            caption={ctx.t('conferenceCaption', { period: report.period.label })}
            columns={CONFERENCE_COLUMNS}
            rows={[...report.byField, report.opinions]}
            isColumnMarked
          />
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
  unitNames: ReadonlyMap<string, string>;
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
              <FiguresChart
                ctx={ctx}
                id="obligations-chart"
                title={ctx.t('obligationsChart', { period: duty.period.label })}
                categories={duty.rows.map((r) => r.fullName)}
                first={{ name: ctx.t('colWindows'), values: duty.rows.map((r) => r.windows) }}
                second={{ name: ctx.t('colShortWindows'), values: duty.rows.map((r) => r.shortWindows.length) }}
              />
              <DataTable
                id="obligations-table"
                caption={ctx.t('obligationsCaption', { period: duty.period.label })}
                columns={[
                  ctx.t('colLeader'),
                  ctx.t('colUnit'),
                  ctx.t('colPost'),
                  ctx.t('colRequired'),
                  numeric(ctx.t('colDaysHeld')),
                  numeric(ctx.t('colWindows')),
                  numeric(ctx.t('colShortWindows')),
                  ctx.t('colShortDetail'),
                  ctx.t('colFlagged'),
                  ctx.t('colBasis'),
                ]}
                rows={duty.rows.map((r) => (
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
              />
            </>
          )}
        </>
      ) : null}
    </ReportFrame>
  );
}
