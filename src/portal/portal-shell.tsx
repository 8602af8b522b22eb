// The portal's frame: the shared page shell with the citizens' navigation. No account, no session cookie.
import type { ComponentChildren } from 'preact';
import type { Request } from 'express';
import { translator, type Lang, type Translate } from '../web/i18n';
import { langOf, switchLanguageHref } from '../web/language';
import { PortalLayout } from './portal-layout';
import { PORTAL_WORDS, type PortalKey } from './messages';

export interface PortalContext {
  lang: Lang;
  t: Translate<PortalKey>;
  otherLanguageHref: string;
  path: string;
}

export function portalContext(req: Request): PortalContext {
  const lang = langOf(req);
  return {
    lang,
    t: translator(PORTAL_WORDS, lang),
    otherLanguageHref: switchLanguageHref(req, lang === 'vi' ? 'en' : 'vi'),
    path: req.path,
  };
}

const NAV: { href: string; key: PortalKey }[] = [
  { href: '/', key: 'navHome' },
  { href: '/file', key: 'navFile' },
  { href: '/track', key: 'navTrack' },
  { href: '/reception', key: 'navReception' },
  { href: '/conferences', key: 'navConferences' },
  { href: '/figures', key: 'navFigures' },
];

export function PortalPage(props: {
  ctx: PortalContext;
  title: string;
  printable?: boolean;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const header = (
    <nav aria-label={ctx.lang === 'vi' ? 'Điều hướng chính' : 'Main navigation'}>
      <ul>
        {NAV.map((item) => (
          <li>
            <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
              {ctx.t(item.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <PortalLayout
      lang={ctx.lang}
      title={props.title}
      otherLanguageHref={ctx.otherLanguageHref}
      header={header}
      printable={props.printable}
    >
      {props.children}
    </PortalLayout>
  );
}

export function Notice(props: {
  kind: 'error' | 'warning' | 'success' | 'info';
  live?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={`notice ${props.kind}`} role={props.live ? (props.kind === 'error' ? 'alert' : 'status') : undefined}>
      {props.children}
    </div>
  );
}

export function MessagePage({ ctx, title, message }: { ctx: PortalContext; title: string; message: string }) {
  return (
    <PortalPage ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{ctx.t('backHome')}</a>
      </p>
    </PortalPage>
  );
}
