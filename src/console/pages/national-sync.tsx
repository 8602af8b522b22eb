// The national sync report: the runs of the provinces the person may read, and one run's records. Read only.
import type { RunSummary } from '../../national/national-records';
import type { DeliveryView } from '../../national/national-sync-reports';
import { formatDateTime, formatNumber } from '../../web/format';
import { caseHref } from '../components';
import { CONSOLE_BASE } from '../console-session';
import { DataTable } from '../data-table';
import { nationalSyncWords, type NationalSyncKey } from '../national-sync-messages';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';

const runHref = (ctx: PageContext, id: string) =>
  `${CONSOLE_BASE}/national-sync/runs/${encodeURIComponent(id)}${ctx.lang === 'en' ? '?lang=en' : ''}`;

/** The run's number within its province's sync (national-sync-<unit>:<run>). */
const runNumber = (id: string) => id.slice(id.lastIndexOf(':') + 1);

const OUTCOME: Record<string, NationalSyncKey> = {
  accepted: 'syncOutcomeAccepted',
  rejected: 'syncOutcomeRejected',
  invalid: 'syncOutcomeInvalid',
};

function Counts({ ctx, run }: { ctx: PageContext; run: RunSummary }) {
  const n = (value: number) => formatNumber(value, ctx.lang);
  return (
    <>
      <td class="num">{n(run.found)}</td>
      <td class="num">{n(run.accepted)}</td>
      <td class="num">{n(run.rejected)}</td>
      <td class="num">{n(run.invalid)}</td>
      <td class="num">{n(run.retried)}</td>
    </>
  );
}

const COUNT_COLUMNS: NationalSyncKey[] = [
  'syncColFound',
  'syncColAccepted',
  'syncColRejected',
  'syncColInvalid',
  'syncColRetried',
];

const finished = (ctx: PageContext, run: RunSummary) =>
  run.finishedAt ? formatDateTime(run.finishedAt, ctx.lang) : nationalSyncWords(ctx)('syncRunning');

export function NationalSyncRunsPage(props: { ctx: PageContext; runs: RunSummary[]; unitNames: ReadonlyMap<string, string> }) {
  const { ctx, runs } = props;
  const w = nationalSyncWords(ctx);
  return (
    <ConsolePage ctx={ctx} title={w('syncTitle')}>
      <h1>{w('syncTitle')}</h1>
      <p>{w('syncIntro')}</p>
      {runs.length === 0 ? (
        <p>{w('syncNoRuns')}</p>
      ) : (
        <DataTable
          id="sync-runs"
          caption={w('syncRunsCaption')}
          columns={[
            w('syncColRun'),
            w('syncColUnit'),
            w('syncColStarted'),
            w('syncColFinished'),
            ...COUNT_COLUMNS.map((k) => w(k)),
          ]}
          rows={runs.map((run) => (
            <tr data-run={run.id}>
              <th scope="row">
                <a href={runHref(ctx, run.id)}>{runNumber(run.id)}</a>
              </th>
              <td>{props.unitNames.get(run.unitId) ?? run.unitId}</td>
              <td>{formatDateTime(run.startedAt, ctx.lang)}</td>
              <td>{finished(ctx, run)}</td>
              <Counts ctx={ctx} run={run} />
            </tr>
          ))}
        />
      )}
    </ConsolePage>
  );
}

export function NationalSyncRunPage(props: {
  ctx: PageContext;
  run: RunSummary & { deliveries: DeliveryView[] };
  unitName: string;
}) {
  const { ctx, run } = props;
  const w = nationalSyncWords(ctx);
  const title = w('syncRunTitle', { run: runNumber(run.id) });
  return (
    <ConsolePage ctx={ctx} title={title}>
      <p>
        <a href={`${CONSOLE_BASE}/national-sync${ctx.lang === 'en' ? '?lang=en' : ''}`}>{w('syncBack')}</a>
      </p>
      <h1>{title}</h1>
      <DataTable
        id="sync-run"
        caption={w('syncRunCaption')}
        columns={[w('syncColUnit'), w('syncColStarted'), w('syncColFinished'), ...COUNT_COLUMNS.map((k) => w(k))]}
        rows={[
          <tr>
            <td>{props.unitName}</td>
            <td>{formatDateTime(run.startedAt, ctx.lang)}</td>
            <td>{finished(ctx, run)}</td>
            <Counts ctx={ctx} run={run} />
          </tr>,
        ]}
      />
      {run.deliveries.length === 0 ? (
        <p>{w('syncNoDeliveries')}</p>
      ) : (
        <DataTable
          id="sync-deliveries"
          caption={w('syncDeliveriesCaption')}
          columns={[
            w('syncColCase'),
            w('syncColVersion'),
            w('syncColOutcome'),
            w('syncColHttp'),
            w('syncColAttempts'),
            w('syncColError'),
            w('syncColAt'),
          ]}
          rows={run.deliveries.map((d) => (
            <tr data-delivery={d.idempotencyKey} data-outcome={d.outcome}>
              <th scope="row">
                <a href={caseHref(d.petitionId)}>{d.trackingCode}</a>
              </th>
              <td class="num">{formatNumber(d.version, ctx.lang)}</td>
              <td>{OUTCOME[d.outcome] ? w(OUTCOME[d.outcome]!) : d.outcome}</td>
              <td class="num">{d.httpStatus ? d.httpStatus : '—'}</td>
              <td class="num">{formatNumber(d.attempts, ctx.lang)}</td>
              <td>{d.error ? <code>{d.error}</code> : null}</td>
              <td>{formatDateTime(d.deliveredAt, ctx.lang)}</td>
            </tr>
          ))}
        />
      )}
    </ConsolePage>
  );
}
