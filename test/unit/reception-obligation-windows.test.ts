// The weeks and months a reception duty is judged over, clipped to the period (checked on a calendar:
// 4 Nov 2026 is a Wednesday, 8 Nov a Sunday).
import { dayOf, formatDay } from '../../src/domain/calendar/day';
import { windowsOf } from '../../src/reception/reception-obligations';

const show = (w: [number, number][]) => w.map(([a, b]) => `${formatDay(a)}..${formatDay(b)}`);

test('weeks run Monday to Sunday; the first and last are clipped to the period', () => {
  expect(show(windowsOf('week', dayOf(2026, 11, 4), dayOf(2026, 11, 17)))).toEqual([
    '2026-11-04..2026-11-08',
    '2026-11-09..2026-11-15',
    '2026-11-16..2026-11-17',
  ]);
});

test('months are calendar months, February included', () => {
  expect(show(windowsOf('month', dayOf(2027, 1, 15), dayOf(2027, 3, 31)))).toEqual([
    '2027-01-15..2027-01-31',
    '2027-02-01..2027-02-28',
    '2027-03-01..2027-03-31',
  ]);
});
