import { formatDate, formatNumber, TIME_ZONE } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT, type CyclesKey } from '../cycles-messages';
import { CyclesPage, href, type Outcome } from '../cycles-ui';

export interface SessionRow {
  id: string;
  unitName: string;
  day: string;
  startsAt: string;
  location: string;
  status: string;
  receivingName: string;
  registrations: number;
  matters: number;
}

export function timeOf(iso: string, lang: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export const sessionStatusLabel = (ctx: PageContext, status: string) =>
  cyclesT(ctx)(`sessionStatus_${status}` as CyclesKey);

function SessionTable(props: { ctx: PageContext; id: string; caption: string; rows: SessionRow[] }) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  return (
    <table id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w('colDay')}</th>
          <th scope="col">{w('colTime')}</th>
          <th scope="col">{w('colUnit')}</th>
          <th scope="col">{w('colLocation')}</th>
          <th scope="col">{w('colReceiving')}</th>
          <th scope="col">{w('colStatus')}</th>
          <th scope="col" class="num">
            {w('colRegistrations')}
          </th>
          <th scope="col" class="num">
            {w('colMatters')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={8}>{w('noSessions')}</td>
          </tr>
        ) : (
          props.rows.map((s) => (
            <tr>
              <td>
                <a href={href(`/reception/sessions/${encodeURIComponent(s.id)}`)}>{formatDate(s.startsAt, ctx.lang)}</a>
              </td>
              <td>{timeOf(s.startsAt, ctx.lang)}</td>
              <td>{s.unitName}</td>
              <td>{s.location}</td>
              <td>{s.receivingName}</td>
              <td>{sessionStatusLabel(ctx, s.status)}</td>
              <td class="num">{formatNumber(s.registrations, ctx.lang)}</td>
              <td class="num">{formatNumber(s.matters, ctx.lang)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function ReceptionCalendarPage(props: {
  ctx: PageContext;
  isLeader: boolean;
  today: SessionRow[];
  upcoming: SessionRow[];
  recent: SessionRow[];
  outcome?: Outcome | null;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const count = (n: number) => formatNumber(n, ctx.lang);
  return (
    <CyclesPage ctx={ctx} title={w('receptionTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <h2>{w('todayHeading')}</h2>
      {props.today.length === 0 ? (
        <p role="status">{w('todayNone')}</p>
      ) : (
        <SessionTable
          ctx={ctx}
          id="today-table"
          caption={w('todayCaption', { count: count(props.today.length) })}
          rows={props.today}
        />
      )}
      <SessionTable
        ctx={ctx}
        id="upcoming-table"
        caption={w('upcomingCaption', { count: count(props.upcoming.length) })}
        rows={props.upcoming}
      />
      <SessionTable
        ctx={ctx}
        id="recent-table"
        caption={w('recentCaption', { count: count(props.recent.length) })}
        rows={props.recent}
      />
    </CyclesPage>
  );
}
