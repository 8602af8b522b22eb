// Many petitioners, one matter (khiếu kiện đông người): from five people on one matter they appoint
// representatives — 5 to 10 people: one or two; more than 10: more may be appointed, but at most five
// (Luật Khiếu nại 2011 Đ.8 k4 with NĐ 124/2020 Đ.7 k1; Luật Tiếp công dân 2013 Đ.30 k1; Luật Tố cáo 2018
// Đ.23 k2 for denunciations). Below five the rule does not apply: each petitioner speaks for themselves.
import type { PetitionKind } from './petition-stages';

export const MASS_PETITION_MIN = 5;
const SMALL_GROUP_MAX = 10;

export type RepresentationCheck =
  | { ok: true; isMass: boolean; allowed: { min: number; max: number } | null }
  | { ok: false; allowed: { min: number; max: number }; message: { vi: string; en: string } };

// The refusal speaks of the petition's own kind and cites the law that governs it: the complaints law and
// its decree only for a complaint; the denunciations law's article on many denouncers (with the citizen
// reception law, whose Đ.30 covers every kind) for a denunciation; the citizen reception law for a
// recommendation or feedback. Only the bases named in the header above — no others are claimed here.
const WORDING: Record<PetitionKind, { verb: string; basisVi: string; basisEn: string }> = {
  complaint: {
    verb: 'khiếu nại',
    basisVi: 'Luật Khiếu nại 2011 Đ.8 k4, NĐ 124/2020 Đ.7',
    basisEn: 'Luật Khiếu nại 2011 art. 8(4), Decree 124/2020 art. 7',
  },
  denunciation: {
    verb: 'tố cáo',
    basisVi: 'Luật Tố cáo 2018 Đ.23 k2, Luật Tiếp công dân 2013 Đ.30 k1',
    basisEn: 'Luật Tố cáo 2018 art. 23(2), Luật Tiếp công dân 2013 art. 30(1)',
  },
  recommendation: {
    verb: 'kiến nghị',
    basisVi: 'Luật Tiếp công dân 2013 Đ.30 k1',
    basisEn: 'Luật Tiếp công dân 2013 art. 30(1)',
  },
  feedback: {
    verb: 'phản ánh',
    basisVi: 'Luật Tiếp công dân 2013 Đ.30 k1',
    basisEn: 'Luật Tiếp công dân 2013 art. 30(1)',
  },
};

export function checkRepresentation(
  petitioners: number,
  representatives: number,
  kind: PetitionKind,
): RepresentationCheck {
  if (petitioners < MASS_PETITION_MIN) return { ok: true, isMass: false, allowed: null };
  const allowed = petitioners <= SMALL_GROUP_MAX ? { min: 1, max: 2 } : { min: 1, max: 5 };
  if (representatives >= allowed.min && representatives <= allowed.max) return { ok: true, isMass: true, allowed };
  const range = allowed.max === 2 ? '1 hoặc 2' : 'từ 1 đến 5';
  const rangeEn = allowed.max === 2 ? '1 or 2' : '1 to 5';
  const { verb, basisVi, basisEn } = WORDING[kind];
  return {
    ok: false,
    allowed,
    message: {
      vi: `${petitioners} người cùng ${verb} một nội dung phải cử ${range} người đại diện (đang có ${representatives}; ${basisVi})`,
      en: `${petitioners} petitioners on one matter must appoint ${rangeEn} representatives (marked: ${representatives}; ${basisEn})`,
    },
  };
}
