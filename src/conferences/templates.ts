// Bilingual texts for dialogue conferences and their commitments.
import { formatVnInstant } from '../domain/calendar/day';
import type { ConferenceTemplate } from '../domain/conference/notification-types';
import { bilingualNotice, type Letterhead, type RenderedLetter } from '../platform/mail/letter';

export interface ConferenceMailContext {
  unitName: string;
  title: string;
  startsAtMs: number;
  location: string;
  recipientName: string;
  appUrl: string;
  conferenceId: string;
  data: Record<string, string>;
}

const at = (ms: number) => formatVnInstant(ms).slice(0, 16).replace('T', ' ');
const OUTCOME: Record<string, { vi: string; en: string }> = {
  answered: { vi: 'đã được trả lời trực tiếp tại hội nghị', en: 'was answered at the conference' },
  commitment: { vi: 'được giao cơ quan giải quyết, hẹn hoàn thành', en: 'was assigned for action, promised by' },
  explained: {
    vi: 'đã được giải thích (chưa phù hợp chính sách hiện hành)',
    en: 'was explained as not matching current policy',
  },
  referred: {
    vi: 'vượt thẩm quyền, đã chuyển cấp trên xem xét',
    en: 'is beyond this level and was sent to the level above',
  },
};

export function renderConferenceMail(
  template: ConferenceTemplate,
  ctx: ConferenceMailContext,
  head: Letterhead,
): RenderedLetter {
  const when = `${at(ctx.startsAtMs)} (giờ Việt Nam) — ${ctx.location}`;
  const link = `${ctx.appUrl}/api/v1/conferences/${ctx.conferenceId}`;
  const d = ctx.data;
  const mail = (subject: string, vi: string, en: string, tail?: { vi: string; en: string }) =>
    bilingualNotice(head, { subject, recipientName: ctx.recipientName, vi, en, tail });
  const linkOnly = { vi: link, en: link };
  switch (template) {
    case 'conferenceAnnounced':
      return mail(
        `[danvan] Hội nghị đối thoại: ${ctx.title} / Dialogue conference`,
        `${ctx.unitName} tổ chức hội nghị đối thoại "${ctx.title}" vào ${when}. Đồng chí chủ trì hội nghị.`,
        `The ${ctx.unitName} holds the dialogue conference "${ctx.title}" on ${when}; you chair it.`,
        { vi: `Lời mời lịch kèm theo (.ics). ${link}`, en: `The calendar invitation is attached (.ics). ${link}` },
      );
    case 'conferenceReminder':
      return mail(
        `[danvan] Nhắc lịch: hội nghị đối thoại ngày mai / Reminder: conference tomorrow`,
        `Ngày mai: hội nghị đối thoại "${ctx.title}", ${when}.`,
        `Tomorrow: the dialogue conference "${ctx.title}", ${when}.`,
        linkOnly,
      );
    case 'resultsDueSoon':
      return mail(
        `[danvan] Sắp hết hạn công khai kết quả đối thoại (${at(Date.parse(d.dueAt ?? ''))}) / Results due soon`,
        `Kết quả hội nghị đối thoại "${ctx.title}" phải được công khai trước ${at(Date.parse(d.dueAt ?? ''))}.`,
        `The results of "${ctx.title}" are due by ${at(Date.parse(d.dueAt ?? ''))}.`,
        linkOnly,
      );
    case 'resultsOverdue':
      return mail(
        `[danvan] Quá hạn công khai kết quả đối thoại — ${ctx.unitName} / Results overdue`,
        `${ctx.unitName} chưa công khai kết quả hội nghị đối thoại "${ctx.title}" (hạn ${at(Date.parse(d.dueAt ?? ''))}). Báo cáo cấp trên để đôn đốc.`,
        `The ${ctx.unitName} has not published the results of "${ctx.title}" (due ${at(Date.parse(d.dueAt ?? ''))}); reported to the level above.`,
        linkOnly,
      );
    case 'opinionOutcome': {
      const o = OUTCOME[d.outcome ?? ''] ?? { vi: d.outcome ?? '', en: d.outcome ?? '' };
      return mail(
        `[danvan] Kết quả ý kiến của ông/bà tại hội nghị đối thoại / Outcome of your opinion`,
        `Ý kiến của ông/bà tại hội nghị "${ctx.title}" về ${d.field ?? ''}: ${o.vi}${d.promisedBy ? ` ${d.promisedBy}` : ''}.${d.answer ? `\nNội dung: ${d.answer}` : ''}`,
        `Your opinion at "${ctx.title}" ${o.en}${d.promisedBy ? ` ${d.promisedBy}` : ''}.`,
      );
    }
    case 'opinionReferred':
      return mail(
        `[danvan] Ý kiến vượt thẩm quyền chuyển từ hội nghị đối thoại — ${ctx.unitName} / Opinion referred to you`,
        `Hội nghị đối thoại "${ctx.title}" của ${ctx.unitName} chuyển lên ý kiến vượt thẩm quyền (lĩnh vực ${d.field ?? ''}):\n${d.content ?? ''}`,
        `The dialogue conference "${ctx.title}" of the ${ctx.unitName} refers to you an opinion beyond its authority (${d.field ?? ''}).`,
        linkOnly,
      );
    case 'commitmentAssigned':
      return mail(
        `[danvan] Giao thực hiện ý kiến sau đối thoại (hạn ${d.promisedBy ?? ''}) / Commitment assigned`,
        `Đơn vị được giao thực hiện cam kết tại hội nghị "${ctx.title}": ${d.description ?? ''}. Hạn hoàn thành: ${d.promisedBy ?? ''}.`,
        `Your unit is assigned a commitment from "${ctx.title}", promised by ${d.promisedBy ?? ''}.`,
      );
    case 'commitmentReminder':
      return mail(
        `[danvan] Nhắc hạn cam kết sau đối thoại: ${d.promisedBy ?? ''} / Commitment due soon`,
        `Cam kết "${d.description ?? ''}" (hội nghị "${ctx.title}") đến hạn ngày ${d.promisedBy ?? ''}. Tiến độ hiện tại: ${d.progress ?? '0'}%.`,
        `The commitment is due on ${d.promisedBy ?? ''}; progress ${d.progress ?? '0'}%.`,
      );
    case 'commitmentEscalation':
      return mail(
        `[danvan] Cam kết sau đối thoại quá hạn — ${ctx.unitName} / Commitment overdue`,
        `${ctx.unitName} chưa thực hiện cam kết "${d.description ?? ''}" (hội nghị "${ctx.title}"), hạn ${d.promisedBy ?? ''}. Báo cáo cấp trên.`,
        `The ${ctx.unitName} missed the commitment promised by ${d.promisedBy ?? ''}; reported to the level above.`,
      );
    case 'commitmentProgress':
      return mail(
        `[danvan] Tiến độ giải quyết ý kiến của ông/bà: ${d.progress ?? ''}% / Progress on your opinion`,
        `Ý kiến của ông/bà tại hội nghị "${ctx.title}" đang được thực hiện: ${d.progress ?? ''}%. ${d.note ?? ''}`,
        `Your opinion is being acted on: ${d.progress ?? ''}%. ${d.note ?? ''}`,
      );
    case 'commitmentFulfilled':
      return mail(
        `[danvan] Đã hoàn thành cam kết về ý kiến của ông/bà / Commitment fulfilled`,
        `Cam kết giải quyết ý kiến của ông/bà tại hội nghị "${ctx.title}" đã hoàn thành${d.onTime === 'true' ? ' đúng hạn' : ''}. ${d.note ?? ''}`,
        `The commitment made on your opinion has been fulfilled${d.onTime === 'true' ? ' on time' : ''}. ${d.note ?? ''}`,
      );
  }
}

