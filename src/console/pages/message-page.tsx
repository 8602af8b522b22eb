import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';

/** A refusal or an error as a page of its own, in words. */
export function MessagePage({
  ctx,
  title,
  message,
  detail,
}: {
  ctx: PageContext;
  title: string;
  message: string;
  detail?: string;
}) {
  return (
    <ConsolePage ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Notice kind="error" live>
        <p>{message}</p>
        {detail ? <p>{ctx.t('lawSays', { message: detail })}</p> : null}
      </Notice>
      <p>
        <a href={ctx.principal ? CONSOLE_BASE : `${CONSOLE_BASE}/sign-in`}>
          {ctx.principal ? ctx.t('backHome') : ctx.t('signInTitle')}
        </a>
      </p>
    </ConsolePage>
  );
}
