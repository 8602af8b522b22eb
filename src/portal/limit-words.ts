// A legal limit in words ("30 ngày", "10 working days"), from the deadline policy the case runs on; demo
// policies in minutes read as minutes.
import { parseIsoDuration } from '../domain/duration';
import type { ClockSpec } from '../domain/petition/deadline-ladder';
import type { Translate } from '../web/i18n';
import type { PortalKey } from './messages';
import { DAY_MS } from '../domain/calendar/day';

export function limitInWords(spec: ClockSpec, t: Translate<PortalKey>): string {
  if (typeof spec !== 'string') return t(spec.unit === 'working_days' ? 'workingDays' : 'days', { n: spec.limit });
  const ms = parseIsoDuration(spec);
  if (ms % DAY_MS === 0) return t('days', { n: ms / DAY_MS });
  if (ms % 3_600_000 === 0) return t('hours', { n: ms / 3_600_000 });
  return t('minutes', { n: Math.max(1, Math.round(ms / 60_000)) });
}

export function basisOf(spec: ClockSpec): string | undefined {
  return typeof spec === 'string' ? undefined : spec.basis?.split(' — ')[0];
}
