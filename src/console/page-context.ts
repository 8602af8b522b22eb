// What every console page needs to render: language and words, who is signed in, the form token.
import type { Request } from 'express';
import type { Principal } from '../org/access';
import type { Csrf } from '../web/csrf';
import { translator, type Lang, type Translate } from '../web/i18n';
import { langOf, switchLanguageHref } from '../web/language';
import { CONSOLE_WORDS, type ConsoleKey } from './messages';

export interface PageContext {
  lang: Lang;
  t: Translate<ConsoleKey>;
  principal: Principal | null;
  csrfToken: string;
  otherLanguageHref: string;
  /** The path of the page within the console, for the navigation's current marker. */
  path: string;
}

export function pageContext(req: Request, csrf: Csrf): PageContext {
  const lang = langOf(req);
  return {
    lang,
    t: translator(CONSOLE_WORDS, lang),
    principal: req.principal ?? null,
    csrfToken: req.csrfBinding ? csrf.tokenFor(req.csrfBinding) : '',
    otherLanguageHref: switchLanguageHref(req, lang === 'vi' ? 'en' : 'vi'),
    path: req.path,
  };
}
