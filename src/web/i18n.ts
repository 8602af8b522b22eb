// One typed dictionary per area: `vi` is written `as const` and `en` is typed `Record<keyof typeof vi, string>`,
// so a key missing in English fails `tsc`. The language comes from `?lang=`, then the remembered cookie, then
// the browser's Accept-Language, and is Vietnamese by default.
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';
export const LANG_COOKIE = 'dv_lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export interface LangSources {
  query?: unknown;
  cookie?: string;
  acceptLanguage?: string;
}

/** The language of a request, and whether it was chosen just now (so it is remembered in the cookie). */
export function resolveLang(sources: LangSources): { lang: Lang; chosen: boolean } {
  if (isLang(sources.query)) return { lang: sources.query, chosen: true };
  if (isLang(sources.cookie)) return { lang: sources.cookie, chosen: false };
  return { lang: fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LANG, chosen: false };
}

function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLang) ?? null;
}

export type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** A translator for one language; `{name}` placeholders are filled from `vars`. */
export function translator<K extends string>(
  dictionary: { vi: Record<K, string>; en: Record<K, string> },
  lang: Lang,
): Translate<K> {
  const words = dictionary[lang];
  return (key, vars) => {
    const text = words[key];
    return vars
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
      : text;
  };
}
