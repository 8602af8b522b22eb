// The page shell every web page shares: language, skip link, header with navigation and the language
// switch, one <main>, and htmx loaded from our own origin (never inline).
import type { ComponentChildren } from 'preact';
import type { Lang } from './i18n';
import { translator } from './i18n';
import { SHELL_WORDS } from './messages';
import { HTMX_PATH, STYLESHEET_PATH } from './static-assets';

export interface LayoutProps {
  lang: Lang;
  title: string;
  /** The current page in the other language. */
  otherLanguageHref: string;
  /** Navigation and account controls for the header. */
  header?: ComponentChildren;
  /** A page that must print cleanly (a receipt) gets the print class. */
  printable?: boolean;
  children: ComponentChildren;
}

// htmx must not add an inline <style> (the CSP forbids it), nor evaluate attributes as script.
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  responseHandling: [
    { code: '204', swap: false },
    { code: '...', swap: true },
  ],
});

/**
 * The document both front ends render. `withHtmx` false is the portal's: no script at all, so citizens on
 * slow phones download no JavaScript; `brandHref` makes the brand a link home.
 */
export function PageDocument(props: LayoutProps & { withHtmx: boolean; brandHref?: string }) {
  const t = translator(SHELL_WORDS, props.lang);
  const other: Lang = props.lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.withHtmx ? <meta name="htmx-config" content={HTMX_CONFIG} /> : null}
        <title>{`${props.title} · ${t('appName')}`}</title>
        {props.withHtmx ? <link rel="icon" href="data:," /> : null}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {props.withHtmx ? <script src={HTMX_PATH} defer></script> : null}
      </head>
      <body class={props.printable ? 'printable' : undefined}>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          {props.brandHref ? (
            <a class="brand" href={props.brandHref}>
              {t('appName')}
            </a>
          ) : (
            <span class="brand">{t('appName')}</span>
          )}
          {props.header}
          <a
            class="lang-switch"
            href={props.otherLanguageHref}
            hreflang={other}
            lang={other}
            title={t('otherLanguageHint')}
          >
            {t('otherLanguage')}
          </a>
        </header>
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">{t('footer')}</footer>
      </body>
    </html>
  );
}

/** The document's props from a page context (language, the other language's URL) and the page's own. */
export function documentProps(
  ctx: { lang: Lang; otherLanguageHref: string },
  page: { title: string; printable?: boolean },
): Omit<LayoutProps, 'children' | 'header'> {
  return { lang: ctx.lang, title: page.title, otherLanguageHref: ctx.otherLanguageHref, printable: page.printable };
}

export function Layout(props: LayoutProps) {
  return <PageDocument {...props} withHtmx />;
}

/** The main navigation: a list of links, the current page marked for assistive technology. */
export function MainNav(props: { lang: Lang; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={props.lang === 'vi' ? 'Điều hướng chính' : 'Main navigation'}>
      <ul>
        {props.items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A message box: the words carry the meaning; `live` announces it (an error as an alert). */
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