export function renderConferenceNotice(
  kind: 'announced' | 'results',
  ctx: { unitName: string; title: string; startsAtMs: number; location: string; data: Record<string, string> },
): { title: string; body: string } {
  if (kind === 'results') {
    return {
      title: `Công khai kết quả hội nghị đối thoại: ${ctx.title} / Results of the dialogue conference`,
      body: `${ctx.unitName} công khai kết quả hội nghị đối thoại "${ctx.title}":\n${ctx.data.byField ?? ''}\n${ctx.data.summary ?? ''}`,
    };
  }
  return {
    title: `Thông báo hội nghị đối thoại: ${ctx.title} / Dialogue conference`,
    body: `${ctx.unitName} tổ chức hội nghị đối thoại với Nhân dân "${ctx.title}" vào ${at(ctx.startsAtMs)} tại ${ctx.location}. Mời Nhân dân tham dự và đóng góp ý kiến.\nThe ${ctx.unitName} holds a dialogue conference "${ctx.title}" on ${at(ctx.startsAtMs)} at ${ctx.location}. Everyone is invited.`,
  };
}

/** To the unit's responsible leader: a hot spot proposes an ad hoc conference. */
export function renderProposalMail(
  ctx: {
    unitName: string;
    recipientName: string;
    reason: string;
    count: number;
    appUrl: string;
  },
  head: Letterhead,
): RenderedLetter {
  const link = `${ctx.appUrl}/api/v1/conferences/proposals`;
  return bilingualNotice(head, {
    subject: `[danvan] Đề xuất tổ chức đối thoại đột xuất — ${ctx.unitName} / An ad hoc dialogue conference is proposed`,
    recipientName: ctx.recipientName,
    vi: `Có ${ctx.count} đơn tương tự trong thời gian ngắn: ${ctx.reason}.\nĐề nghị xem xét tổ chức hội nghị đối thoại đột xuất (POST /api/v1/conferences với proposalId).`,
    en: `${ctx.count} similar petitions arrived in a short time; consider calling an ad hoc dialogue conference.`,
    tail: { vi: link, en: link },
  });
}
