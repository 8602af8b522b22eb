import type { getPetitionHistory } from '../../petitions/petitions';
import { formatDateTime } from '../../web/format';
import type { IdentityAccessEntry } from '../../petitions/identity-access-log';
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
      {history.identityAccess ? <IdentityAccessLog ctx={ctx} entries={history.identityAccess} /> : null}
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

/** Who opened what kind of sealed material, when and why: never the identity or the document's name. */
function IdentityAccessLog({ ctx, entries }: { ctx: PageContext; entries: IdentityAccessEntry[] }) {
  return (
    <section id="identity-access" aria-labelledby="identity-access-heading">
      <h2 id="identity-access-heading">{ctx.t('accessLogHeading')}</h2>
      {entries.length === 0 ? (
        <p>{ctx.t('accessLogNone')}</p>
      ) : (
        <table>
          <caption>{ctx.t('accessLogCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('colWhen')}</th>
              <th scope="col">{ctx.t('accessLogColWho')}</th>
              <th scope="col">{ctx.t('accessLogColWhat')}</th>
              <th scope="col">{ctx.t('accessLogColReason')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr data-access={e.documentId ? 'document' : 'identity'}>
                <td>{formatDateTime(e.at, ctx.lang)}</td>
                <td>{e.person.fullName}</td>
                <td>{ctx.t(e.documentId ? 'accessLogDocument' : 'accessLogIdentity')}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
