// Dates, numbers and names for vi-VN (or en-GB), always in Vietnam's time zone whatever the server's is.
import type { Lang } from './i18n';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value as T;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 01/12/2026 14:05 */
export function formatDateTime(value: Date | string | number, lang: Lang): string {
  return cached(
    `dt:${lang}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], {
        timeZone: TIME_ZONE,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }),
  ).format(toDate(value));
}

/** 01/12/2026 */
export function formatDate(value: Date | string | number, lang: Lang): string {
  return cached(
    `d:${lang}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }),
  ).format(toDate(value));
}

/** The local calendar day in Vietnam as YYYY-MM-DD, for date inputs. */
export function localIsoDate(value: Date | string | number): string {
  return cached(
    'iso',
    () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(toDate(value));
}

/** The local wall-clock time in Vietnam as YYYY-MM-DDTHH:mm, for datetime-local inputs. */
export function localIsoDateTime(value: Date | string | number): string {
  const parts = cached(
    'isot',
    () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }),
  ).format(toDate(value));
  return `${localIsoDate(value)}T${parts.replace(/^24/, '00')}`;
}

/** A datetime-local value typed in Vietnam (UTC+7, no daylight saving) as an ISO instant. */
export function fromLocalDateTime(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h - 7, mi);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** 1.234.567 in Vietnamese, 1,234,567 in English. */
export function formatNumber(value: number, lang: Lang): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(LOCALE[lang])).format(value);
}

/** 98,2% from 98.2 */
export function formatPercent(percent: number, lang: Lang): string {
  return cached(
    `p:${lang}`,
    () => new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }),
  ).format(percent / 100);
}

/** Vietnamese name order: "Đỗ" after "Dương", tones after the bare letter. */
export function compareNames(a: string, b: string): number {
  return cached('collator', () => new Intl.Collator('vi', { sensitivity: 'base' })).compare(a, b);
}
