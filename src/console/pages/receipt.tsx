import { formatDateTime } from '../../web/format';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';
import { caseHref, kindLabel } from '../components';
import { CONSOLE_BASE } from '../console-session';

export function ReceiptPage(props: {
  ctx: PageContext;
  id: string;
  trackingCode: string;
  trackingSecret: string;
  kind: string;
  subject: string;
  unitName: string;
  receivedAt: string;
}) {
  const { ctx } = props;
  return (
    <ConsolePage ctx={ctx} title={ctx.t('receiptTitle')} printable>
      <section class="receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title">{ctx.t('receiptTitle')}</h1>
        <p>{props.unitName}</p>
        <p>{ctx.t('receiptIntro')}</p>
        <dl class="facts">
          <dt>{ctx.t('receiptCode')}</dt>
          <dd class="code" data-testid="tracking-code">
            {props.trackingCode}
          </dd>
          <dt>{ctx.t('receiptSecret')}</dt>
          <dd class="code" data-testid="tracking-secret">
            {props.trackingSecret}
          </dd>
          <dt>{ctx.t('fieldKind')}</dt>
          <dd>{kindLabel(ctx, props.kind)}</dd>
          <dt>{ctx.t('fieldSubject')}</dt>
          <dd>{props.subject}</dd>
          <dt>{ctx.t('receiptReceivedAt')}</dt>
          <dd>{formatDateTime(props.receivedAt, ctx.lang)}</dd>
        </dl>
        <p class="hint">{ctx.t('receiptSecretHint')}</p>
      </section>
      <p class="no-print">{ctx.t('receiptPrint')}</p>
      <ul class="no-print">
        <li>
          <a href={caseHref(props.id)}>{ctx.t('receiptOpenCase')}</a>
        </li>
        <li>
          <a href={`${CONSOLE_BASE}/petitions/new`}>{ctx.t('receiptRegisterAnother')}</a>
        </li>
      </ul>
    </ConsolePage>
  );
}
