import type { BulkAssignResult } from '../../petitions/bulk-assign';
import { formatNumber } from '../../web/format';
import { caseHref } from '../components';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { refusalWords } from '../refusals';
import { AppError } from '../../errors';
import { ConsolePage, Notice } from '../shell';

/** One row a case: what happened to it, and why when it was refused (the same words as the case page). */
export function BulkAssignResultPage(props: {
  ctx: PageContext;
  result: BulkAssignResult | null;
  error?: string;
  returnTo: string;
}) {
  const { ctx, result } = props;
  const n = (v: number) => formatNumber(v, ctx.lang);
  return (
    <ConsolePage ctx={ctx} title={ctx.t('bulkTitle')}>
      <h1>{ctx.t('bulkTitle')}</h1>
      {props.error ? (
        <Notice kind="error" live>
          {props.error}
        </Notice>
      ) : null}
      {result ? (
        <table id="bulk-results">
          <caption role="status">
            {ctx.t('bulkCaption', {
              assigned: n(result.counts.assigned),
              refused: n(result.counts.refused + result.counts.failed),
              notFound: n(result.counts.notFound),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('colCode')}</th>
              <th scope="col">{ctx.t('bulkOutcome')}</th>
              <th scope="col">{ctx.t('bulkReason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr data-outcome={item.outcome}>
                <td>
                  {item.trackingCode ? <a href={caseHref(item.petitionId)}>{item.trackingCode}</a> : item.petitionId}
                </td>
                <td>{ctx.t(`bulk_${item.outcome}` as ConsoleKey)}</td>
                <td>
                  {item.outcome === 'refused' || item.outcome === 'failed'
                    ? reasonOf(ctx, new AppError(item.code, item.message))
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <a href={props.returnTo}>{ctx.t('bulkBack')}</a>
      </p>
    </ConsolePage>
  );
}

function reasonOf(ctx: PageContext, error: AppError): string {
  const words = refusalWords(ctx, error);
  return words.detail ? `${words.headline} ${words.detail}` : words.headline;
}
