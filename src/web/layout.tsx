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

export function Layout(props: LayoutProps) {
  const t = translator(SHELL_WORDS, props.lang);
  const other: Lang = props.lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${props.title} · ${t('appName')}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={HTMX_PATH} defer></script>
      </head>
      <body class={props.printable ? 'printable' : undefined}>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <span class="brand">{t('appName')}</span>
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
