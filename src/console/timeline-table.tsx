// The case's timeline as a table: the case page and the full history page show the same entries, each
// naming the event in its own way (the case page in words, the history page by its recorded type).
import { formatDateTime } from '../web/format';
import type { PageContext } from './page-context';

export interface TimelineRow {
  at: string;
  type: string;
  actor: { fullName: string } | null;
  note: string | null;
}

export function TimelineTable(props: { ctx: PageContext; rows: TimelineRow[]; what: (type: string) => string }) {
  const { ctx } = props;
  return (
    <table>
      <caption>{ctx.t('timelineCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t('colWhen')}</th>
          <th scope="col">{ctx.t('colWho')}</th>
          <th scope="col">{ctx.t('colWhat')}</th>
          <th scope="col">{ctx.t('colNote')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((e) => (
          <tr>
            <td>{formatDateTime(e.at, ctx.lang)}</td>
            <td>{e.actor?.fullName ?? ctx.t('systemActor')}</td>
            <td>{props.what(e.type)}</td>
            <td>{e.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
