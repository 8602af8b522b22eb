// A case's resolution printed in the administrative layout (administrative-pdf.ts), as the law names it:
// a complaint's decision (quyết định giải quyết khiếu nại, Luật Khiếu nại 2011 Đ.31 first time, Đ.40
// second time), a denunciation's conclusion (kết luận nội dung tố cáo, Luật Tố cáo 2018 Đ.35), or the answer
// to a recommendation or feedback. The text names no petitioner: every one of them appears as "công dân".
import { administrativeDocument, localDay, placeOf, vietnameseDate } from './administrative-pdf';
import type { ResolutionFacts } from './resolution-decisions';
import type { ResolutionDecision } from '../../domain/petition/resolution-decision';

interface Wording {
  title: string;
  about: string;
  basis: string[];
  letter: string;
  operative: string;
  articles: (summary: string) => string[];
  recipients: string[];
}

const sentence = (text: string) => `${text.trim().replace(/[.;:]+$/, '')}.`;

function wordingFor(r: ResolutionFacts): Wording {
  if (r.kind === 'complaint') {
    const second = r.round >= 2;
    return {
      title: 'QUYẾT ĐỊNH',
      about: `Về việc giải quyết khiếu nại ${second ? 'lần hai' : 'lần đầu'}`,
      basis: [
        'Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;',
        second
          ? 'Căn cứ Điều 40 Luật Khiếu nại về quyết định giải quyết khiếu nại lần hai;'
          : 'Căn cứ Điều 31 Luật Khiếu nại về quyết định giải quyết khiếu nại lần đầu;',
      ],
      letter: 'khiếu nại',
      operative: 'QUYẾT ĐỊNH:',
      articles: (summary) => [
        `Điều 1. ${sentence(summary)}`,
        second
          ? 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Người khiếu nại có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật về tố tụng hành chính.'
          : 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Trong thời hạn luật định, nếu không đồng ý, người khiếu nại có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa án.',
        'Điều 3. Người được giao xác minh và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
      ],
      recipients: ['- Người khiếu nại (công dân);', '- Người được giao xác minh;', '- Lưu: VT, hồ sơ.'],
    };
  }
  if (r.kind === 'denunciation') {
    return {
      title: 'KẾT LUẬN',
      about: 'Nội dung tố cáo',
      basis: [
        'Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;',
        'Căn cứ Điều 35 Luật Tố cáo về kết luận nội dung tố cáo;',
      ],
      letter: 'tố cáo',
      operative: 'KẾT LUẬN:',
      articles: (summary) => [
        `1. ${sentence(summary)}`,
        '2. Kết luận này được gửi đến người bị tố cáo và thông báo đến người tố cáo (công dân) theo Điều 40 Luật Tố cáo./.',
      ],
      recipients: ['- Người tố cáo (công dân);', '- Người được giao xác minh;', '- Lưu: VT, hồ sơ.'],
    };
  }
  const letter = r.kind === 'recommendation' ? 'kiến nghị' : 'phản ánh';
  return {
    title: 'VĂN BẢN TRẢ LỜI',
    about: `Về việc giải quyết ${letter}`,
    basis: ['Căn cứ quy định của pháp luật về tiếp công dân, xử lý đơn kiến nghị, phản ánh;'],
    letter,
    operative: 'TRẢ LỜI:',
    articles: (summary) => [sentence(summary) + '/.'],
    recipients: ['- Người có đơn (công dân);', '- Lưu: VT, hồ sơ.'],
  };
}

/** The PDF as a stream (pipe it to the response); ended when every page is written. */
export function resolutionDecisionPdf(r: ResolutionFacts & { record: ResolutionDecision }): PDFKit.PDFDocument {
  const w = wordingFor(r);
  const { para, doc, finish } = administrativeDocument(
    {
      title: `${w.title.charAt(0)}${w.title.slice(1).toLowerCase()} ${r.record.number} — ${w.about.toLowerCase()}`,
      author: r.unitName,
      subject: `Hồ sơ ${r.trackingCode}`,
      createdAt: r.decidedAt,
    },
    {
      unitName: r.unitName,
      parentUnitName: r.parentUnitName,
      number: r.record.number,
      date: r.record.date,
      place: placeOf(r.unitName),
    },
  );

  para(w.title, 'bold', 'center');
  para(w.about, 'bold', 'center');
  doc.moveDown(0.5);
  para(`${r.record.signerTitle.toUpperCase()} ${r.unitName.toUpperCase()}`, 'bold', 'center');
  doc.moveDown(0.5);
  for (const line of w.basis) para(line, 'italic');
  para(
    `Xét đơn ${w.letter} của công dân, hồ sơ số ${r.trackingCode} (“${r.subject}”), ` +
      `tiếp nhận ${vietnameseDate(localDay(r.receivedAt))};`,
    'italic',
  );
  doc.moveDown(0.3);
  para(w.operative, 'bold', 'center');
  for (const line of w.articles(r.summary)) para(line);

  return finish({
    recipients: w.recipients,
    signerTitle: r.record.signerTitle,
    signer: r.record.signer,
    footer: `Bản in từ danvan — printed from danvan: resolution ${r.record.number}, case ${r.trackingCode}.`,
  });
}
