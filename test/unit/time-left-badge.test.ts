// The time-left badge of every queue and case: working days left counted on the working calendar (a holiday
// not counted, a swapped working Saturday counted), "due today", and calendar days overdue, in the words of
// the console issue ("Còn 3 ngày làm việc", "Quá hạn 2 ngày") and in English, the colour class beside them.
// Dates worked out by hand: 2 December 2026 is a Wednesday.
import { createElement } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { TimeLeftBadge } from '../../src/console/components';
import { CONSOLE_WORDS } from '../../src/console/messages';
import type { PageContext } from '../../src/console/page-context';
import { timeLeft } from '../../src/domain/calendar/time-left';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import type { Lang } from '../../src/web/i18n';
import { translator } from '../../src/web/i18n';

const plain = workingCalendarFrom([{ year: 2026, holidays: [], workingWeekends: [] }]);
const NOW = new Date('2026-12-02T10:00:00+07:00');
const at = (iso: string) => Date.parse(iso);

const ctxIn = (lang: Lang) => ({ lang, t: translator(CONSOLE_WORDS, lang) }) as unknown as PageContext;
const badge = (lang: Lang, dueAt: string | null, calendar = plain) =>
  renderToString(createElement(TimeLeftBadge, { ctx: ctxIn(lang), dueAt, now: NOW, calendar }));

test('when a case is due next Monday, then three working days are left (Thursday, Friday, Monday)', () => {
  expect(timeLeft(NOW.getTime(), at('2026-12-07T17:00:00+07:00'), plain)).toEqual({ state: 'left', workingDays: 3 });
  expect(badge('vi', '2026-12-07T17:00:00+07:00')).toBe('<span class="badge soon">Còn 3 ngày làm việc</span>');
  expect(badge('en', '2026-12-07T17:00:00+07:00')).toBe('<span class="badge soon">3 working days left</span>');
});

test('when Friday is a holiday or Saturday a swapped working day, then the count follows the calendar', () => {
  const holiday = workingCalendarFrom([{ year: 2026, holidays: ['2026-12-04'], workingWeekends: [] }]);
  const swapped = workingCalendarFrom([{ year: 2026, holidays: [], workingWeekends: ['2026-12-05'] }]);
  expect(timeLeft(NOW.getTime(), at('2026-12-07T17:00:00+07:00'), holiday)).toEqual({ state: 'left', workingDays: 2 });
  expect(badge('vi', '2026-12-07T17:00:00+07:00', swapped)).toBe('<span class="badge ok">Còn 4 ngày làm việc</span>');
});

test('when the deadline is later today, then the badge says it is due today', () => {
  expect(timeLeft(NOW.getTime(), at('2026-12-02T17:00:00+07:00'), plain)).toEqual({ state: 'dueToday' });
  expect(badge('vi', '2026-12-02T17:00:00+07:00')).toBe('<span class="badge soon">Đến hạn hôm nay</span>');
  expect(badge('en', '2026-12-02T17:00:00+07:00')).toBe('<span class="badge soon">Due today</span>');
});

test('when the deadline was Monday, then on Wednesday the case is two days overdue', () => {
  expect(timeLeft(NOW.getTime(), at('2026-11-30T17:00:00+07:00'), plain)).toEqual({ state: 'overdue', days: 2 });
  expect(badge('vi', '2026-11-30T17:00:00+07:00')).toBe('<span class="badge overdue">Quá hạn 2 ngày</span>');
  expect(badge('en', '2026-11-30T17:00:00+07:00')).toBe('<span class="badge overdue">Overdue by 2 days</span>');
  // An hour late is already late: never "overdue by 0 days".
  expect(timeLeft(NOW.getTime(), at('2026-12-02T09:00:00+07:00'), plain)).toEqual({ state: 'overdue', days: 1 });
});

test('when a case has no running deadline, then the badge says so in words', () => {
  expect(badge('vi', null)).toBe('<span class="badge none">Không có thời hạn</span>');
});
