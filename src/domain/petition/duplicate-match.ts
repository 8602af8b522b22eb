// Đơn trùng: whether two petitions are likely the same matter. Pure: subjects are compared with
// Vietnamese diacritics folded ("bồi thường" = "boi thuong", as citizens type without a Vietnamese
// keyboard), petitioners by keyed hashes computed elsewhere (src/petitions/duplicates/petitioner-keys.ts).
// The thresholds are advice to the officer, who decides; nothing is linked without them.

import { subjectWords as indexedSubjectWords } from '../conference/hot-spot';

/** Lower case, without diacritics (đ → d), punctuation as spaces, single-spaced. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Words every petition's subject has; they would make any two subjects look alike.
const COMMON_WORDS = new Set([
  'don',
  'khieu',
  'nai',
  'to',
  'cao',
  'kien',
  'nghi',
  'phan',
  'anh',
  've',
  'viec',
  'cua',
  'va',
  'cho',
  'tai',
  'o',
  'the',
  'cac',
  'nhung',
  'mot',
  'duoc',
  'khong',
  'de',
  'voi',
  'ong',
  'ba',
  'gia',
  'dinh',
]);

export function subjectWords(subject: string): Set<string> {
  return new Set(
    foldText(subject)
      .split(' ')
      .filter((w) => w.length > 0 && !COMMON_WORDS.has(w)),
  );
}

/** Jaccard similarity of the subjects' folded words, 0..1. */
export function subjectSimilarity(a: string, b: string): number {
  return wordSimilarity(subjectWords(a), subjectWords(b));
}

