// Many petitioners, one matter (khiếu kiện đông người): from five people on one matter they appoint
// representatives — 5 to 10 people: one or two; more than 10: more may be appointed, but at most five
// (Luật Khiếu nại 2011 Đ.8 k4 with NĐ 124/2020 Đ.7 k1; Luật Tiếp công dân 2013 Đ.30 k1; Luật Tố cáo 2018
// Đ.23 k2 for denunciations). Below five the rule does not apply: each petitioner speaks for themselves.

export const MASS_PETITION_MIN = 5;
const SMALL_GROUP_MAX = 10;

export type RepresentationCheck =
  | { ok: true; isMass: boolean; allowed: { min: number; max: number } | null }
  | { ok: false; allowed: { min: number; max: number }; message: { vi: string; en: string } };

export function checkRepresentation(petitioners: number, representatives: number): RepresentationCheck {
  if (petitioners < MASS_PETITION_MIN) return { ok: true, isMass: false, allowed: null };
  const allowed = petitioners <= SMALL_GROUP_MAX ? { min: 1, max: 2 } : { min: 1, max: 5 };
  if (representatives >= allowed.min && representatives <= allowed.max) return { ok: true, isMass: true, allowed };
  const range = allowed.max === 2 ? '1 hoặc 2' : 'từ 1 đến 5';
  const rangeEn = allowed.max === 2 ? '1 or 2' : '1 to 5';
  return {
    ok: false,
    allowed,
    message: {
      vi: `${petitioners} người cùng khiếu nại một nội dung phải cử ${range} người đại diện (đang có ${representatives}; Luật Khiếu nại 2011 Đ.8 k4, NĐ 124/2020 Đ.7)`,
      en: `${petitioners} petitioners on one matter must appoint ${rangeEn} representatives (marked: ${representatives}; Luật Khiếu nại 2011 art. 8(4), Decree 124/2020 art. 7)`,
    },
  };
}
