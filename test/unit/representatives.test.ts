// The representatives of many petitioners on one matter (Luật Khiếu nại 2011 Đ.8 k4, NĐ 124/2020 Đ.7; Luật Tố cáo
// 2018 Đ.23 k2; Luật Tiếp công dân 2013 Đ.30 k1), and a refusal worded for the petition's kind.
import { checkRepresentation } from '../../src/domain/petition/representatives';

test('when fewer than five petition together, then it is not a mass petition and no representative is required', () => {
  expect(checkRepresentation(1, 0, 'complaint')).toEqual({ ok: true, isMass: false, allowed: null });
  expect(checkRepresentation(4, 0, 'complaint')).toEqual({ ok: true, isMass: false, allowed: null });
  expect(checkRepresentation(4, 1, 'complaint')).toMatchObject({ ok: true, isMass: false });
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
  const check = checkRepresentation(petitioners, representatives, 'complaint');
  expect(check.ok).toBe(fits);
  expect(check.allowed).toEqual(petitioners <= 10 ? { min: 1, max: 2 } : { min: 1, max: 5 });
  if (check.ok) expect(check.isMass).toBe(true);
  else expect(check.message.vi).toContain(petitioners <= 10 ? '1 hoặc 2' : 'từ 1 đến 5');
});

test.each([
  ['complaint', 'người cùng khiếu nại', 'Luật Khiếu nại 2011 Đ.8 k4, NĐ 124/2020 Đ.7', 'Luật Khiếu nại 2011 art. 8(4)'],
  [
    'denunciation',
    'người cùng tố cáo',
    'Luật Tố cáo 2018 Đ.23 k2, Luật Tiếp công dân 2013 Đ.30 k1',
    'Luật Tố cáo 2018 art. 23(2)',
  ],
  ['recommendation', 'người cùng kiến nghị', 'Luật Tiếp công dân 2013 Đ.30 k1', 'Luật Tiếp công dân 2013 art. 30(1)'],
  ['feedback', 'người cùng phản ánh', 'Luật Tiếp công dân 2013 Đ.30 k1', 'Luật Tiếp công dân 2013 art. 30(1)'],
] as const)(
  'when a %s has too many representatives, then the refusal names that kind and its own law',
  (kind, words, basisVi, basisEn) => {
    const check = checkRepresentation(11, 6, kind);
    if (check.ok) throw new Error('expected a refusal');
    expect(check.message.vi).toBe(`11 ${words} một nội dung phải cử từ 1 đến 5 người đại diện (đang có 6; ${basisVi})`);
    expect(check.message.en).toContain(basisEn);
    if (kind !== 'complaint') {
      expect(check.message.vi).not.toContain('khiếu nại');
      expect(check.message.vi).not.toContain('124/2020');
    }
  },
);
