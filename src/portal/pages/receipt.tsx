import { formatDate, formatDateTime } from '../../web/format';
import { basisOf, limitInWords } from '../limit-words';
import type { Filed } from '../portal-intake';
import { PortalPage, type PortalContext } from '../portal-shell';

export function ReceiptPage({
  ctx,
  filed,
  unitName,
  qrSvg,
}: {
  ctx: PortalContext;
  filed: Filed;
  unitName: string;
  qrSvg: string;
}) {
  const basis = basisOf(filed.resolution);
  return (
    <PortalPage ctx={ctx} title={ctx.t('receiptTitle')} printable>
      <div class="receipt">
        <h1>{ctx.t('receiptTitle')}</h1>
        <p>{ctx.t('receiptIntro')}</p>
        <dl class="facts">
          <dt>{ctx.t('trackingCode')}</dt>
          <dd class="code" data-testid="tracking-code">
            {filed.trackingCode}
          </dd>
          <dt>{ctx.t('trackingSecret')}</dt>
          <dd class="code" data-testid="tracking-secret">
            {filed.trackingSecret}
          </dd>
          <dt>{ctx.t('unit')}</dt>
          <dd>{unitName}</dd>
          <dt>{ctx.t('receivedAt')}</dt>
          <dd>{formatDateTime(filed.receivedAt, ctx.lang)}</dd>
        </dl>
        <p>
          <strong>{ctx.t('secretWarning')}</strong>
        </p>
        <h2>{ctx.t('whatNext')}</h2>
        <ol>
          <li>
            {ctx.t('nextTriage', {
              limit: limitInWords(filed.triage.spec, ctx.t),
              date: formatDate(filed.triage.dueAtMs, ctx.lang),
            })}
          </li>
          <li>
            {ctx.t('nextResolution', {
              limit: limitInWords(filed.resolution, ctx.t),
              basis: basis ?? ctx.t(('kind_' + filed.kind) as 'kind_feedback'),
            })}
          </li>
          <li>{ctx.t('nextForward')}</li>
          <li>{ctx.t('nextNotice')}</li>
        </ol>
        <figure class="qr">
          <div
            class="qr-image"
            role="img"
            aria-label={ctx.t('qrCaption')}
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <figcaption>{ctx.t('qrCaption')}</figcaption>
        </figure>
        <p class="no-print">{ctx.t('print')}</p>
      </div>
    </PortalPage>
  );
}
