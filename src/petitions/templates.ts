// Bilingual petition letters (Vietnamese first, then English), written in the same placeholder syntax a
// unit's own templates use (letters/letter-placeholders.ts), so the built-in wording and an admin's are
// rendered, checked and previewed by one path. Messages to officials carry the tracking code, subject and
// deadlines; the one that names the petitioner, the forwarding letter, names a denouncer "công dân" only.
import type { NotificationTemplate } from '../domain/petition/notification-types';
import { composeLetter, type Letterhead, type RenderedLetter } from '../platform/mail/letter';
import { fillPlaceholders } from './letters/letter-placeholders';

export interface TemplateContext {
  trackingCode: string;
  kind: string;
  subject: string;
  unitName: string;
  recipientName: string;
  data: Record<string, string>;
  appUrl: string;
  petitionId: string;
  /** For the forwarding letter: the petitioners as they may be named ("công dân" for a denouncer). */
  petitionerName?: string;
}

/** One letter's wording: subjects and bodies in both languages, with `{{placeholders}}`. */
export interface LetterWording {
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
}

export const KIND_VI: Record<string, string> = {
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

const w = (subjectVi: string, subjectEn: string, bodyVi: string, bodyEn: string): LetterWording => ({
  subjectVi,
  subjectEn,
  bodyVi,
  bodyEn,
});

export const BUILT_IN_WORDING: Record<NotificationTemplate, LetterWording> = {
  acknowledgement: w(
    'Đã tiếp nhận đơn',
    'Petition received',
    '{{unitName}} đã tiếp nhận đơn {{kindVi}} của ông/bà: "{{subject}}". Mã tra cứu: {{trackingCode}}.',
    '{{unitName}} has received your {{kindEn}}: "{{subject}}". Tracking code: {{trackingCode}}.',
  ),
  assigned: w(
    'Được giao xử lý đơn',
    'Petition assigned to you',
    'Ông/bà được giao xử lý đơn {{kindVi}} "{{subject}}" ({{unitName}}). Chi tiết: {{link}}',
    'You have been assigned the {{kindEn}} "{{subject}}" ({{unitName}}). Details: {{link}}',
  ),
  refused: w(
    'Đơn không được thụ lý',
    'Petition not accepted',
    'Đơn "{{subject}}" không được thụ lý. Lý do: {{reason}}',
    'Your petition "{{subject}}" was not accepted. Reason: {{reason}}',
  ),
  forwarded: w(
    'Đơn đã được chuyển',
    'Petition forwarded',
    'Đơn "{{subject}}" không thuộc thẩm quyền và đã được chuyển đến {{unitName}}. {{reason}}',
    'Your petition "{{subject}}" was outside our competence and has been forwarded to {{unitName}}. {{reason}}',
  ),
  forwardedIn: w(
    'Tiếp nhận đơn chuyển đến',
    'Forwarded petition received',
    '{{unitName}} nhận đơn {{kindVi}} "{{subject}}" được chuyển đến. Người gửi đơn: {{petitionerName}}. Chi tiết: {{link}}',
    '{{unitName}} has received the forwarded {{kindEn}} "{{subject}}". Sent by: {{petitionerName}}. Details: {{link}}',
  ),
  result: w(
    'Kết quả giải quyết đơn',
    'Result of your petition',
    'Kết quả giải quyết đơn "{{subject}}": {{summary}}',
    'The result of your petition "{{subject}}": {{summary}}',
  ),
  withdrawn: w(
    'Đã ghi nhận rút đơn',
    'Withdrawal recorded',
    'Việc rút đơn "{{subject}}" đã được ghi nhận.',
    'The withdrawal of your petition "{{subject}}" has been recorded.',
  ),
  officerReminder: w(
    'Nhắc hạn xử lý đơn',
    'Deadline reminder',
    'Đơn {{kindVi}} "{{subject}}" sắp đến hạn {{clockVi}}: {{dueAt}}. Chi tiết: {{link}}',
    'The {{kindEn}} "{{subject}}" is due ({{clockEn}}) at {{dueAt}}. Details: {{link}}',
  ),
  leaderReminder: w(
    'Đơn đến hạn xử lý',
    'Petition due now',
    'Đơn {{kindVi}} "{{subject}}" của {{unitName}} đến hạn {{clockVi}} ({{dueAt}}) mà chưa xong. Chi tiết: {{link}}',
    'The {{kindEn}} "{{subject}}" of {{unitName}} has reached its {{clockEn}} deadline ({{dueAt}}) unfinished. Details: {{link}}',
  ),
  escalation: w(
    'Đơn quá hạn — báo cáo cấp trên',
    'Overdue petition escalated',
    'Đơn {{kindVi}} "{{subject}}" của {{unitName}} đã quá hạn {{clockVi}} ({{dueAt}}) và được báo cáo lên cấp trên. Chi tiết: {{link}}',
    'The {{kindEn}} "{{subject}}" of {{unitName}} is overdue ({{clockEn}}, due {{dueAt}}) and has been escalated to you. Details: {{link}}',
  ),
  extensionRequested: w(
    'Đề nghị gia hạn giải quyết',
    'Extension requested',
    'Cán bộ đề nghị gia hạn {{days}} ngày giải quyết đơn {{kindVi}} "{{subject}}". Xin quyết định: {{link}}',
    'An officer asks to extend the {{kindEn}} "{{subject}}" by {{days}} days. Please decide: {{link}}',
  ),
  accepted: w(
    'Thông báo thụ lý đơn',
    'Petition accepted',
    '{{unitName}} đã thụ lý đơn {{kindVi}} "{{subject}}" của ông/bà và sẽ giải quyết theo quy định. Mã tra cứu: {{trackingCode}}.',
    '{{unitName}} has accepted your {{kindEn}} "{{subject}}" for handling. Tracking code: {{trackingCode}}.',
  ),
  forwardLimit: w(
    'Hôm nay là hạn chuyển đơn',
    'Last day to forward',
    'Nếu đơn {{kindVi}} "{{subject}}" không thuộc thẩm quyền, hôm nay là ngày cuối để chuyển đơn và thông báo cho người gửi. Chi tiết: {{link}}',
    'If the {{kindEn}} "{{subject}}" is outside your competence, today is the last day to forward it and notify the sender. Details: {{link}}',
  ),
  extended: w(
    'Gia hạn thời hạn giải quyết',
    'Resolution period extended',
    'Thời hạn giải quyết đơn "{{subject}}" được gia hạn đến {{dueAt}} theo quyết định số {{decision}}.',
    'The period to resolve "{{subject}}" has been extended to {{dueAt}} by decision no. {{decision}}.',
  ),
  duplicate: w(
    'Đơn trùng nội dung đang được giải quyết',
    'Same matter already being handled',
    'Đơn "{{subject}}" có cùng nội dung với hồ sơ {{ofTrackingCode}} đang được {{handledBy}} giải quyết. Đơn được gộp vào hồ sơ đó; kết quả sẽ được thông báo theo hồ sơ {{ofTrackingCode}}.',
    'Your petition "{{subject}}" concerns the same matter as case {{ofTrackingCode}}, which {{handledBy}} is handling. It has been joined to that case; you will be told the result under case {{ofTrackingCode}}.',
  ),
  alreadyDecided: w(
    'Nội dung đơn đã được giải quyết',
    'Matter already decided',
    'Đơn "{{subject}}" có nội dung đã được {{handledBy}} giải quyết (hồ sơ {{ofTrackingCode}}). {{answerVi}}',
    'Your petition "{{subject}}" concerns a matter {{handledBy}} has already decided (case {{ofTrackingCode}}). {{answerEn}}',
  ),
};

/** The value of every placeholder a petition letter may use. */
export function notificationValues(ctx: TemplateContext): Record<string, string> {
  const d = ctx.data;
  return {
    ...d,
    trackingCode: ctx.trackingCode,
    subject: ctx.subject,
    kindVi: KIND_VI[ctx.kind] ?? ctx.kind,
    kindEn: ctx.kind,
    unitName: ctx.unitName,
    recipientName: ctx.recipientName,
    link: `${ctx.appUrl}/api/v1/petitions/${ctx.petitionId}`,
    dueAt: formatVnTime(d.dueAt),
    clockVi: CLOCK_VI[d.clock ?? ''] ?? d.clock ?? '',
    clockEn: d.clock ?? '',
    petitionerName: ctx.petitionerName ?? '',
  };
}

const SIGN = '\n\n— Danvan (hệ thống theo dõi đơn thư / petition tracking)';

/** A blank line in a body starts a new paragraph of the HTML part. */
const paragraphsOf = (body: string) => body.split(/\r?\n\s*\r?\n/);

export function renderNotification(
  template: NotificationTemplate,
  ctx: TemplateContext,
  head: Letterhead,
  wording: LetterWording = BUILT_IN_WORDING[template],
): RenderedLetter {
  const values = notificationValues(ctx);
  const fill = (text: string) => fillPlaceholders(text, values);
  const vi = fill(wording.bodyVi);
  const en = fill(wording.bodyEn);
  const subject = `[${ctx.trackingCode}] ${fill(wording.subjectVi)} / ${fill(wording.subjectEn)}`;
  const greetVi = `Kính gửi ${ctx.recipientName},`;
  const greetEn = `Dear ${ctx.recipientName},`;
  return composeLetter(
    head,
    {
      subject,
      vi: { greeting: greetVi, paragraphs: paragraphsOf(vi) },
      en: { greeting: greetEn, paragraphs: paragraphsOf(en) },
    },
    `${greetVi}\n\n${vi}\n\n---\n${greetEn}\n\n${en}${SIGN}`,
  );
}
