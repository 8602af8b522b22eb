import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';

export function SignInPage({
  ctx,
  error,
  username,
  next,
}: {
  ctx: PageContext;
  error?: string;
  username?: string;
  next?: string;
}) {
  return (
    <ConsolePage ctx={ctx} title={ctx.t('signInTitle')}>
      <h1>{ctx.t('signInTitle')}</h1>
      <p>{ctx.t('signInIntro')}</p>
      {error ? (
        <Notice kind="error" live>
          {error}
        </Notice>
      ) : null}
      <form class="stack" method="post" action={`${CONSOLE_BASE}/sign-in`}>
        <CsrfField ctx={ctx} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div>
          <label for="username">{ctx.t('username')}</label>
          <input id="username" name="username" autocomplete="username" required value={username ?? ''} />
        </div>
        <div>
          <label for="password">{ctx.t('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <div>
          <button type="submit">{ctx.t('signIn')}</button>
        </div>
      </form>
    </ConsolePage>
  );
}
