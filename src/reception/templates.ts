// Bilingual texts for reception sessions: e-mails to leaders and registered citizens, and public notices.
import { formatVnInstant } from '../domain/calendar/day';

import { bilingualNotice, type Letterhead, type RenderedLetter } from '../platform/mail/letter';
import type { ReceptionTemplate } from '../domain/reception/notification-types';

export type { ReceptionTemplate };

export interface ReceptionContext {
  unitName: string;
  day: string;
  startsAtMs: number;
  location: string;
  recipientName: string;
  receivingLeaderName: string;
  appUrl: string;
  sessionId: string;
  data: Record<string, string>;
}

const when = (ctx: { startsAtMs: number }) => formatVnInstant(ctx.startsAtMs).slice(0, 16).replace('T', ' ');

export function renderReceptionMail(
  template: ReceptionTemplate,
  ctx: ReceptionContext,
  head: Letterhead,
): RenderedLetter {
  const at = `${when(ctx)} (giờ Việt Nam) — ${ctx.location}`;
  const link = `${ctx.appUrl}/api/v1/reception/sessions/${ctx.sessionId}`;
  const mail = (subject: string, vi: string, en: string, tail?: { vi: string; en: string }) =>
    bilingualNotice(head, { subject, recipientName: ctx.recipientName, vi, en, tail });
  const linkOnly = { vi: link, en: link };
  switch (template) {
    case 'receptionAnnounced':
      return mail(
        `[danvan] Lịch tiếp công dân ${ctx.day} — ${ctx.unitName} / Reception day`,
        `${ctx.unitName} tiếp công dân định kỳ vào ${at}. Lãnh đạo tiếp: ${ctx.receivingLeaderName}.`,
        `The ${ctx.unitName} receives citizens on ${at}; receiving leader: ${ctx.receivingLeaderName}.`,
        { vi: `Lời mời lịch kèm theo (.ics). ${link}`, en: `The calendar invitation is attached (.ics). ${link}` },
      );
    case 'receptionReminder':
      return mail(
        `[danvan] Nhắc lịch: tiếp công dân ngày mai ${ctx.day} / Reminder: reception tomorrow`,
        `Ngày mai đồng chí chủ trì buổi tiếp công dân định kỳ tại ${at}. Số công dân đã đăng ký: ${ctx.data.registrations ?? '0'}.`,
        `Tomorrow you receive citizens at ${at}. Registered citizens: ${ctx.data.registrations ?? '0'}.`,
        linkOnly,
      );
    case 'receptionPostponed':
      return mail(
        `[danvan] Hoãn buổi tiếp công dân ${ctx.data.fromDay ?? ''} sang ${ctx.day} / Reception postponed`,
        `Buổi tiếp công dân ngày ${ctx.data.fromDay ?? ''} được hoãn sang ${at}. Lý do: ${ctx.data.reason ?? ''}.`,
        `The reception of ${ctx.data.fromDay ?? ''} is postponed to ${at}. Reason: ${ctx.data.reason ?? ''}.`,
        { vi: 'Lời mời lịch đã cập nhật kèm theo (.ics).', en: 'The updated calendar invitation is attached (.ics).' },
      );
    case 'receptionDelegated':
      return mail(
        `[danvan] Ủy quyền tiếp công dân ngày ${ctx.day} / Reception delegated to you`,
        `Đồng chí được ủy quyền chủ trì buổi tiếp công dân tại ${at}. Lý do: ${ctx.data.reason ?? ''}.`,
        `You are delegated to receive citizens at ${at}. Reason: ${ctx.data.reason ?? ''}.`,
        linkOnly,
      );
    case 'receptionRegistered':
      return mail(
        `[danvan] Xác nhận đăng ký tiếp công dân ${ctx.day} / Registration confirmed`,
        `Ông/bà đã đăng ký được tiếp tại ${ctx.unitName} vào ${at}. Xin mang theo giấy tờ tùy thân.`,
        `You are registered to be received by the ${ctx.unitName} on ${at}. Please bring an identity document.`,
      );
    case 'receptionMinutesDue':
      return mail(
        `[danvan] Chưa có biên bản buổi tiếp công dân ${ctx.day} / Minutes not yet filed`,
        `Buổi tiếp công dân ngày ${ctx.day} chưa được kết thúc với biên bản. Đề nghị hoàn thành biên bản và kết quả xử lý từng vụ việc.`,
        `The reception of ${ctx.day} has not been closed with minutes yet.`,
        linkOnly,
      );
  }
}

export function renderReceptionNotice(
  kind: 'announced' | 'postponed',
  ctx: Omit<ReceptionContext, 'recipientName'>,
): { title: string; body: string } {
  if (kind === 'postponed') {
    return {
      title: `Thông báo hoãn lịch tiếp công dân ngày ${ctx.data.fromDay ?? ''} / Reception postponed`,
      body: `${ctx.unitName} thông báo: buổi tiếp công dân định kỳ ngày ${ctx.data.fromDay ?? ''} được hoãn sang ${when(ctx)} tại ${ctx.location}. Lý do: ${ctx.data.reason ?? ''}.\nThe reception day of ${ctx.data.fromDay ?? ''} is postponed to ${when(ctx)} at ${ctx.location}.`,
    };
  }
  return {
    title: `Thông báo lịch tiếp công dân ngày ${ctx.day} / Reception day ${ctx.day}`,
    body: `${ctx.unitName} tiếp công dân định kỳ vào ${when(ctx)} tại ${ctx.location}; lãnh đạo tiếp: ${ctx.receivingLeaderName}.${ctx.data.cutoff ? ` Đăng ký trước ngày ${ctx.data.cutoff}.` : ''}\nThe ${ctx.unitName} receives citizens on ${when(ctx)} at ${ctx.location}; receiving leader: ${ctx.receivingLeaderName}.${ctx.data.cutoff ? ` Register by ${ctx.data.cutoff}.` : ''}`,
  };
}
