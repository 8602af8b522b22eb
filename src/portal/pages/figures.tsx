import { formatNumber, formatPercent } from '../../web/format';
import type { PublicFigure } from '../public-figures';
import { PortalPage, type PortalContext } from '../portal-shell';

export function FiguresPage({
  ctx,
  periodKey,
  periodLabel,
  rows,
  total,
}: {
  ctx: PortalContext;
  periodKey: string;
  periodLabel: string;
  rows: PublicFigure[];
  total: PublicFigure | null;
}) {
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, ctx.lang));
  return (
    <PortalPage ctx={ctx} title={ctx.t('figuresTitle')}>
      <h1>{ctx.t('figuresTitle')}</h1>
      <p>{ctx.t('figuresIntro')}</p>
      <form class="inline" method="get" action="/figures">
        <label for="period">{ctx.t('period')}</label>
        <input id="period" name="period" value={periodKey} maxLength={10} aria-describedby="period-hint" />
        <span class="hint" id="period-hint">
          2026, 2026-Q4, 2026-11, 2026-H1
        </span>
        <button type="submit">{ctx.t('show')}</button>
      </form>
      <table>
        <caption>{`${ctx.t('figuresTitle')} — ${periodLabel}`}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('unit')}</th>
            <th scope="col" class="num">
              {ctx.t('received')}
            </th>
            <th scope="col" class="num">
              {ctx.t('resolved')}
            </th>
            <th scope="col" class="num">
              {ctx.t('onTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.unit}</th>
              <td class="num">{formatNumber(r.received, ctx.lang)}</td>
              <td class="num">{formatNumber(r.resolved, ctx.lang)}</td>
              <td class="num">{pct(r.resolvedOnTimePct)}</td>
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row">{total.unit}</th>
              <td class="num">{formatNumber(total.received, ctx.lang)}</td>
              <td class="num">{formatNumber(total.resolved, ctx.lang)}</td>
              <td class="num">{pct(total.resolvedOnTimePct)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </PortalPage>
  );
}
