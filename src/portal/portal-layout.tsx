// The portal's document: the shared shell's words, stylesheet, skip link and header, without htmx — every
// portal page is a plain link or form, so citizens on slow phones download no JavaScript at all.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../web/i18n';
import { translator } from '../web/i18n';
import { SHELL_WORDS } from '../web/messages';
import { STYLESHEET_PATH } from '../web/static-assets';

export function PortalLayout(props: {
  lang: Lang;
  title: string;
  otherLanguageHref: string;
  header: ComponentChildren;
  printable?: boolean;
  children: ComponentChildren;
}) {
  const t = translator(SHELL_WORDS, props.lang);
  const other: Lang = props.lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('appName')}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body class={props.printable ? 'printable' : undefined}>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('appName')}
          </a>
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
