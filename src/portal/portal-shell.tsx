// The portal's frame: the shared page shell with the citizens' navigation. No account, no session cookie.
import type { ComponentChildren } from 'preact';
import type { Request } from 'express';
import { translator, type Lang, type Translate } from '../web/i18n';
import { langOf, switchLanguageHref } from '../web/language';
import { documentProps, MainNav, Notice } from '../web/layout';
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
    <MainNav
      lang={ctx.lang}
      items={NAV.map((item) => ({ href: item.href, label: ctx.t(item.key), current: ctx.path === item.href }))}
    />
  );
  return (
    <PortalLayout {...documentProps(ctx, props)} header={header}>
      {props.children}
    </PortalLayout>
  );
}

export { Notice };

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
