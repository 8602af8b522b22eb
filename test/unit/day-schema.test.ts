// Found by the write-route fuzz (seed 421230): a reception schedule starting "0000-01-01" answered 500,
// since zod's ISO date accepts year 0 and the working calendar cannot be computed for it. Days are bounded.
import { day } from '../../src/api/schemas/text';

test.each(['0000-01-01', '1899-12-31', '2200-01-01'])('when a day is %s, then it is refused in words', (d) => {
  const parsed = day().safeParse(d);
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.message).toContain('1900');
});

test.each(['1900-01-01', '2026-12-01', '2199-12-31'])('when a day is %s, then it is accepted', (d) => {
  expect(day().safeParse(d).success).toBe(true);
});

test('when a day is not a date at all, then zod still refuses it', () => {
  expect(day().safeParse('2026-02-30').success).toBe(false);
});
