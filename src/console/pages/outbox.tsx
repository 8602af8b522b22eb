import type { OutboxMessage, OutboxMessageSummary } from '../../platform/runtime/smtp-sink';
import { formatDateTime, formatNumber } from '../../web/format';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';
import { CONSOLE_BASE } from '../console-session';

export function OutboxPage({
  ctx,
  items,
  open,
}: {
  ctx: PageContext;
  items: OutboxMessageSummary[];
  open: OutboxMessage | null;
}) {
  return (
    <ConsolePage ctx={ctx} title={ctx.t('outboxTitle')}>
      <h1>{ctx.t('outboxTitle')}</h1>
      {open ? (
        <section aria-labelledby="message-heading">
          <h2 id="message-heading">
            {ctx.t('outboxMessage')}: {open.subject}
          </h2>
          <p>
            {ctx.t('colTo')}: {open.to.join(', ')} · {formatDateTime(open.receivedAt, ctx.lang)}
          </p>
          <pre class="mail">{open.text}</pre>
        </section>
      ) : null}
      <table>
        <caption>{ctx.t('outboxCaption', { count: formatNumber(items.length, ctx.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('colWhen')}</th>
            <th scope="col">{ctx.t('colTo')}</th>
            <th scope="col">{ctx.t('colMailSubject')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr>
              <td>{formatDateTime(m.receivedAt, ctx.lang)}</td>
              <td>{m.to.join(', ')}</td>
              <td>
                <a href={`${CONSOLE_BASE}/outbox/${encodeURIComponent(m.id)}`}>{m.subject}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsolePage>
  );
}
