import { isIsoDuration, parseIsoDuration } from '../../src/domain/duration';

describe('parseIsoDuration', () => {
  test.each([
    ['P30D', 30 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT10M', 600_000],
    ['PT90S', 90_000],
    ['P1DT2H', 86_400_000 + 7_200_000],
    ['PT0.5S', 500],
    ['PT0S', 0],
  ])('when given %s, then it is %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
    expect(isIsoDuration(text)).toBe(true);
  });

  test.each(['P', 'PT', 'P1M', 'P1Y', '30 days', '', 'P1DT'])('when given %p, then it is refused', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(RangeError);
    expect(isIsoDuration(text)).toBe(false);
  });
});
