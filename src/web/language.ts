// Puts the request's language on `req.lang` and remembers an explicit `?lang=` choice in a cookie.
import type { Request, RequestHandler } from 'express';
import { readCookies, serializeCookie } from './cookies';
import { LANG_COOKIE, resolveLang, type Lang } from './i18n';

declare module 'express-serve-static-core' {
  interface Request {
    lang?: Lang;
  }
}

const ONE_YEAR_S = 365 * 24 * 3600;

export function languageMiddleware(): RequestHandler {
  return (req, res, next) => {
    const { lang, chosen } = resolveLang({
      query: req.query.lang,
      cookie: readCookies(req.headers.cookie)[LANG_COOKIE],
      acceptLanguage: req.header('accept-language'),
    });
    req.lang = lang;
    if (chosen)
      res.append(
        'Set-Cookie',
        serializeCookie(LANG_COOKIE, lang, { maxAgeSeconds: ONE_YEAR_S, httpOnly: false, secure: req.secure }),
      );
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    next();
  };
}

export function langOf(req: Request): Lang {
  return req.lang ?? 'vi';
}

/** The same page in the other language: the current URL with `lang` replaced. */
export function switchLanguageHref(req: Request, to: Lang): string {
  const url = new URL(req.originalUrl, 'http://local');
  url.searchParams.set('lang', to);
  return `${url.pathname}${url.search}`;
}
