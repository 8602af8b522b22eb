// An extension decision printed in the administrative layout (administrative-pdf.ts): place-less date,
// title, legal basis, articles, recipients and the signer. The text names no petitioner: a denouncer
// appears only as "công dân".
import { administrativeDocument, localDay, vietnameseDate } from './administrative-pdf';
import type { ExtensionDecisionFacts } from './extension-decisions';

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

/** The PDF as a stream (pipe it to the response); ended when every page is written. */
export function extensionDecisionPdf(d: ExtensionDecisionFacts): PDFKit.PDFDocument {
  const law = LAW[d.kind] ?? GENERIC;
  const { para, doc, finish } = administrativeDocument(
    {
      title: `Quyết định ${d.number} — gia hạn thời hạn giải quyết ${law.subject}`,
      author: d.unitName,
      subject: `Hồ sơ ${d.trackingCode}`,
      createdAt: d.decidedAt,
    },
    { unitName: d.unitName, parentUnitName: d.parentUnitName, number: d.number, date: d.date, place: null },
  );

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

  return finish({
    recipients: [
      `- Người ${law.subject === 'tố cáo' ? 'tố cáo (công dân)' : 'có đơn'};`,
      '- Người được giao xác minh;',
      '- Lưu: VT, hồ sơ.',
    ],
    signerTitle: 'Người đứng đầu',
    signer: d.signer,
    footer: `Bản in từ danvan — printed from danvan: extension decision ${d.number}, case ${d.trackingCode}.`,
  });
}
