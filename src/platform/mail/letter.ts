// Every e-mail as a letter: the sending unit's letterhead, the Vietnamese block, then the English block.
// The HTML part is a plain table layout with inline styles only (mail clients drop <style> and scripts),
// and every piece of text in it is escaped here, once: templates and placeholder values are plain text.

export interface Letterhead {
  /** The body the unit belongs to (cơ quan chủ quản), printed above the unit's name; none at the top. */
  superior: string | null;
  unitName: string;
  level: { vi: string; en: string };
  /** Address, telephone, e-mail lines as the unit's admin wrote them. */
  lines: string[];
}

export interface LetterBlock {
  greeting: string;
  paragraphs: string[];
}

export interface Letter {
  subject: string;
  vi: LetterBlock;
  en: LetterBlock;
}

export interface RenderedLetter {
  subject: string;
  text: string;
  html: string;
}

const NATION_VI = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_VI = 'Độc lập - Tự do - Hạnh phúc';
const SIGNATURE = 'Danvan (hệ thống theo dõi đơn thư / petition tracking)';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The letterhead as the first lines of the text part. */
export function letterheadText(head: Letterhead): string {
  return [head.superior?.toUpperCase(), head.unitName.toUpperCase(), ...head.lines].filter(Boolean).join('\n');
}

const FONT = "font-family:'Times New Roman',Times,serif;color:#111111;";

/** Web addresses in the (escaped) text become links; nothing else turns into markup. */
const linked = (escaped: string) =>
  escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" style="color:#0b4f9c;">${url}</a>`);

const paragraphs = (items: string[]) =>
  items
    .filter((p) => p.trim() !== '')
    .map(
      (p) =>
        `<p style="margin:0 0 12px 0;font-size:16px;line-height:1.5;">${linked(escapeHtml(p)).replace(/\r?\n/g, '<br>')}</p>`,
    )
    .join('');

function block(lang: 'vi' | 'en', b: LetterBlock): string {
  return (
    `<tr><td lang="${lang}" style="padding:16px 24px 4px 24px;${FONT}">` +
    `<p style="margin:0 0 12px 0;font-size:16px;line-height:1.5;">${escapeHtml(b.greeting)}</p>` +
    paragraphs(b.paragraphs) +
    `</td></tr>`
  );
}

export function renderLetterHtml(head: Letterhead, letter: Letter): string {
  const superior = head.superior
    ? `<div style="font-size:13px;text-transform:uppercase;">${escapeHtml(head.superior)}</div>`
    : '';
  const lines = head.lines.map((l) => `<div style="font-size:12px;">${escapeHtml(l)}</div>`).join('');
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(letter.subject)}</title></head>` +
    '<body style="margin:0;padding:0;background:#f3f3f3;">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f3f3;">' +
    '<tr><td align="center" style="padding:16px 8px;">' +
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" ' +
    'style="width:100%;max-width:600px;background:#ffffff;border:1px solid #d0d0d0;">' +
    `<tr><td style="padding:16px 24px 8px 24px;${FONT}">` +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>' +
    `<td valign="top" align="center" style="width:45%;${FONT}">${superior}` +
    `<div style="font-size:14px;font-weight:bold;text-transform:uppercase;">${escapeHtml(head.unitName)}</div>` +
    `<div style="font-size:12px;">${escapeHtml(`${head.level.vi} / ${head.level.en}`)}</div>${lines}</td>` +
    `<td valign="top" align="center" style="width:55%;${FONT}">` +
    `<div style="font-size:13px;font-weight:bold;">${NATION_VI}</div>` +
    `<div style="font-size:14px;font-weight:bold;">${MOTTO_VI}</div></td>` +
    '</tr></table></td></tr>' +
    '<tr><td style="padding:0 24px;"><hr style="border:0;border-top:1px solid #999999;margin:8px 0;"></td></tr>' +
    block('vi', letter.vi) +
    '<tr><td style="padding:0 24px;"><hr style="border:0;border-top:1px dashed #bbbbbb;margin:4px 0;"></td></tr>' +
    block('en', letter.en) +
    `<tr><td style="padding:8px 24px 16px 24px;${FONT}font-size:12px;color:#555555;">— ${escapeHtml(SIGNATURE)}</td></tr>` +
    '</table></td></tr></table></body></html>'
  );
}

/**
 * The letter as text (the letterhead, the Vietnamese block, "---", the English block) and as HTML.
 * `text` lets a feature keep the text part it always sent, under the letterhead.
 */
export function composeLetter(head: Letterhead, letter: Letter, text?: string): RenderedLetter {
  const body =
    text ??
    [
      letter.vi.greeting,
      ...letter.vi.paragraphs,
      '---',
      letter.en.greeting,
      ...letter.en.paragraphs,
      `— ${SIGNATURE}`,
    ].join('\n\n');
  return { subject: letter.subject, text: `${letterheadText(head)}\n\n${body}`, html: renderLetterHtml(head, letter) };
}

const LEVELS: Record<string, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
};

export function levelWords(level: string): { vi: string; en: string } {
  return LEVELS[level] ?? { vi: level, en: level };
}

/**
 * A short bilingual notice whose text part keeps each Vietnamese sentence above its English one (the
 * reception and conference e-mails); the HTML part still has the Vietnamese block, then the English.
 */
export function bilingualNotice(
  head: Letterhead,
  notice: { subject: string; recipientName: string; vi: string; en: string; tail?: { vi: string; en: string } },
): RenderedLetter {
  const { recipientName: name, vi, en, tail } = notice;
  const text = `Kính gửi ${name} / Dear ${name},\n\n${vi}\n${en}\n${tail ? `\n${tail.vi}\n` : ''}`;
  return composeLetter(
    head,
    {
      subject: notice.subject,
      vi: { greeting: `Kính gửi ${name},`, paragraphs: tail ? [vi, tail.vi] : [vi] },
      en: { greeting: `Dear ${name},`, paragraphs: tail ? [en, tail.en] : [en] },
    },
    text,
  );
}
