// The representatives of many petitioners on one matter (Luật Khiếu nại 2011 Đ.8 k4, NĐ 124/2020 Đ.7).
import { checkRepresentation } from '../../src/domain/petition/representatives';

test('when fewer than five petition together, then it is not a mass petition and no representative is required', () => {
  expect(checkRepresentation(1, 0)).toEqual({ ok: true, isMass: false, allowed: null });
  expect(checkRepresentation(4, 0)).toEqual({ ok: true, isMass: false, allowed: null });
  expect(checkRepresentation(4, 1)).toMatchObject({ ok: true, isMass: false });
});

test.each([
  [5, 0, false],
  [5, 1, true],
  [5, 2, true],
  [5, 3, false],
  [10, 0, false],
  [10, 1, true],
  [10, 2, true],
  [10, 3, false],
  [11, 0, false],
  [11, 1, true],
  [11, 3, true],
  [11, 5, true],
  [11, 6, false],
  [40, 0, false],
  [40, 5, true],
  [40, 6, false],
])('when %i petitioners mark %i representatives, then the numbers fit: %s', (petitioners, representatives, fits) => {
  const check = checkRepresentation(petitioners, representatives);
  expect(check.ok).toBe(fits);
  expect(check.allowed).toEqual(petitioners <= 10 ? { min: 1, max: 2 } : { min: 1, max: 5 });
  if (check.ok) expect(check.isMass).toBe(true);
  else expect(check.message.vi).toContain(petitioners <= 10 ? '1 hoặc 2' : 'từ 1 đến 5');
});