/** subjectSimilarity of subjects already split into words (a caller that keeps them folds each subject once). */
export function wordSimilarity(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** Subjects this alike name the same matter even from different petitioners. */
export const SIMILAR_SUBJECT_ALONE = 0.8;
/**
 * The words a subject at least SIMILAR_SUBJECT_ALONE alike must share one of, among those the petition's
 * `subjectWords` column holds (the hot-spot check's words, kept with a GIN index), so the database reads only
 * those rows; null when no such word is certain and every recent subject must be compared.
 * Why it is exact: similarity s / (m + c − s) ≥ t, with c ≥ s, gives s ≥ t·m shared words of my m. If fewer
 * than that many of my words are missing from the column's words (one-letter words, the hot spot's wider stop
 * list), one shared word is there — and in the other petition's column too, being a word of its subject of
 * the same kind. An empty list: nothing is alike on its subject alone (an empty subject is alike to none).
 */
export function wordsAnAlikeSubjectShares(subject: string): string[] | null {
  const mine = subjectWords(subject);
  const indexed = indexedSubjectWords(subject);
  const mustShare = Math.ceil(SIMILAR_SUBJECT_ALONE * mine.size - 1e-9);
  const inIndex = [...mine].filter((w) => indexed.has(w));
  return mine.size - inIndex.length >= mustShare && mine.size > 0 ? null : inIndex;
}

/** From the same petitioner, a subject this alike (or the same field) is enough to ask the officer. */
export const SIMILAR_SUBJECT_SAME_PETITIONER = 0.3;

export type PetitionerFacet = 'phone' | 'email' | 'name-address';

export type DuplicateReason =
  | { code: 'samePetitioner'; facets: PetitionerFacet[] }
  | { code: 'similarSubject'; similarity: number }
  | { code: 'sameField' };

export interface DuplicateCandidateFacts {
  sharedFacets: PetitionerFacet[];
  similarity: number;
  sameField: boolean;
}

/** The reasons to propose a candidate, or null when it is not a likely duplicate. */
export function duplicateReasons(f: DuplicateCandidateFacts): DuplicateReason[] | null {
  const samePetitioner = f.sharedFacets.length > 0;
  const proposed = samePetitioner
    ? f.similarity >= SIMILAR_SUBJECT_SAME_PETITIONER || f.sameField
    : f.similarity >= SIMILAR_SUBJECT_ALONE;
  if (!proposed) return null;
  const reasons: DuplicateReason[] = [];
  if (samePetitioner) reasons.push({ code: 'samePetitioner', facets: [...f.sharedFacets].sort() });
  if (f.similarity > 0) reasons.push({ code: 'similarSubject', similarity: Math.round(f.similarity * 100) / 100 });
  if (f.sameField) reasons.push({ code: 'sameField' });
  return reasons;
}

/** Orders candidates: the same petitioner first, then by how alike the subjects are. */
export function duplicateScore(f: DuplicateCandidateFacts): number {
  return (f.sharedFacets.length > 0 ? 1 : 0) + f.similarity + (f.sameField ? 0.1 : 0);
}

export function reasonText(reason: DuplicateReason): { vi: string; en: string } {
  switch (reason.code) {
    case 'samePetitioner':
      return {
        vi: `cùng người gửi (trùng ${reason.facets.map((f) => FACET_VI[f]).join(', ')})`,
        en: `same petitioner (matching ${reason.facets.map((f) => FACET_EN[f]).join(', ')})`,
      };
    case 'similarSubject':
      return {
        vi: `nội dung tương tự (${Math.round(reason.similarity * 100)}%)`,
        en: `similar subject (${Math.round(reason.similarity * 100)}%)`,
      };
    case 'sameField':
      return { vi: 'cùng lĩnh vực', en: 'same field' };
  }
}

const FACET_VI: Record<PetitionerFacet, string> = {
  phone: 'số điện thoại',
  email: 'thư điện tử',
  'name-address': 'họ tên và địa chỉ',
};
const FACET_EN: Record<PetitionerFacet, string> = {
  phone: 'phone',
  email: 'e-mail',
  'name-address': 'name and address',
};

/**
 * The answer to a petition about a matter already decided, with no new facts or evidence: it is not
 * accepted as a new case, and the petitioner is told why and what remains open to them.
 * - Denunciation: Luật Tố cáo 2018 Đ.25 k1 điểm a — a denunciation of a matter already resolved, with no
 *   new information or circumstance, is not accepted (không thụ lý).
 * - Complaint decided a second time: Luật Khiếu nại 2011 Đ.11 k7 — not accepted; the way left is the court.
 * - Complaint decided a first time: the decision stands; the way is a second-time complaint to the level
 *   above (Đ.33) or a lawsuit, not a new first-time case.
 * - Recommendation or feedback already answered: Luật Tiếp công dân 2013 Đ.9 k3 / NĐ 124/2020 — the answer
 *   given stands; it is explained again and not handled anew.
 */
export function alreadyDecidedAnswer(target: { kind: string; round: number }): {
  basis: string;
  vi: string;
  en: string;
} {
  if (target.kind === 'denunciation')
    return {
      basis: 'Luật Tố cáo 2018, Điều 25 khoản 1 điểm a',
      vi: 'Nội dung tố cáo đã được giải quyết; đơn không có thông tin, tình tiết mới nên không được thụ lý giải quyết lại (Luật Tố cáo 2018, Điều 25 khoản 1 điểm a).',
      en: 'The matter denounced has already been resolved; the letter brings no new information or circumstance, so it is not accepted for resolution again (Law on Denunciations 2018, art. 25.1.a).',
    };
  if (target.kind === 'complaint' && target.round >= 2)
    return {
      basis: 'Luật Khiếu nại 2011, Điều 11 khoản 7',
      vi: 'Khiếu nại đã có quyết định giải quyết lần hai nên không được thụ lý (Luật Khiếu nại 2011, Điều 11 khoản 7); ông/bà có quyền khởi kiện vụ án hành chính tại Tòa án.',
      en: 'The complaint already has a second-time decision, so it is not accepted (Law on Complaints 2011, art. 11.7); you may bring an administrative lawsuit in court.',
    };
  if (target.kind === 'complaint')
    return {
      basis: 'Luật Khiếu nại 2011, Điều 33',
      vi: 'Khiếu nại đã có quyết định giải quyết lần đầu; nếu không đồng ý, ông/bà có quyền khiếu nại lần hai đến người có thẩm quyền cấp trên hoặc khởi kiện tại Tòa án (Luật Khiếu nại 2011, Điều 33), không giải quyết lại như một vụ việc mới.',
      en: 'The complaint already has a first-time decision; if you disagree you may file a second-time complaint with the level above or sue in court (Law on Complaints 2011, art. 33); it is not handled again as a new case.',
    };
  return {
    basis: 'Luật Tiếp công dân 2013, Điều 9 khoản 3',
    vi: 'Nội dung này đã được trả lời; không có tình tiết mới nên không xử lý lại (Luật Tiếp công dân 2013, Điều 9 khoản 3).',
    en: 'This matter has already been answered; with no new facts it is not handled again (Law on Citizen Reception 2013, art. 9.3).',
  };
}
