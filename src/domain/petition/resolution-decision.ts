// The written record of a case's resolution — its number (số), the date it was signed, and who signed it
// with their office (chức vụ) — and the rules it must meet. Pure: the API checks it before the Update is
// sent and the workflow's validator checks it again, with the same words.
import type { PetitionKind } from './petition-stages';
import { localDayOf, parseDay } from '../calendar/day';

export interface ResolutionDecision {
  /** Số văn bản as issued, e.g. "125/QĐ-UBND" or "12/KL-TTr" (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
  number: string;
  /** The day it was signed (YYYY-MM-DD, local). */
  date: string;
  /** The signer's full name. */
  signer: string;
  /** The signer's office, e.g. "Chủ tịch", "Phó Chủ tịch". */
  signerTitle: string;
}

/**
 * A complaint is settled by a written decision (quyết định giải quyết khiếu nại: Luật Khiếu nại 2011 Đ.31
 * first time, Đ.40 second time), so its resolution must carry one. A denunciation's conclusion (kết luận
 * nội dung tố cáo, Luật Tố cáo 2018 Đ.35) and the answer to a recommendation or feedback are written too,
 * but the unit may record them later with the signed text, so for them the record is optional.
 */
export function isResolutionDecisionRequired(kind: PetitionKind): boolean {
  return kind === 'complaint';
}

/** "<digits>/<symbols>" with an optional year: 125/QĐ-UBND, 7/2026/QĐ-UBND, 12/KL-TTr. */
export const RESOLUTION_NUMBER_PATTERN = /^\d{1,6}\/(?:\d{4}\/)?[\p{L}\d]+(?:[-.][\p{L}\d]+)*$/u;

export const RESOLUTION_TEXT_MAX = 200;
export const RESOLUTION_NUMBER_MAX = 50;

export interface ResolutionDecisionRefusal {
  /** The request field refused: decision, decision.number, decision.date, decision.signer, decision.signerTitle. */
  path: string;
  vi: string;
  en: string;
}

export interface ResolutionDecisionCheckInput {
  kind: PetitionKind;
  decision: ResolutionDecision | undefined;
  /** When the petition was received (ISO-8601). */
  receivedAt: string;
  /** Now, in milliseconds: the wall clock at the API, workflow time in the workflow. */
  nowMs: number;
}

/** The first rule the resolution's record breaks, or null. */
export function checkResolutionDecision(input: ResolutionDecisionCheckInput): ResolutionDecisionRefusal | null {
  const d = input.decision;
  if (!d) {
    return isResolutionDecisionRequired(input.kind)
      ? {
          path: 'decision',
          vi: 'giải quyết khiếu nại phải bằng quyết định (Luật Khiếu nại 2011 Đ.31, Đ.40): cần số, ngày ký, người ký và chức vụ',
          en: 'a complaint is resolved by a written decision (Complaints Law 2011 art. 31, 40): number, date signed, signer and title are needed',
        }
      : null;
  }
  const number = d.number.trim();
  if (!number || number.length > RESOLUTION_NUMBER_MAX || !RESOLUTION_NUMBER_PATTERN.test(number))
    return {
      path: 'decision.number',
      vi: 'số văn bản không hợp lệ: dạng "125/QĐ-UBND"',
      en: 'the document number is not valid: write it as "125/QĐ-UBND"',
    };
  let day: number;
  try {
    day = parseDay(d.date);
  } catch {
    return { path: 'decision.date', vi: 'ngày ký phải có dạng YYYY-MM-DD', en: 'the date signed must be YYYY-MM-DD' };
  }
  if (day > localDayOf(input.nowMs))
    return {
      path: 'decision.date',
      vi: 'ngày ký không được ở tương lai',
      en: 'the date signed must not be in the future',
    };
  if (day < localDayOf(Date.parse(input.receivedAt)))
    return {
      path: 'decision.date',
      vi: 'ngày ký không được trước ngày nhận đơn',
      en: 'the date signed must not be before the petition was received',
    };
  for (const [field, value, vi, en] of [
    ['signer', d.signer, 'người ký', 'the signer'],
    ['signerTitle', d.signerTitle, 'chức vụ người ký', "the signer's title"],
  ] as const) {
    const text = value.trim();
    if (!text || text.length > RESOLUTION_TEXT_MAX)
      return {
        path: `decision.${field}`,
        vi: `cần ghi ${vi} (tối đa ${RESOLUTION_TEXT_MAX} ký tự)`,
        en: `${en} is needed (at most ${RESOLUTION_TEXT_MAX} characters)`,
      };
  }
  return null;
}

/** The refusal's words as one message, Vietnamese first. */
export const resolutionRefusalMessage = (r: ResolutionDecisionRefusal): string => `${r.vi} / ${r.en}`;
