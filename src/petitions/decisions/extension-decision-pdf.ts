// An extension decision printed in the administrative layout of Nghị định 30/2020/NĐ-CP: the issuing body
// and number on the left, the national motto on the right, place-less date, title, legal basis, articles,
// recipients and the signer. A4, margins 20/15/20/30 mm, a serif face with every Vietnamese letter (DejaVu
// Serif from npm, so the print is the same on every machine). The text names no petitioner: a denouncer
// appears only as "công dân".
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExtensionDecisionFacts } from './extension-decisions';

const MM = 72 / 25.4;
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
};

const LAW: Record<string, { subject: string; basis: string; article: string }> = {
  denunciation: {
    subject: 'tố cáo',
    basis: 'Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;',
    article: 'Căn cứ Điều 30 Luật Tố cáo về thời hạn giải quyết tố cáo;',
  },
  complaint: {
    subject: 'khiếu nại',
    basis: 'Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;',
    article: 'Căn cứ Điều 28 Luật Khiếu nại về thời hạn giải quyết khiếu nại lần đầu;',
  },
};
const GENERIC = { subject: 'đơn', basis: 'Căn cứ quy định của pháp luật về xử lý đơn;', article: '' };

/** "ngày 05 tháng 12 năm 2026" from YYYY-MM-DD, the way administrative documents write dates. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

const localDay = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' }).format(at);

/** The PDF as a stream (pipe it to the response); ended when every page is written. */
export function extensionDecisionPdf(d: ExtensionDecisionFacts): PDFKit.PDFDocument {
  const law = LAW[d.kind] ?? GENERIC;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
    info: {
      Title: `Quyết định ${d.number} — gia hạn thời hạn giải quyết ${law.subject}`,
      Author: d.unitName,
      Subject: `Hồ sơ ${d.trackingCode}`,
      // The decision's own time, so the same decision prints to the same bytes.
      CreationDate: d.decidedAt,
      ModDate: d.decidedAt,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const leftCol = width * 0.42;
  const rightX = left + leftCol;
  const rightCol = width - leftCol;
  const top = doc.y;

  // Left column: the body above, the issuing unit, the number.
  doc.font('regular').fontSize(12);
  if (d.parentUnitName) doc.text(d.parentUnitName.toUpperCase(), left, top, { width: leftCol, align: 'center' });
  doc.font('bold').text(d.unitName.toUpperCase(), left, doc.y, { width: leftCol, align: 'center' });
  const underUnit = doc.y + 2;
  doc
    .moveTo(left + leftCol / 2 - 30, underUnit)
    .lineTo(left + leftCol / 2 + 30, underUnit)
    .stroke();
  doc
    .font('regular')
    .fontSize(13)
    .text(`Số: ${d.number}`, left, underUnit + 6, { width: leftCol, align: 'center' });
  const leftBottom = doc.y;

  // Right column: the national name and motto, then the date.
  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightCol, align: 'center' });
  doc.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightCol, align: 'center' });
  const underMotto = doc.y + 2;
  doc
    .moveTo(rightX + rightCol / 2 - 75, underMotto)
    .lineTo(rightX + rightCol / 2 + 75, underMotto)
    .stroke();
  doc
    .font('italic')
    .fontSize(13)
    .text(vietnameseDate(d.date).replace(/^n/, 'N'), rightX, underMotto + 6, { width: rightCol, align: 'center' });

  doc.y = Math.max(leftBottom, doc.y) + 24;
  const para = (
    text: string,
    font: 'regular' | 'bold' | 'italic' = 'regular',
    align: 'center' | 'justify' = 'justify',
  ) =>
    doc
      .font(font)
      .fontSize(13)
      .text(text, left, doc.y, { width, align, indent: align === 'justify' ? 10 * MM : 0, paragraphGap: 6 });

  para('QUYẾT ĐỊNH', 'bold', 'center');
  para(`Về việc gia hạn thời hạn giải quyết ${law.subject}`, 'bold', 'center');
  doc.moveDown(0.5);
  para(`NGƯỜI ĐỨNG ĐẦU ${d.unitName.toUpperCase()}`, 'bold', 'center');
  doc.moveDown(0.5);
  para(law.basis, 'italic');
  if (law.article) para(law.article, 'italic');
  para(`Xét đề nghị gia hạn: ${(d.requestReason || 'vụ việc phức tạp').replace(/[.;]+$/, '')}.`, 'italic');
  doc.moveDown(0.3);
  para('QUYẾT ĐỊNH:', 'bold', 'center');
  const due = d.dueTo ? ` Thời hạn giải quyết đến ${vietnameseDate(localDay(new Date(d.dueTo)))}.` : '';
  para(
    `Điều 1. Gia hạn thời hạn giải quyết ${law.subject} đối với hồ sơ số ${d.trackingCode} ` +
      `(“${d.subject}”), tiếp nhận ${vietnameseDate(localDay(d.receivedAt))}` +
      `${d.days ? `, thêm ${d.days} ngày` : ''}.${due}`,
  );
  para('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
  para(
    `Điều 3. Người được giao giải quyết, người được giao xác minh và các cơ quan, tổ chức, cá nhân có liên quan ` +
      `chịu trách nhiệm thi hành Quyết định này./.`,
  );

  // Recipients on the left, the signer on the right, side by side.
  doc.moveDown(1);
  const blockTop = doc.y;
  doc.font('bold').fontSize(12).text('Nơi nhận:', left, blockTop, { width: leftCol });
  doc
    .font('regular')
    .fontSize(11)
    .text(`- Người ${law.subject === 'tố cáo' ? 'tố cáo (công dân)' : 'có đơn'};`, { width: leftCol })
    .text('- Người được giao xác minh;', { width: leftCol })
    .text('- Lưu: VT, hồ sơ.', { width: leftCol });
  doc.font('bold').fontSize(13).text('NGƯỜI ĐỨNG ĐẦU', rightX, blockTop, { width: rightCol, align: 'center' });
  doc
    .font('italic')
    .fontSize(12)
    .text('(Đã ký)', rightX, doc.y + 40, { width: rightCol, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(d.signer, rightX, doc.y + 6, { width: rightCol, align: 'center' });

  doc
    .font('regular')
    .fontSize(8)
    .text(
      `Bản in từ danvan — printed from danvan: extension decision ${d.number}, case ${d.trackingCode}.`,
      left,
      doc.page.height - doc.page.margins.bottom - 10,
      { width, align: 'center', lineBreak: false },
    );
  doc.end();
  return doc;
}
