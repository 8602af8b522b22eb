import type { getPetitionHistory } from '../../petitions/petitions';
import { formatDateTime } from '../../web/format';
import { caseHref } from '../components';
import type { PageContext } from '../page-context';
import type { CaseView } from './case';
import { ConsolePage } from '../shell';
import { TimelineTable } from '../timeline-table';

export function HistoryPage({
  ctx,
  view,
  history,
}: {
  ctx: PageContext;
  view: CaseView;
  history: Awaited<ReturnType<typeof getPetitionHistory>>;
}) {
  const title = ctx.t('historyTitle', { code: view.trackingCode });
  return (
    <ConsolePage ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={caseHref(view.id)}>{ctx.t('caseTitle', { code: view.trackingCode })}</a>
      </p>
      <TimelineTable ctx={ctx} rows={history.timeline} what={(type) => type} />
      <details>
        <summary>{ctx.t('historyTemporal')}</summary>
        <table>
          <caption>{ctx.t('historyTemporalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{ctx.t('colWhen')}</th>
              <th scope="col">{ctx.t('colEvent')}</th>
              <th scope="col">{ctx.t('colDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {history.temporal.events.map((e) => (
              <tr>
                <td>{e.eventId}</td>
                <td>{e.time ? formatDateTime(e.time, ctx.lang) : ''}</td>
                <td>{e.type}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </ConsolePage>
  );
}
