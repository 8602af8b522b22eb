import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../web/format';
import { FIELD_LABELS } from '../messages';
import type { PublicConference } from '../public-conferences';
import { PortalPage, type PortalContext } from '../portal-shell';
import { unitName } from './unit-name';

const OUTCOME: Record<string, { vi: string; en: string }> = {
  answered: { vi: 'Đã trả lời tại hội nghị', en: 'Answered at the conference' },
  explained: { vi: 'Đã giải thích', en: 'Explained' },
  commitment: { vi: 'Cam kết thực hiện', en: 'Commitment made' },
  referred: { vi: 'Chuyển cấp trên', en: 'Referred to the level above' },
};
const STATUS: Record<string, { vi: string; en: string }> = {
  open: { vi: 'Đang thực hiện', en: 'In progress' },
  fulfilled: { vi: 'Đã hoàn thành', en: 'Fulfilled' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

function fieldName(field: string, ctx: PortalContext) {
  return FIELD_LABELS[field]?.[ctx.lang] ?? field;
}

export function ConferencesPage({
  ctx,
  announced,
  published,
}: {
  ctx: PortalContext;
  announced: PublicConference[];
  published: PublicConference[];
}) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('conferencesTitle')}>
      <h1>{ctx.t('conferencesTitle')}</h1>
      <p>{ctx.t('conferencesIntro')}</p>
      <h2>{ctx.t('announced')}</h2>
      {announced.length === 0 ? (
        <p>{ctx.t('noConferences')}</p>
      ) : (
        <ul>
          {announced.map((c) => (
            <li>
              <strong>{c.title}</strong> — {formatDateTime(c.startsAt, ctx.lang)}, {c.location}
            </li>
          ))}
        </ul>
      )}
      <h2>{ctx.t('published')}</h2>
      {published.length === 0 ? (
        <p>{ctx.t('noConferences')}</p>
      ) : (
        <ul>
          {published.map((c) => (
            <li>
              <a href={`/conferences/${encodeURIComponent(c.id)}`}>{c.title}</a> — {formatDate(c.startsAt, ctx.lang)}
            </li>
          ))}
        </ul>
      )}
    </PortalPage>
  );
}

export function ConferenceResultsPage({ ctx, conference: c }: { ctx: PortalContext; conference: PublicConference }) {
  return (
    <PortalPage ctx={ctx} title={c.title}>
      <h1>{c.title}</h1>
      <dl class="facts">
        <dt>{ctx.t('unit')}</dt>
        <dd>{unitName({ name: c.unitName, nameEn: c.unitNameEn }, ctx.lang)}</dd>
        <dt>{ctx.t('sessionAt')}</dt>
        <dd>{formatDateTime(c.startsAt, ctx.lang)}</dd>
        <dt>{ctx.t('location')}</dt>
        <dd>{c.location}</dd>
      </dl>
      {c.summary ? <p>{c.summary}</p> : null}
      <h2>{ctx.t('opinions')}</h2>
      {c.opinionsByField.map((group) => (
        <section aria-labelledby={`field-${group.field}`}>
          <h3
            id={`field-${group.field}`}
          >{`${fieldName(group.field, ctx)} (${formatNumber(group.opinions.length, ctx.lang)})`}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('opinions')}</th>
                <th scope="col">{ctx.t('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {group.opinions.map((o) => (
                <tr>
                  <td>{o.content}</td>
                  <td>
                    {OUTCOME[o.outcome]?.[ctx.lang] ?? o.outcome}
                    {o.answer ? `: ${o.answer}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2>{ctx.t('commitments')}</h2>
      {c.commitments.length === 0 ? (
        <p>{ctx.t('noHistory')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t('commitments')}</th>
              <th scope="col">{ctx.t('promisedBy')}</th>
              <th scope="col">{ctx.t('progress')}</th>
            </tr>
          </thead>
          <tbody>
            {c.commitments.map((m) => (
              <tr>
                <td>{m.description}</td>
                <td>{formatDate(`${m.promisedBy}T12:00:00+07:00`, ctx.lang)}</td>
                <td>
                  {`${formatPercent(m.progress, ctx.lang)} — ${STATUS[m.status]?.[ctx.lang] ?? m.status}`}
                  {m.fulfilledAt ? ` (${formatDate(m.fulfilledAt, ctx.lang)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/conferences">{ctx.t('conferencesTitle')}</a>
      </p>
    </PortalPage>
  );
}
