// The Vietnamese calendar and deadline arithmetic. Expected dates below were worked out by hand from
// printed calendars and the holiday rules, not by running the code under test.
import fc from 'fast-check';
import { computeDeadline, type LimitUnit } from '../../src/domain/calendar/deadline';
import { formatDay, localDayOf, parseDay } from '../../src/domain/calendar/day';
import { defaultCalendarYear, statutoryHolidays, type CalendarYear } from '../../src/domain/calendar/holidays';
import { lunarToSolar, solarToLunar } from '../../src/domain/calendar/lunar';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';

const defaults = workingCalendarFrom([], defaultCalendarYear);

describe('lunar calendar at UTC+7', () => {
  test.each([
    [2007, '2007-02-17'], // Vietnam; China (UTC+8) has 18 Feb
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'], // Vietnam; China has 3 Feb
  ])('Tết %i falls on %s', (year, date) => {
    const [d, m, y] = lunarToSolar(1, 1, year);
    expect(formatDay(parseDay(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`))).toBe(date);
    expect(solarToLunar(d, m, y)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  test.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])("Hùng Kings' day %i falls on %s", (year, date) => {
    expect(statutoryHolidays(year).find((h) => h.name.startsWith('Giỗ Tổ'))?.date).toBe(date);
  });
});

describe('default holidays (Labour Code arts. 111–112)', () => {
  test('2026: Tết eve and four days, Hùng Kings on a Sunday gives Monday off, National Day and the day after', () => {
    expect(defaultCalendarYear(2026).holidays).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03',
    ]);
  });

  test('2027: Tết over a weekend and 1 May on a Saturday give compensatory days', () => {
    const h = defaultCalendarYear(2027).holidays;
    expect(h).toEqual(expect.arrayContaining(['2027-02-10', '2027-02-11', '2027-05-03']));
    expect(h).not.toContain('2027-02-12');
  });

  test('2025: National Day on a Tuesday bridges the Monday before', () => {
    expect(defaultCalendarYear(2025).holidays).toEqual(expect.arrayContaining(['2025-09-01', '2025-09-02']));
  });
});

// An admin's 2026 table: the defaults plus an extra day off (Thu 24 Dec) and a swapped working Saturday (26 Dec).
const custom2026: CalendarYear = {
  ...defaultCalendarYear(2026),
  holidays: [...defaultCalendarYear(2026).holidays, '2026-12-24'],
  workingWeekends: ['2026-12-26'],
};
const custom = workingCalendarFrom([custom2026], defaultCalendarYear);

const at = (localDate: string, time = '09:00:00') => Date.parse(`${localDate}T${time}+07:00`);

describe('computeDeadline: hand-checked cases', () => {
  const cases: [string, number, number, LimitUnit, string, 'default' | 'custom'][] = [
    // [case, start, limit, unit, expected due date, calendar]
    ['30 days from a Monday', at('2026-11-23'), 30, 'days', '2026-12-23', 'default'],
    ['10 days', at('2026-11-23'), 10, 'days', '2026-12-03', 'default'],
    ['last day Saturday moves to Monday', at('2026-11-20'), 15, 'days', '2026-12-07', 'default'],
    ['start Saturday, 1 day lands Sunday', at('2026-11-21'), 1, 'days', '2026-11-23', 'default'],
    ['last day New Year then a weekend', at('2026-12-02'), 30, 'days', '2027-01-04', 'default'],
    ['month end in a common year', at('2026-01-31'), 30, 'days', '2026-03-02', 'default'],
    ['month end in a leap year', at('2028-01-31'), 30, 'days', '2028-03-01', 'default'],
    ['29 February exists in 2028', at('2028-02-28'), 1, 'days', '2028-02-29', 'default'],
    ['last day on Tết eve moves past Tết', at('2026-01-17'), 30, 'days', '2026-02-23', 'default'],
    ['last day on Tết', at('2026-02-10'), 7, 'days', '2026-02-23', 'default'],
    ["last day on Hùng Kings' Sunday and its Monday", at('2026-04-20'), 6, 'days', '2026-04-28', 'default'],
    ['30/4 and 1/5 then a weekend', at('2026-04-29'), 1, 'days', '2026-05-04', 'default'],
    ['National Day pair', at('2026-08-31'), 2, 'days', '2026-09-04', 'default'],
    ['zero days on a working day', at('2026-11-23'), 0, 'days', '2026-11-23', 'default'],
    ['zero days on a Sunday', at('2026-11-22'), 0, 'days', '2026-11-23', 'default'],
    ['1 May 2027 Saturday and its compensatory Monday', at('2027-04-26'), 5, 'days', '2027-05-04', 'default'],
    ['Tết 2027 with compensatory days', at('2027-01-29'), 10, 'days', '2027-02-12', 'default'],
    ['Tết 2024 over a weekend', at('2024-02-01'), 10, 'days', '2024-02-16', 'default'],
    ['year end into New Year', at('2026-12-31'), 1, 'days', '2027-01-04', 'default'],
    ['90-day filing window', at('2026-11-23'), 90, 'days', '2027-02-22', 'default'],
    ['10 working days', at('2026-11-23'), 10, 'working_days', '2026-12-07', 'default'],
    ['7 working days (denunciation triage)', at('2026-11-23'), 7, 'working_days', '2026-12-02', 'default'],
    ['5 working days (forward)', at('2026-11-23'), 5, 'working_days', '2026-11-30', 'default'],
    ['1 working day from a Friday', at('2026-11-27'), 1, 'working_days', '2026-11-30', 'default'],
    ['1 working day from a Saturday', at('2026-11-28'), 1, 'working_days', '2026-11-30', 'default'],
    ['5 working days from a Saturday', at('2026-11-28'), 5, 'working_days', '2026-12-04', 'default'],
    ['5 working days across Tết 2026', at('2026-02-12'), 5, 'working_days', '2026-02-26', 'default'],
    ['1 working day before Tết', at('2026-02-13'), 1, 'working_days', '2026-02-23', 'default'],
    ["2 working days across Hùng Kings' day", at('2026-04-24'), 2, 'working_days', '2026-04-29', 'default'],
    ['2 working days across 30/4–1/5', at('2026-04-29'), 2, 'working_days', '2026-05-05', 'default'],
    ['3 working days across New Year', at('2026-12-29'), 3, 'working_days', '2027-01-04', 'default'],
    ['3 working days across Tết 2027', at('2027-02-03'), 3, 'working_days', '2027-02-15', 'default'],
    ['1 working day across 30/4–3/5 2027', at('2027-04-29'), 1, 'working_days', '2027-05-04', 'default'],
    ['3 working days over 29 February', at('2028-02-25'), 3, 'working_days', '2028-03-01', 'default'],
    ['zero working days', at('2026-11-23'), 0, 'working_days', '2026-11-23', 'default'],
    ['15 working days', at('2026-11-23'), 15, 'working_days', '2026-12-14', 'default'],
    ['extra day off skipped', at('2026-12-22'), 2, 'working_days', '2026-12-25', 'custom'],
    ['swapped Saturday counts', at('2026-12-24'), 2, 'working_days', '2026-12-26', 'custom'],
    ['last day on a swapped Saturday stays', at('2026-12-19'), 7, 'days', '2026-12-26', 'custom'],
    ['last day on the extra day off moves', at('2026-12-17'), 7, 'days', '2026-12-25', 'custom'],
    [
      'late Sunday evening is still Sunday in Hanoi',
      at('2026-11-22', '23:30:00'),
      1,
      'working_days',
      '2026-11-23',
      'default',
    ],
    [
      'early Monday in Hanoi is Sunday in UTC',
      at('2026-11-23', '00:30:00'),
      1,
      'working_days',
      '2026-11-24',
      'default',
    ],
    ['a minute before midnight', at('2026-11-23', '23:59:00'), 1, 'days', '2026-11-24', 'default'],
    ['29 February 2024', at('2024-02-28'), 1, 'days', '2024-02-29', 'default'],
    ['month end in leap 2024', at('2024-01-31'), 30, 'days', '2024-03-01', 'default'],
  ];

  test.each(cases)('%s', (_name, startMs, limit, unit, expected, which) => {
    expect(computeDeadline({ startMs, limit, unit }, which === 'custom' ? custom : defaults).dueDate).toBe(expected);
  });

  test('a period ends at 24:00 of its last day, Asia/Ho_Chi_Minh', () => {
    const d = computeDeadline({ startMs: at('2026-11-23'), limit: 30, unit: 'days' }, defaults);
    expect(d.dueAt).toBe('2026-12-23T23:59:59.999+07:00');
    expect(d.dueAtMs).toBe(Date.parse('2026-12-23T23:59:59.999+07:00'));
  });

  test('there are at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});

describe('computeDeadline: properties', () => {
  const start = fc.integer({
    min: Date.parse('2020-01-01T00:00:00+07:00'),
    max: Date.parse('2031-06-30T00:00:00+07:00'),
  });
  const limit = fc.integer({ min: 0, max: 120 });
  const unit = fc.constantFrom<LimitUnit>('days', 'working_days');

  test('the due day is never a non-working day', () => {
    fc.assert(
      fc.property(start, limit, unit, (s, l, u) =>
        defaults.isWorkingDay(computeDeadline({ startMs: s, limit: l, unit: u }, defaults).dueDay),
      ),
    );
  });

  test('more days never give an earlier due time', () => {
    fc.assert(
      fc.property(start, limit, limit, unit, (s, a, b, u) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          computeDeadline({ startMs: s, limit: lo, unit: u }, defaults).dueAtMs <=
          computeDeadline({ startMs: s, limit: hi, unit: u }, defaults).dueAtMs
        );
      }),
    );
  });

  test('working-day limits agree with a day-by-day walk', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (s, l) => {
        const due = computeDeadline({ startMs: s, limit: l, unit: 'working_days' }, defaults).dueDay;
        let counted = 0;
        for (let d = localDayOf(s) + 1; d <= due; d++) if (defaults.isWorkingDay(d)) counted++;
        return counted === l;
      }),
    );
  });

  test('calendar-day limits end on the first working day on or after start + limit', () => {
    fc.assert(
      fc.property(start, limit, (s, l) => {
        const due = computeDeadline({ startMs: s, limit: l, unit: 'days' }, defaults).dueDay;
        const nominal = localDayOf(s) + l;
        if (due < nominal) return false;
        for (let d = nominal; d < due; d++) if (defaults.isWorkingDay(d)) return false;
        return true;
      }),
    );
  });
});
