import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { formatNumber } from '../../web/format';
import { Pager, PetitionTable, type PetitionRow, type SortKey, type SortOrder } from '../components';
import { BULK_FORM_ID, BulkAssignForm, type AssigneeOption } from '../bulk-assign';
import { CONSOLE_BASE } from '../console-session';
import type { PageContext } from '../page-context';
import { QUEUE_LABEL, visibleQueues, type QueueName } from '../queues';
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
  // A queue opened by its URL stays in the list even when it would be hidden, so the page names where it is.
  const queues = visibleQueues(ctx.principal, counts);
  if (!queues.includes(current)) queues.push(current);
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
        {queues.map((q) => (
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
  sort: SortKey;
  order: SortOrder;
  /** Whom the caller may assign to; null when the caller may not assign (not a leader). */
  assignees: AssigneeOption[] | null;
  receptionToday?: number;
}) {
  const { ctx } = props;
  const label = ctx.t(QUEUE_LABEL[props.queue]);
  // The default order (due date, soonest first) stays out of the URL, so queue links read as before.
  const hrefOf = (sort: SortKey, order: SortOrder, page: number) =>
    `${CONSOLE_BASE}?queue=${props.queue}${sort === 'dueAt' && order === 'asc' ? '' : `&sort=${sort}&order=${order}`}&page=${page}`;
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
        sort={{ sort: props.sort, order: props.order, hrefFor: (sort, order) => hrefOf(sort, order, 1) }}
        selectForm={props.assignees ? BULK_FORM_ID : undefined}
      />
      <BulkAssignForm ctx={ctx} assignees={props.assignees} returnTo={hrefOf(props.sort, props.order, props.page)} />
      <Pager
        ctx={ctx}
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        hrefFor={(page) => hrefOf(props.sort, props.order, page)}
      />
    </ConsolePage>
  );
}
