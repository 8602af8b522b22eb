import { formatNumber } from '../../web/format';
import { caseHref, kindLabel } from '../components';
import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';
import { DecisionFields } from './case';

export interface ExtensionRequestRow {
  id: string;
  trackingCode: string;
  kind: string;
  subject: string;
  unitName: string;
  days: number | null;
  reason: string | null;
  requestedBy: string | null;
}

/** The leader's queue: each request with its own written-decision form. */
export function ExtensionsPage({ ctx, rows, done }: { ctx: PageContext; rows: ExtensionRequestRow[]; done?: string }) {
  return (
    <ConsolePage ctx={ctx} title={ctx.t('extensionsTitle')}>
      <h1>{ctx.t('extensionsTitle')}</h1>
      {done ? (
        <Notice kind="success" live>
          {ctx.t('actionDone', { action: `${ctx.t('action_decideExtension')} ${done}` })}
        </Notice>
      ) : null}
      <table>
        <caption>{ctx.t('extensionsCaption', { count: formatNumber(rows.length, ctx.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('colCode')}</th>
            <th scope="col">{ctx.t('colSubject')}</th>
            <th scope="col">{ctx.t('colUnit')}</th>
            <th scope="col">{ctx.t('fieldDays')}</th>
            <th scope="col">{ctx.t('fieldReason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5}>{ctx.t('queueEmpty')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr>
                <td>
                  <a href={caseHref(r.id)}>{r.trackingCode}</a>
                </td>
                <td>
                  {r.subject} <span class="hint">({kindLabel(ctx, r.kind)})</span>
                </td>
                <td>{r.unitName}</td>
                <td class="num">{r.days ?? '—'}</td>
                <td>
                  {r.reason ?? ''}
                  {r.requestedBy ? <span class="hint"> — {r.requestedBy}</span> : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {rows.map((r) => (
        <section aria-labelledby={`decide-${r.id}`}>
          <h2 id={`decide-${r.id}`}>
            {ctx.t('action_decideExtension')}: {r.trackingCode}
          </h2>
          <form
            class="stack"
            method="post"
            action={`${caseHref(r.id)}/actions`}
            data-action="decideExtension"
            data-petition={r.trackingCode}
          >
            <CsrfField ctx={ctx} />
            <input type="hidden" name="action" value="decideExtension" />
            <input type="hidden" name="returnTo" value="extensions" />
            <DecisionFields ctx={ctx} idPrefix={`x-${r.id}`} errors={{}} />
            <div>
              <button type="submit">{ctx.t('action_decideExtension')}</button>
            </div>
          </form>
        </section>
      ))}
    </ConsolePage>
  );
}
