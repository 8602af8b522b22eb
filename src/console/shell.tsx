// The console's frame around every page: navigation by role, the signed-in person, sign-out.
import type { ComponentChildren } from 'preact';
import { hasRoleAnywhere } from '../org/access';
import type { Role } from '../domain/petition/petition-stages';
import { CSRF_FIELD } from '../web/csrf';
import { documentProps, Layout, MainNav, Notice } from '../web/layout';
import type { ConsoleKey } from './messages';
import type { PageContext } from './page-context';
import { CONSOLE_BASE } from './console-session';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />;
}

// Navigation only shows the way; every page still runs the use case's own access check.
const NAV: { href: string; key: ConsoleKey; roles: Role[] }[] = [
  { href: '/', key: 'navHome', roles: ['officer', 'leader', 'supervisor', 'admin'] },
  { href: '/petitions/new', key: 'navRegister', roles: ['officer', 'leader'] },
  { href: '/petitions', key: 'navSearch', roles: ['officer', 'leader', 'supervisor', 'admin'] },
  { href: '/extensions', key: 'navExtensions', roles: ['leader'] },
  { href: '/oversight', key: 'navOversight', roles: ['leader', 'supervisor'] },
  { href: '/reports', key: 'navReports', roles: ['leader', 'supervisor', 'admin'] },
  { href: '/reports/leaders', key: 'navScorecard', roles: ['leader', 'supervisor', 'admin'] },
  { href: '/reports/conferences', key: 'navConferenceReport', roles: ['leader', 'supervisor', 'admin'] },
  { href: '/reports/obligations', key: 'navObligations', roles: ['leader', 'supervisor', 'admin'] },
  { href: '/registers', key: 'navRegisters', roles: ['leader', 'supervisor'] },
  { href: '/outbox', key: 'navOutbox', roles: ['admin', 'supervisor'] },
  { href: '/national-sync', key: 'navNationalSync', roles: ['admin', 'supervisor'] },
  { href: '/reception', key: 'navCycles', roles: ['officer', 'leader', 'supervisor'] },
  { href: '/admin', key: 'navAdmin', roles: ['admin'] },
];

export function ConsolePage(props: {
  ctx: PageContext;
  title: string;
  printable?: boolean;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const principal = ctx.principal;
  const header = principal ? (
    <>
      <MainNav
        lang={ctx.lang}
        items={NAV.filter((item) => hasRoleAnywhere(principal, item.roles)).map((item) => ({
          href: `${CONSOLE_BASE}${item.href === '/' ? '' : item.href}`,
          label: ctx.t(item.key),
          current: ctx.path === item.href,
        }))}
      />
      <div class="account">
        <span>{ctx.t('signedInAs', { name: principal.fullName })}</span>
        <form method="post" action={`${CONSOLE_BASE}/sign-out`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{ctx.t('signOut')}</button>
        </form>
      </div>
    </>
  ) : null;
  return (
    <Layout {...documentProps(ctx, props)} header={header}>
      {props.children}
    </Layout>
  );
}

export { Notice };
