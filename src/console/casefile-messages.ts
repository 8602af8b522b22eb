// The words of the case file's console screens — duplicates on the case page (link, or a new matter) and the registers page (same
// rules as the other dictionaries: `vi` first, `en` has every key).
import { translator, type Translate } from '../web/i18n';
import type { PageContext } from './page-context';

export const vi = {
  dupHeading: 'Đơn trùng',
  dupCaption: 'Các đơn có thể trùng với đơn này trong tỉnh, và lý do',
  dupNone: 'Không thấy đơn nào có thể trùng với đơn này.',
  dupColCase: 'Hồ sơ',
  dupColSubject: 'Nội dung',
  dupColUnit: 'Đơn vị giải quyết',
  dupColStage: 'Tình trạng',
  dupColReasons: 'Lý do',
  dupColAction: 'Thao tác',
  dupDecided: 'đã giải quyết: đơn này sẽ được trả lời theo quy định, không mở hồ sơ mới',
  dupLink: 'Gộp là đơn trùng của hồ sơ này',
  dupLinkLabel: 'Gộp đơn này là đơn trùng của hồ sơ {code}',
  dupLinkedTo: 'Đơn này đã được gộp là đơn trùng của hồ sơ {code} ({unit}).',
  dupNewMatter: 'Đã xác định đây là vụ việc mới.',
  dupDecidedBy: '{who}, {at}',
  dupNoteShown: 'Ghi chú: {note}',
  dupNewMatterLegend: 'Không trùng: xử lý như vụ việc mới',
  dupNewMatterHint:
    'Nếu đơn này không cùng vụ việc với các hồ sơ trên, ghi nhận là vụ việc mới: đơn giữ hồ sơ và thời hạn của mình.',
  dupNote: 'Ghi chú (không bắt buộc)',
  dupNewMatterSubmit: 'Xác định là vụ việc mới',
  dupNewMatterDone: 'Đã ghi nhận đây là vụ việc mới.',
  dupNoteTooLong: 'Ghi chú dài tối đa {max} ký tự.',
  dupLinked: 'Đã gộp là đơn trùng của hồ sơ {code}.',
  dupPending: 'Đã gửi yêu cầu gộp đơn; hồ sơ sẽ cập nhật sau ít giây.',
  registersTitle: 'Sổ tiếp công dân và sổ theo dõi xử lý đơn',
  registersIntro:
    'Sổ của một đơn vị trong một khoảng thời gian, theo mẫu Thông tư 04/2021/TT-TTCP (sổ tiếp công dân) và 05/2021/TT-TTCP (sổ theo dõi xử lý đơn), tải về dạng XLSX. Người tố cáo ghi là “công dân”, trừ khi người có quyền ghi lý do mở danh tính.',
  registersLegend: 'Đơn vị và thời gian',
  registersUnit: 'Đơn vị',
  registersFrom: 'Từ ngày',
  registersTo: 'Đến ngày',
  registersReception: 'Tải Sổ tiếp công dân (XLSX)',
  registersPetitions: 'Tải Sổ theo dõi xử lý đơn (XLSX)',
  registersNoUnit: 'Bạn không có đơn vị nào để xem sổ.',
  registersInvalid: 'Chọn đơn vị và cả hai ngày, ngày bắt đầu không sau ngày kết thúc.',
  registersForbidden: 'Sổ sách dành cho lãnh đạo và thanh tra.',
  registersRevealLegend: 'Danh tính người tố cáo',
  registersReason: 'Lý do mở danh tính (không bắt buộc)',
  registersReasonHint:
    'Để trống: người tố cáo ghi là “công dân”. Có lý do: danh tính hiện ra cho những đơn bạn có quyền xem, mỗi lần mở đều được ghi lại.',
  registersReasonLength: 'Lý do mở danh tính dài từ 3 đến 500 ký tự.',
} as const;

export type CasefileKey = keyof typeof vi;

export const en: Record<CasefileKey, string> = {
  dupHeading: 'Duplicate petitions',
  dupCaption: 'Petitions in the province that may be the same matter as this one, and why',
  dupNone: 'No petition looks like a duplicate of this one.',
  dupColCase: 'Case',
  dupColSubject: 'Subject',
  dupColUnit: 'Handled by',
  dupColStage: 'Stage',
  dupColReasons: 'Reasons',
  dupColAction: 'Action',
  dupDecided: 'already decided: this petition gets the legal answer, no new case',
  dupLink: 'Link as duplicate of this case',
  dupLinkLabel: 'Link this petition as a duplicate of case {code}',
  dupLinkedTo: 'This petition is linked as a duplicate of case {code} ({unit}).',
  dupNewMatter: 'This was decided to be a new matter.',
  dupDecidedBy: '{who}, {at}',
  dupNoteShown: 'Note: {note}',
  dupNewMatterLegend: 'Not a duplicate: handle as a new matter',
  dupNewMatterHint:
    'If this petition is not the same matter as the cases above, record it as a new matter: it keeps its own case and deadlines.',
  dupNote: 'Note (optional)',
  dupNewMatterSubmit: 'Decide: a new matter',
  dupNewMatterDone: 'Recorded as a new matter.',
  dupNoteTooLong: 'A note has at most {max} characters.',
  dupLinked: 'Linked as a duplicate of case {code}.',
  dupPending: 'The link was sent; the case updates in a few seconds.',
  registersTitle: 'Citizen reception register and petition handling register',
  registersIntro:
    "A unit's registers over a period, in the layouts of Circulars 04/2021/TT-TTCP (reception) and 05/2021/TT-TTCP (petition handling), as XLSX. Denouncers read “công dân” unless someone entitled gives a reason to open their identities.",
  registersLegend: 'Unit and period',
  registersUnit: 'Unit',
  registersFrom: 'From',
  registersTo: 'To',
  registersReception: 'Download the citizen reception register (XLSX)',
  registersPetitions: 'Download the petition handling register (XLSX)',
  registersNoUnit: 'You have no unit whose registers you may read.',
  registersInvalid: 'Choose a unit and both days, the first not after the last.',
  registersForbidden: 'The registers are for leaders and supervisors.',
  registersRevealLegend: "Denouncers' identities",
  registersReason: 'Reason for opening identities (optional)',
  registersReasonHint:
    'Empty: denouncers read “công dân”. With a reason: identities appear for the petitions you are entitled to, and each opening is recorded.',
  registersReasonLength: 'The reason for opening identities has 3 to 500 characters.',
};

export const CASEFILE_WORDS = { vi, en };

export function casefileWords(ctx: PageContext): Translate<CasefileKey> {
  return translator(CASEFILE_WORDS, ctx.lang);
}
