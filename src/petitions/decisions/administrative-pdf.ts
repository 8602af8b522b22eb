// The administrative layout of Nghị định 30/2020/NĐ-CP shared by a case's printed decisions: the issuing
// body and number on the left, the national name and motto on the right with the place and date under it,
// then the body, the recipients (nơi nhận) on the left and the signer's block on the right. A4, margins
// 20/15/20/30 mm, a serif face with every Vietnamese letter (DejaVu Serif from npm, so the print is the
// same on every machine). The callers put no petitioner's name in it: a denouncer is only "công dân".
import path from 'node:path';
import PDFDocument from 'pdfkit';

export const MM = 72 / 25.4;
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
};

/** "ngày 05 tháng 12 năm 2026" from YYYY-MM-DD, the way administrative documents write dates. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** The local (Asia/Ho_Chi_Minh) day of an instant, YYYY-MM-DD. */
export const localDay = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' }).format(at);

const PLACE_AFTER = /(?:^|\s)(?:tỉnh|thành phố|thị xã|thị trấn|đặc khu|xã|phường|huyện|quận)\s+(\S.*)$/iu;

/**
 * The place name (địa danh) of the date line, from the unit's name: "UBND xã Tiên Du" → "Tiên Du",
 * "Thanh tra tỉnh Bắc Ninh" → "Bắc Ninh". Null when the name holds no locality to read it from.
 */
export function placeOf(unitName: string): string | null {
  return PLACE_AFTER.exec(unitName.trim())?.[1]?.trim() ?? null;
}

export interface AdministrativeHeader {
  unitName: string;
  /** The body above the issuing unit, printed over it (cơ quan chủ quản). */
  parentUnitName: string | null;
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The place before the date; without one the date line starts with a capital "Ngày". */
  place: string | null;
}

export interface AdministrativeDocumentOptions {
  title: string;
  author: string;
  subject: string;
  /** The decision's own time, so the same decision prints to the same bytes. */
  createdAt: Date;
}

export type Para = (
  text: string,
  font?: 'regular' | 'bold' | 'italic',
  align?: 'center' | 'justify',
) => PDFKit.PDFDocument;

/** A document on A4 in the layout, its header drawn; the caller writes the body with `para`, then `finish`. */
export function administrativeDocument(options: AdministrativeDocumentOptions, header: AdministrativeHeader) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
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
  if (header.parentUnitName)
    doc.text(header.parentUnitName.toUpperCase(), left, top, { width: leftCol, align: 'center' });
  doc.font('bold').text(header.unitName.toUpperCase(), left, doc.y, { width: leftCol, align: 'center' });
  const underUnit = doc.y + 2;
  doc
    .moveTo(left + leftCol / 2 - 30, underUnit)
    .lineTo(left + leftCol / 2 + 30, underUnit)
    .stroke();
  doc
    .font('regular')
    .fontSize(13)
    .text(`Số: ${header.number}`, left, underUnit + 6, { width: leftCol, align: 'center' });
  const leftBottom = doc.y;

  // Right column: the national name and motto, then the place and date.
  // The national name stands on one line: DejaVu is wider than the Times of the decree, so it shrinks to fit.
  const nationalName = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const fitted = Math.min(12, (12 * (rightCol - 2)) / doc.font('bold').fontSize(12).widthOfString(nationalName));
  doc.fontSize(fitted).text(nationalName, rightX, top, { width: rightCol, align: 'center' });
  doc.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightCol, align: 'center' });
  const underMotto = doc.y + 2;
  doc
    .moveTo(rightX + rightCol / 2 - 75, underMotto)
    .lineTo(rightX + rightCol / 2 + 75, underMotto)
    .stroke();
  const dateLine = header.place
    ? `${header.place}, ${vietnameseDate(header.date)}`
    : vietnameseDate(header.date).replace(/^n/, 'N');
  doc
    .font('italic')
    .fontSize(13)
    .text(dateLine, rightX, underMotto + 6, { width: rightCol, align: 'center' });

  doc.y = Math.max(leftBottom, doc.y) + 24;
  const para: Para = (text, font = 'regular', align = 'justify') =>
    doc
      .font(font)
      .fontSize(13)
      .text(text, left, doc.y, { width, align, indent: align === 'justify' ? 10 * MM : 0, paragraphGap: 6 });

  /** The recipients on the left, the signer's block on the right, side by side; the footer; the end. */
  const finish = (closing: { recipients: string[]; signerTitle: string; signer: string; footer: string }) => {
    doc.moveDown(1);
    const blockTop = doc.y;
    doc.font('bold').fontSize(12).text('Nơi nhận:', left, blockTop, { width: leftCol });
    doc.font('regular').fontSize(11);
    for (const line of closing.recipients) doc.text(line, { width: leftCol });
    doc
      .font('bold')
      .fontSize(13)
      .text(closing.signerTitle.toUpperCase(), rightX, blockTop, { width: rightCol, align: 'center' });
    doc
      .font('italic')
      .fontSize(12)
      .text('(Đã ký)', rightX, doc.y + 40, { width: rightCol, align: 'center' });
    doc
      .font('bold')
      .fontSize(13)
      .text(closing.signer, rightX, doc.y + 6, { width: rightCol, align: 'center' });
    doc
      .font('regular')
      .fontSize(8)
      .text(closing.footer, left, doc.page.height - doc.page.margins.bottom - 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.end();
    return doc;
  };

  return { doc, para, finish };
}
