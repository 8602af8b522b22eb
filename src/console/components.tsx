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

export function PetitionTable(props: {
  ctx: PageContext;
  caption: string;
  items: PetitionRow[];
  now: Date;
  calendar: WorkingCalendar;
  id?: string;
}) {
  const { ctx } = props;
  return (
    <table id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t('colCode')}</th>
          <th scope="col">{ctx.t('colSubject')}</th>
          <th scope="col">{ctx.t('colKind')}</th>
          <th scope="col">{ctx.t('colStage')}</th>
          <th scope="col">{ctx.t('colUnit')}</th>
          <th scope="col">{ctx.t('colAssignee')}</th>
          <th scope="col">{ctx.t('colReceived')}</th>
          <th scope="col">{ctx.t('colTimeLeft')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.length === 0 ? (
          <tr>
            <td colSpan={8}>{ctx.t('queueEmpty')}</td>
          </tr>
        ) : (
          props.items.map((p) => (
            <tr>
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
