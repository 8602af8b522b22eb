import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { formatNumber } from '../../web/format';
import { PetitionTable, type PetitionRow } from '../components';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';

export function OversightPage(props: {
  ctx: PageContext;
  overdue: { items: PetitionRow[]; total: number };
  escalated: { items: PetitionRow[]; total: number };
  byUnit: { name: string; overdue: number; escalated: number }[];
  now: Date;
  calendar: WorkingCalendar;
}) {
  const { ctx } = props;
  return (
    <ConsolePage ctx={ctx} title={ctx.t('oversightTitle')}>
      <h1>{ctx.t('oversightTitle')}</h1>
      <table>
        <caption>{ctx.t('byUnitCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('colUnit')}</th>
            <th scope="col" class="num">
              {ctx.t('queueOverdue')}
            </th>
            <th scope="col" class="num">
              {ctx.t('colEscalated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.byUnit.map((u) => (
            <tr>
              <th scope="row">{u.name}</th>
              <td class="num">{formatNumber(u.overdue, ctx.lang)}</td>
              <td class="num">{formatNumber(u.escalated, ctx.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PetitionTable
        ctx={ctx}
        id="overdue-table"
        caption={ctx.t('oversightOverdue', { count: formatNumber(props.overdue.total, ctx.lang) })}
        items={props.overdue.items}
        now={props.now}
        calendar={props.calendar}
      />
      <PetitionTable
        ctx={ctx}
        id="escalated-table"
        caption={ctx.t('oversightEscalated', { count: formatNumber(props.escalated.total, ctx.lang) })}
        items={props.escalated.items}
        now={props.now}
        calendar={props.calendar}
      />
    </ConsolePage>
  );
}
