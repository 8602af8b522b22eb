// Reception-day rules against dates checked by hand on a printed calendar (weekdays confirmed with an
// independent calendar). The tables are the test's own: Tết 2027 off from Fri 5 Feb to Fri 12 Feb.
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { describeRule, occurrencesAfter, ruleProblem } from '../../src/domain/reception/schedule-rule';

const calendar = workingCalendarFrom([
  { year: 2026, holidays: ['2026-09-01', '2026-09-02'], workingWeekends: [] },
  {
    year: 2027,
    holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    workingWeekends: [],
  },
]);
const days = (occ: { day: string }[]) => occ.map((o) => o.day);

test('"the 10th, 20th and 30th": weekends and Tết move to the next working day; the 30th of February is its last day', () => {
  const occ = occurrencesAfter({ type: 'daysOfMonth', days: [10, 20, 30] }, '2026-12-01', calendar, 10);
  expect(occ).toEqual([
    { nominal: '2026-12-10', day: '2026-12-10' }, // Thu
    { nominal: '2026-12-20', day: '2026-12-21' }, // Sun → Mon
    { nominal: '2026-12-30', day: '2026-12-30' }, // Wed
    { nominal: '2027-01-10', day: '2027-01-11' }, // Sun → Mon
    { nominal: '2027-01-20', day: '2027-01-20' }, // Wed
    { nominal: '2027-01-30', day: '2027-02-01' }, // Sat → Mon 1 Feb
    { nominal: '2027-02-10', day: '2027-02-15' }, // Tết → Mon 15 Feb
    { nominal: '2027-02-20', day: '2027-02-22' }, // Sat → Mon
    { nominal: '2027-02-28', day: '2027-03-01' }, // "30 Feb" = 28 Feb, a Sunday → Mon 1 Mar
    { nominal: '2027-03-10', day: '2027-03-10' }, // Wed
  ]);
});

test('counting resumes after the last session, including one moved into the next month; dates named before the start do not count', () => {
  expect(occurrencesAfter({ type: 'daysOfMonth', days: [10, 20, 30] }, '2027-01-20', calendar, 2)).toEqual([
    { nominal: '2027-01-30', day: '2027-02-01' },
    { nominal: '2027-02-10', day: '2027-02-15' },
  ]);
  expect(days(occurrencesAfter({ type: 'daysOfMonth', days: [10, 20, 30] }, '2027-02-01', calendar, 1))).toEqual([
    '2027-02-15',
  ]);
  // A schedule applying from Sun 31 Jan: the 30th (a Saturday, held Monday) was named before it.
  expect(days(occurrencesAfter({ type: 'daysOfMonth', days: [10, 20, 30] }, '2027-01-30', calendar, 1))).toEqual([
    '2027-02-15',
  ]);
});

test('a Saturday the government makes a working day is held on that Saturday', () => {
  const swapped = workingCalendarFrom([{ year: 2027, holidays: [], workingWeekends: ['2027-02-20'] }]);
  expect(days(occurrencesAfter({ type: 'daysOfMonth', days: [20] }, '2027-02-01', swapped, 1))).toEqual(['2027-02-20']);
});

test('"the third Tuesday" and "the last Friday"', () => {
  expect(days(occurrencesAfter({ type: 'nthWeekday', n: 3, weekday: 2 }, '2027-01-01', calendar, 3))).toEqual([
    '2027-01-19',
    '2027-02-16',
    '2027-03-16',
  ]);
  expect(days(occurrencesAfter({ type: 'nthWeekday', n: -1, weekday: 5 }, '2027-01-01', calendar, 2))).toEqual([
    '2027-01-29',
    '2027-02-26',
  ]);
});

test('"every Thursday": the Thursday of Tết moves to Monday 15 February', () => {
  expect(days(occurrencesAfter({ type: 'weekly', weekdays: [4] }, '2027-01-31', calendar, 3))).toEqual([
    '2027-02-04',
    '2027-02-15',
    '2027-02-18',
  ]);
  // Every day of the week: a weekend's two dates make one Monday session.
  expect(occurrencesAfter({ type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] }, '2027-01-28', calendar, 3)).toEqual([
    { nominal: '2027-01-29', day: '2027-01-29' },
    { nominal: '2027-01-30', day: '2027-02-01' },
    { nominal: '2027-02-02', day: '2027-02-02' },
  ]);
});

test('two dates moved onto the same working day make one session', () => {
  expect(days(occurrencesAfter({ type: 'daysOfMonth', days: [5, 6, 20] }, '2027-02-01', calendar, 2))).toEqual([
    '2027-02-15',
    '2027-02-22',
  ]);
});

test('"every year on 30 February" (a regular conference): the last day of February, moved off the weekend', () => {
  // 28 Feb 2027 is a Sunday → Monday 1 March; 29 Feb 2028 is a Tuesday (leap year).
  const plain = workingCalendarFrom([2026, 2027, 2028].map((year) => ({ year, holidays: [], workingWeekends: [] })));
  expect(occurrencesAfter({ type: 'yearly', month: 2, day: 30 }, '2026-12-31', plain, 2)).toEqual([
    { nominal: '2027-02-28', day: '2027-03-01' },
    { nominal: '2028-02-29', day: '2028-02-29' },
  ]);
});

test('rules are validated and described in both languages', () => {
  expect(ruleProblem({ type: 'yearly', month: 13, day: 1 })).toMatch(/month 1–12/);
  expect(ruleProblem({ type: 'daysOfMonth', days: [0, 32] })).toMatch(/1–31/);
  expect(ruleProblem({ type: 'nthWeekday', n: 5 as never, weekday: 2 })).toMatch(/n must be/);
  expect(ruleProblem({ type: 'weekly', weekdays: [4] })).toBeNull();
  expect(describeRule({ type: 'nthWeekday', n: 3, weekday: 2 })).toEqual({
    vi: 'thứ Ba tuần thứ 3 của tháng',
    en: 'the third Tuesday of each month',
  });
  expect(describeRule({ type: 'daysOfMonth', days: [10, 20, 30] }).vi).toBe('ngày 10, 20, 30 hằng tháng');
});
