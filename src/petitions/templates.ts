// Bilingual e-mail texts (Vietnamese first, then English). Messages to officials carry the tracking
// code, subject and deadlines only: never a petitioner's name or contact, so a denouncer's identity
// cannot leak through a reminder or an escalation.
import type { NotificationTemplate } from '../domain/petition/notification-types';

export interface TemplateContext {
  trackingCode: string;
  kind: string;
  subject: string;
  unitName: string;
  recipientName: string;
  data: Record<string, string>;
  appUrl: string;
  petitionId: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

const KIND_VI: Record<string, string> = {
  complaint: 'khiếu nại',
  denunciation: 'tố cáo',
  recommendation: 'kiến nghị',
  feedback: 'phản ánh',
};

const CLOCK_VI: Record<string, string> = {
  triage: 'phân loại, thụ lý',
  resolution: 'giải quyết',
  reportBack: 'trả lời công dân',
  notice: 'thông báo kết quả tiếp nhận',
};

function formatVnTime(iso: string | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function renderNotification(template: NotificationTemplate, ctx: TemplateContext): RenderedMessage {
  const code = ctx.trackingCode;
  const kindVi = KIND_VI[ctx.kind] ?? ctx.kind;
  const due = formatVnTime(ctx.data.dueAt);
  const clockVi = CLOCK_VI[ctx.data.clock ?? ''] ?? ctx.data.clock ?? '';
  const link = `${ctx.appUrl}/api/v1/petitions/${ctx.petitionId}`;
  const greet = `Kính gửi ${ctx.recipientName},`;
  const sign = '\n\n— Danvan (hệ thống theo dõi đơn thư / petition tracking)';
  const both = (subjectVi: string, subjectEn: string, vi: string, en: string): RenderedMessage => ({
    subject: `[${code}] ${subjectVi} / ${subjectEn}`,
    text: `${greet}\n\n${vi}\n\n---\nDear ${ctx.recipientName},\n\n${en}${sign}`,
  });
  switch (template) {
    case 'acknowledgement':
      return both(
        'Đã tiếp nhận đơn',
        'Petition received',
        `${ctx.unitName} đã tiếp nhận đơn ${kindVi} của ông/bà: "${ctx.subject}". Mã tra cứu: ${code}.`,
        `${ctx.unitName} has received your ${ctx.kind}: "${ctx.subject}". Tracking code: ${code}.`,
      );
    case 'assigned':
      return both(
        'Được giao xử lý đơn',
        'Petition assigned to you',
        `Ông/bà được giao xử lý đơn ${kindVi} "${ctx.subject}" (${ctx.unitName}). Chi tiết: ${link}`,
        `You have been assigned the ${ctx.kind} "${ctx.subject}" (${ctx.unitName}). Details: ${link}`,
      );
    case 'refused':
      return both(
        'Đơn không được thụ lý',
        'Petition not accepted',
        `Đơn "${ctx.subject}" không được thụ lý. Lý do: ${ctx.data.reason ?? ''}`,
        `Your petition "${ctx.subject}" was not accepted. Reason: ${ctx.data.reason ?? ''}`,
      );
    case 'forwarded':
      return both(
        'Đơn đã được chuyển',
        'Petition forwarded',
        `Đơn "${ctx.subject}" không thuộc thẩm quyền và đã được chuyển đến ${ctx.unitName}. ${ctx.data.reason ?? ''}`,
        `Your petition "${ctx.subject}" was outside our competence and has been forwarded to ${ctx.unitName}. ${ctx.data.reason ?? ''}`,
      );
    case 'forwardedIn':
      return both(
        'Tiếp nhận đơn chuyển đến',
        'Forwarded petition received',
        `${ctx.unitName} nhận đơn ${kindVi} "${ctx.subject}" được chuyển đến. Chi tiết: ${link}`,
        `${ctx.unitName} has received the forwarded ${ctx.kind} "${ctx.subject}". Details: ${link}`,
      );
    case 'result':
      return both(
        'Kết quả giải quyết đơn',
        'Result of your petition',
        `Kết quả giải quyết đơn "${ctx.subject}": ${ctx.data.summary ?? ''}`,
        `The result of your petition "${ctx.subject}": ${ctx.data.summary ?? ''}`,
      );
    case 'withdrawn':
      return both(
        'Đã ghi nhận rút đơn',
        'Withdrawal recorded',
        `Việc rút đơn "${ctx.subject}" đã được ghi nhận.`,
        `The withdrawal of your petition "${ctx.subject}" has been recorded.`,
      );
    case 'officerReminder':
      return both(
        'Nhắc hạn xử lý đơn',
        'Deadline reminder',
        `Đơn ${kindVi} "${ctx.subject}" sắp đến hạn ${clockVi}: ${due}. Chi tiết: ${link}`,
        `The ${ctx.kind} "${ctx.subject}" is due (${ctx.data.clock}) at ${due}. Details: ${link}`,
      );
    case 'leaderReminder':
      return both(
        'Đơn đến hạn xử lý',
        'Petition due now',
        `Đơn ${kindVi} "${ctx.subject}" của ${ctx.unitName} đến hạn ${clockVi} (${due}) mà chưa xong. Chi tiết: ${link}`,
        `The ${ctx.kind} "${ctx.subject}" of ${ctx.unitName} has reached its ${ctx.data.clock} deadline (${due}) unfinished. Details: ${link}`,
      );
    case 'escalation':
      return both(
        'Đơn quá hạn — báo cáo cấp trên',
        'Overdue petition escalated',
        `Đơn ${kindVi} "${ctx.subject}" của ${ctx.unitName} đã quá hạn ${clockVi} (${due}) và được báo cáo lên cấp trên. Chi tiết: ${link}`,
        `The ${ctx.kind} "${ctx.subject}" of ${ctx.unitName} is overdue (${ctx.data.clock}, due ${due}) and has been escalated to you. Details: ${link}`,
      );
    case 'extensionRequested':
      return both(
        'Đề nghị gia hạn giải quyết',
        'Extension requested',
        `Cán bộ đề nghị gia hạn ${ctx.data.days ?? ''} ngày giải quyết đơn ${kindVi} "${ctx.subject}". Xin quyết định: ${link}`,
        `An officer asks to extend the ${ctx.kind} "${ctx.subject}" by ${ctx.data.days ?? ''} days. Please decide: ${link}`,
      );
    case 'accepted':
      return both(
        'Thông báo thụ lý đơn',
        'Petition accepted',
        `${ctx.unitName} đã thụ lý đơn ${kindVi} "${ctx.subject}" của ông/bà và sẽ giải quyết theo quy định. Mã tra cứu: ${code}.`,
        `${ctx.unitName} has accepted your ${ctx.kind} "${ctx.subject}" for handling. Tracking code: ${code}.`,
      );
    case 'forwardLimit':
      return both(
        'Hôm nay là hạn chuyển đơn',
        'Last day to forward',
        `Nếu đơn ${kindVi} "${ctx.subject}" không thuộc thẩm quyền, hôm nay là ngày cuối để chuyển đơn và thông báo cho người gửi. Chi tiết: ${link}`,
        `If the ${ctx.kind} "${ctx.subject}" is outside your competence, today is the last day to forward it and notify the sender. Details: ${link}`,
      );
    case 'extended':
      return both(
        'Gia hạn thời hạn giải quyết',
        'Resolution period extended',
        `Thời hạn giải quyết đơn "${ctx.subject}" được gia hạn đến ${due} theo quyết định số ${ctx.data.decision ?? ''}.`,
        `The period to resolve "${ctx.subject}" has been extended to ${due} by decision no. ${ctx.data.decision ?? ''}.`,
      );
    case 'duplicate':
      return both(
        'Đơn trùng nội dung đang được giải quyết',
        'Same matter already being handled',
        `Đơn "${ctx.subject}" có cùng nội dung với hồ sơ ${ctx.data.ofTrackingCode ?? ''} đang được ${ctx.data.handledBy ?? ''} giải quyết. Đơn được gộp vào hồ sơ đó; kết quả sẽ được thông báo theo hồ sơ ${ctx.data.ofTrackingCode ?? ''}.`,
        `Your petition "${ctx.subject}" concerns the same matter as case ${ctx.data.ofTrackingCode ?? ''}, which ${ctx.data.handledBy ?? ''} is handling. It has been joined to that case; you will be told the result under case ${ctx.data.ofTrackingCode ?? ''}.`,
      );
    case 'alreadyDecided':
      return both(
        'Nội dung đơn đã được giải quyết',
        'Matter already decided',
        `Đơn "${ctx.subject}" có nội dung đã được ${ctx.data.handledBy ?? ''} giải quyết (hồ sơ ${ctx.data.ofTrackingCode ?? ''}). ${ctx.data.answerVi ?? ''}`,
        `Your petition "${ctx.subject}" concerns a matter ${ctx.data.handledBy ?? ''} has already decided (case ${ctx.data.ofTrackingCode ?? ''}). ${ctx.data.answerEn ?? ''}`,
      );
  }
}
