import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { formatNumber } from '../../web/format';
import { Pager, PetitionTable, type PetitionRow } from '../components';
import { CONSOLE_BASE } from '../console-session';
import type { PageContext } from '../page-context';
import { QUEUE_LABEL, QUEUES, type QueueName } from '../queues';
import { ConsolePage } from '../shell';
import { TodaySessionsItem } from '../cycles/cycles-ui';

export function QueueCounts({
  ctx,
  counts,
  current,
}: {
  ctx: PageContext;
  counts: Record<QueueName, number>;
  current: QueueName;
}) {
  // Refreshed by htmx once a minute; without JavaScript the counts are those of the page load.
  return (
    <div
      id="queue-counts"
      role="status"
      aria-label={ctx.t('queueCounts')}
      hx-get={`${CONSOLE_BASE}/queue-counts?queue=${current}`}
      hx-trigger="every 60s"
      hx-swap="outerHTML"
    >
      <ul class="queues">
        {QUEUES.map((q) => (
          <li>
            <a href={`${CONSOLE_BASE}?queue=${q}`} aria-current={q === current ? 'page' : undefined} data-queue={q}>
              <span class="count">{formatNumber(counts[q], ctx.lang)}</span>
              {ctx.t(QUEUE_LABEL[q])}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function HomePage(props: {
  ctx: PageContext;
  counts: Record<QueueName, number>;
  queue: QueueName;
  items: PetitionRow[];
  total: number;
  page: number;
  pageSize: number;
  now: Date;
  calendar: WorkingCalendar;
  receptionToday?: number;
}) {
  const { ctx } = props;
  const label = ctx.t(QUEUE_LABEL[props.queue]);
  return (
    <ConsolePage ctx={ctx} title={ctx.t('homeTitle')}>
      <h1>{ctx.t('homeTitle')}</h1>
      <h2>{ctx.t('queuesHeading')}</h2>
      <QueueCounts ctx={ctx} counts={props.counts} current={props.queue} />
      {props.receptionToday !== undefined ? <TodaySessionsItem ctx={ctx} count={props.receptionToday} /> : null}
      <PetitionTable
        ctx={ctx}
        id="queue-table"
        caption={ctx.t('queueCaption', { queue: label, count: formatNumber(props.total, ctx.lang) })}
        items={props.items}
        now={props.now}
        calendar={props.calendar}
      />
      <Pager
        ctx={ctx}
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        hrefFor={(page) => `${CONSOLE_BASE}?queue=${props.queue}&page=${page}`}
      />
    </ConsolePage>
  );
}
