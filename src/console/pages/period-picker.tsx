// The period picker of every console report: the same fields as the JSON API's period query.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../page-context';
import { CONSOLE_BASE } from '../console-session';

/** A period name (the API's `period`) or a range of days; `children` are more fields before the button. */
export function PeriodPicker(props: {
  ctx: PageContext;
  action: string;
  query: { period: string; from: string; to: string };
  children?: ComponentChildren;
}) {
  const { ctx, query } = props;
  return (
    <form class="inline" method="get" action={`${CONSOLE_BASE}${props.action}`}>
      <div>
        <label for="period">
          {ctx.t('reportPeriod')} <span class="hint">({ctx.t('reportPeriodHint')})</span>
        </label>
        <input id="period" name="period" value={query.period} list="period-options" />
        <datalist id="period-options">
          {['-Q1', '-H1', '-9M', ''].map((suffix) => (
            <option value={`${query.period.slice(0, 4) || new Date().getFullYear()}${suffix}`} />
          ))}
        </datalist>
      </div>
      <fieldset>
        <legend>{ctx.t('reportRangeHint')}</legend>
        <label for="from">{ctx.t('reportFrom')}</label>
        <input id="from" name="from" type="date" value={query.from} /> <label for="to">{ctx.t('reportTo')}</label>
        <input id="to" name="to" type="date" value={query.to} />
      </fieldset>
      {props.children}
      <div>
        <button type="submit">{ctx.t('reportShow')}</button>
      </div>
    </form>
  );
}
