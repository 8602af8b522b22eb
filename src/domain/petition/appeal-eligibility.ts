// When a complainant may file a second-time complaint (Luật Khiếu nại 2011, Đ.33): after the first-time
// decision, or when the first-time deadline lapsed without one, within the filing window counted from
// that moment (30 days; 45 in remote areas).
import { computeDeadline } from '../calendar/deadline';
import type { WorkingCalendar } from '../calendar/working-calendar';

export interface AppealCase {
  kind: string;
  round: number;
  /** When the first-time decision was recorded, if it was. */
  decidedAtMs: number | null;
  /** The running clock of the first case, if any. */
  clock: { name: string; dueAtMs: number } | null;
  alreadyAppealed: boolean;
}

export type AppealEligibility =
  | { eligible: true; trigger: 'decision' | 'lapsed'; fromMs: number; windowEndsAtMs: number }
  | { eligible: false; reason: string };

export function appealEligibility(
  c: AppealCase,
  window: { limit: number; unit: 'days' | 'working_days'; basis: string },
  nowMs: number,
  calendar: WorkingCalendar,
): AppealEligibility {
  if (c.kind !== 'complaint' || c.round !== 1)
    return { eligible: false, reason: 'only a first-time complaint can be followed by a second-time complaint' };
  if (c.alreadyAppealed)
    return { eligible: false, reason: 'a second-time complaint has already been filed for this case' };
  let trigger: 'decision' | 'lapsed';
  let fromMs: number;
  if (c.decidedAtMs !== null) {
    trigger = 'decision';
    fromMs = c.decidedAtMs;
  } else if (c.clock?.name === 'resolution' && c.clock.dueAtMs < nowMs) {
    trigger = 'lapsed';
    fromMs = c.clock.dueAtMs;
  } else {
    return {
      eligible: false,
      reason: 'a second-time complaint needs the first-time decision, or the first-time deadline to have lapsed',
    };
  }
  const windowEndsAtMs = computeDeadline({ startMs: fromMs, limit: window.limit, unit: window.unit }, calendar).dueAtMs;
  if (nowMs > windowEndsAtMs) {
    return {
      eligible: false,
      reason: `the window for a second-time complaint closed at ${new Date(windowEndsAtMs).toISOString()} (${window.basis})`,
    };
  }
  return { eligible: true, trigger, fromMs, windowEndsAtMs };
}
