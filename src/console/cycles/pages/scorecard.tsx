import type { ScorecardRow } from '../../../reports/leader-scorecard';
import { SCORECARD_COLUMNS } from '../../../reports/leader-scorecard';
import { formatNumber, formatPercent } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT } from '../cycles-messages';
import { CyclesPage, href } from '../cycles-ui';

function cell(ctx: PageContext, key: keyof ScorecardRow, row: ScorecardRow): string {
  const value = row[key];
  if (value === null || value === undefined) return cyclesT(ctx)('none');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number')
    return key === 'onTimePct' ? formatPercent(value, ctx.lang) : formatNumber(value, ctx.lang);
  return String(value);
}

/** The leader's own row of the scorecard, one measure a line, with the same period picker as the reports. */
export function ScorecardPage(props: {
  ctx: PageContext;
  period: string;
  periodLabel: string | null;
  row: ScorecardRow | null;
  error?: string;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  return (
    <CyclesPage ctx={ctx} title={w('scorecardTitle')} isLeader>
      <p>{w('scorecardIntro')}</p>
      <form class="inline" method="get" action={href('/scorecard')}>
        <div>
          <label for="scorecard-period">{ctx.t('reportPeriod')}</label>
          <input
            id="scorecard-period"
            name="period"
            value={props.period}
            aria-describedby="scorecard-period-hint"
            aria-invalid={props.error ? 'true' : undefined}
          />
          <p class="hint" id="scorecard-period-hint">
            {ctx.t('reportPeriodHint')}
          </p>
        </div>
        <div>
          <button type="submit">{ctx.t('reportShow')}</button>
        </div>
      </form>
      {props.error ? (
        <div class="notice error" role="alert">
          {props.error}
        </div>
      ) : props.row ? (
        <table id="scorecard-table">
          <caption>
            {w('scorecardCaption', { name: props.row.leaderName, period: props.periodLabel ?? props.period })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{w('colMeasure')}</th>
              <th scope="col" class="num">
                {w('colValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {SCORECARD_COLUMNS.filter((c) => c.key !== 'leaderName').map((c) => (
              <tr>
                <th scope="row">{c[ctx.lang]}</th>
                <td class="num" data-measure={c.key}>
                  {cell(ctx, c.key, props.row!)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p role="status">{w('scorecardNone')}</p>
      )}
    </CyclesPage>
  );
}
