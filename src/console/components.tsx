// Pieces the console's pages share: the time-left badge, the petition table, the pager.
import type { WorkingCalendar } from '../domain/calendar/working-calendar';
import { timeLeft } from '../domain/calendar/time-left';
import { formatDate } from '../web/format';
import type { ConsoleKey } from './messages';
import type { PageContext } from './page-context';
import { CONSOLE_BASE } from './console-session';

export interface PetitionRow {
  id: string;
  trackingCode: string;
  kind: string;
  subject: string;
  stage: string;
  unit: { id: string; name: string };
  assignee: { id: string; fullName: string } | null;
  receivedAt: string;
  nextDeadline: { dueAt: string; overdue: boolean } | null;
}

/** Colour and words: the words alone carry the meaning, the colour only helps the eye. */
export function TimeLeftBadge({
  ctx,
  dueAt,
  now,
  calendar,
}: {
  ctx: PageContext;
  dueAt: string | null;
  now: Date;
  calendar: WorkingCalendar;
}) {
  if (!dueAt) return <span class="badge none">{ctx.t('badgeNoDeadline')}</span>;
  const left = timeLeft(now.getTime(), Date.parse(dueAt), calendar);
  if (left.state === 'overdue') return <span class="badge overdue">{ctx.t('badgeOverdue', { days: left.days })}</span>;
  if (left.state === 'dueToday') return <span class="badge soon">{ctx.t('badgeDueToday')}</span>;
  return (
    <span class={`badge ${left.workingDays <= 3 ? 'soon' : 'ok'}`}>
      {ctx.t('badgeDaysLeft', { days: left.workingDays })}
    </span>
  );
}

export function kindLabel(ctx: PageContext, kind: string): string {
  return ctx.t(`kind_${kind}` as ConsoleKey);
}

export function stageLabel(ctx: PageContext, stage: string): string {
  return ctx.t(`stage_${stage}` as ConsoleKey);
}

export function caseHref(id: string): string {
  return `${CONSOLE_BASE}/petitions/${encodeURIComponent(id)}`;
}

export const SORT_KEYS = ['dueAt', 'receivedAt', 'trackingCode'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** A table's order as it is in the URL, and the URL of another order (so every order can be shared). */
export interface TableSort {
  sort: SortKey;
  order: SortOrder;
  hrefFor: (sort: SortKey, order: SortOrder) => string;
}

export function sortOf(query: { sort?: unknown; order?: unknown }): { sort: SortKey; order: SortOrder } {
  const sort = SORT_KEYS.find((k) => k === query.sort) ?? 'dueAt';
  return { sort, order: query.order === 'desc' ? 'desc' : 'asc' };
}

/** A column header that sorts: a link to the other order when current, `aria-sort` saying the current one. */
function SortHeader(props: { ctx: PageContext; label: string; column: SortKey; sort?: TableSort }) {
  const { ctx, sort } = props;
  if (!sort) return <th scope="col">{props.label}</th>;
  const current = sort.sort === props.column;
  const next: SortOrder = current && sort.order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={current ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={sort.hrefFor(props.column, next)} data-sort={props.column}>
        {props.label}
        <span class="visually-hidden">
          {' '}
          ({ctx.t('sortBy', { column: props.label })}, {ctx.t(next === 'asc' ? 'sortAscending' : 'sortDescending')})
        </span>
        {current ? <span aria-hidden="true">{sort.order === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </a>
    </th>
  );
}

export function PetitionTable(props: {
  ctx: PageContext;
  caption: string;
  items: PetitionRow[];
  now: Date;
  calendar: WorkingCalendar;
  id?: string;
  sort?: TableSort;
  /** The id of the bulk form the row checkboxes belong to (the `form` attribute: no nesting, no script). */
  selectForm?: string;
}) {
  const { ctx } = props;
  const columns = props.selectForm ? 9 : 8;
  return (
    <table id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.selectForm ? (
            <th scope="col">
              <span class="visually-hidden">{ctx.t('bulkAssignLegend')}</span>
            </th>
          ) : null}
          <SortHeader ctx={ctx} label={ctx.t('colCode')} column="trackingCode" sort={props.sort} />
          <th scope="col">{ctx.t('colSubject')}</th>
          <th scope="col">{ctx.t('colKind')}</th>
          <th scope="col">{ctx.t('colStage')}</th>
          <th scope="col">{ctx.t('colUnit')}</th>
          <th scope="col">{ctx.t('colAssignee')}</th>
          <SortHeader ctx={ctx} label={ctx.t('colReceived')} column="receivedAt" sort={props.sort} />
          <SortHeader ctx={ctx} label={ctx.t('colTimeLeft')} column="dueAt" sort={props.sort} />
        </tr>
      </thead>
      <tbody>
        {props.items.length === 0 ? (
          <tr>
            <td colSpan={columns}>{ctx.t('queueEmpty')}</td>
          </tr>
        ) : (
          props.items.map((p) => (
            <tr>
              {props.selectForm ? (
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={p.id}
                    form={props.selectForm}
                    id={`select-${p.id}`}
                    aria-label={ctx.t('bulkSelect', { code: p.trackingCode })}
                  />
                </td>
              ) : null}
              <td>
                <a href={caseHref(p.id)}>{p.trackingCode}</a>
              </td>
              <td>{p.subject}</td>
              <td>{kindLabel(ctx, p.kind)}</td>
              <td>{stageLabel(ctx, p.stage)}</td>
              <td>{p.unit.name}</td>
              <td>{p.assignee?.fullName ?? ctx.t('notAssigned')}</td>
              <td>{formatDate(p.receivedAt, ctx.lang)}</td>
              <td>
                {p.stage === 'closed' || p.stage === 'refused' || p.stage === 'withdrawn' ? (
                  '—'
                ) : (
                  <TimeLeftBadge
                    ctx={ctx}
                    dueAt={p.nextDeadline?.dueAt ?? null}
                    now={props.now}
                    calendar={props.calendar}
                  />
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function Pager(props: {
  ctx: PageContext;
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.ctx.t('pageOf', { page: props.page, pages })}>
      {props.page > 1 ? <a href={props.hrefFor(props.page - 1)}>{props.ctx.t('previousPage')}</a> : null}
      <span>{props.ctx.t('pageOf', { page: props.page, pages })}</span>
      {props.page < pages ? <a href={props.hrefFor(props.page + 1)}>{props.ctx.t('nextPage')}</a> : null}
    </nav>
  );
}
