// The registers inspectorates keep, in the column layout of their forms: Sổ tiếp công dân (Thông tư
// 04/2021/TT-TTCP, quy trình tiếp công dân) and Sổ theo dõi xử lý đơn (Thông tư 05/2021/TT-TTCP, xử lý đơn). A column is either alone
// (its heading spans both heading rows) or one of a group (the group's heading above, merged). The layout
// is data so that a reading of the form that differs is a change here only.

export interface RegisterColumn<Row> {
  key: keyof Row & string;
  /** The group heading above this column (merged over its neighbours with the same group). */
  group?: string;
  heading: string;
  width: number;
}

export interface RegisterLayout<Row> {
  /** The form's title, as printed. */
  title: string;
  sheetName: string;
  columns: RegisterColumn<Row>[];
}

/** A marked cell in a classification or outcome column. */
export const MARK = 'x';

export interface ReceptionRegisterRow {
  no: number;
  day: string;
  citizen: string;
  identityPaper: string;
  content: string;
  classification: string;
  decidedBy: string;
  accepted: string;
  returnedGuided: string;
  forwarded: string;
  followUp: string;
  note: string;
}

/**
 * Sổ tiếp công dân is Mẫu số 03 of Thông tư 04/2021/TT-TTCP (quy trình tiếp công dân), its twelve numbered
 * columns in order. Column (4) stays empty: the service does not collect identity papers' numbers.
 */
export const RECEPTION_REGISTER: RegisterLayout<ReceptionRegisterRow> = {
  title: 'SỔ TIẾP CÔNG DÂN',
  sheetName: 'So tiep cong dan',
  columns: [
    { key: 'no', heading: 'STT', width: 6 },
    { key: 'day', heading: 'Ngày tiếp', width: 12 },
    { key: 'citizen', heading: 'Họ tên - Địa chỉ', width: 30 },
    { key: 'identityPaper', heading: 'CMND/Hộ chiếu của công dân', width: 14 },
    { key: 'content', heading: 'Nội dung vụ việc', width: 40 },
    { key: 'classification', heading: 'Phân loại đơn/Số người', width: 16 },
    { key: 'decidedBy', heading: 'Cơ quan đã giải quyết', width: 20 },
    { key: 'accepted', group: 'Hướng xử lý', heading: 'Thụ lý để giải quyết', width: 12 },
    { key: 'returnedGuided', group: 'Hướng xử lý', heading: 'Trả lại đơn và hướng dẫn', width: 14 },
    {
      key: 'forwarded',
      group: 'Hướng xử lý',
      heading: 'Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền',
      width: 16,
    },
    { key: 'followUp', heading: 'Theo dõi kết quả giải quyết', width: 22 },
    { key: 'note', heading: 'Ghi chú', width: 24 },
  ],
};

export interface PetitionRegisterRow {
  no: number;
  receivedDay: string;
  trackingCode: string;
  petitioner: string;
  content: string;
  complaint: string;
  denunciation: string;
  recommendation: string;
  mass: string;
  accepted: string;
  forwarded: string;
  refused: string;
  filed: string;
  followUp: string;
  note: string;
}

// Our reading of what Thông tư 05/2021/TT-TTCP requires a unit to track for each petition; not yet checked
// against the columns of the circular's own form (no copy of it was at hand). A checked layout replaces this.
export const PETITION_REGISTER: RegisterLayout<PetitionRegisterRow> = {
  title: 'SỔ THEO DÕI XỬ LÝ ĐƠN',
  sheetName: 'So theo doi xu ly don',
  columns: [
    { key: 'no', heading: 'STT', width: 6 },
    { key: 'receivedDay', heading: 'Ngày nhận đơn', width: 12 },
    { key: 'trackingCode', heading: 'Số, mã đơn', width: 14 },
    { key: 'petitioner', heading: 'Họ tên, địa chỉ người gửi đơn', width: 30 },
    { key: 'content', heading: 'Nội dung đơn', width: 40 },
    { key: 'complaint', group: 'Phân loại đơn', heading: 'Khiếu nại', width: 10 },
    { key: 'denunciation', group: 'Phân loại đơn', heading: 'Tố cáo', width: 10 },
    { key: 'recommendation', group: 'Phân loại đơn', heading: 'Kiến nghị, phản ánh', width: 12 },
    { key: 'mass', group: 'Phân loại đơn', heading: 'Đơn đông người', width: 10 },
    { key: 'accepted', group: 'Kết quả xử lý đơn', heading: 'Thụ lý giải quyết', width: 12 },
    { key: 'forwarded', group: 'Kết quả xử lý đơn', heading: 'Chuyển đơn', width: 12 },
    { key: 'refused', group: 'Kết quả xử lý đơn', heading: 'Không thụ lý, trả lại, hướng dẫn', width: 14 },
    { key: 'filed', group: 'Kết quả xử lý đơn', heading: 'Lưu đơn (đơn trùng, đã giải quyết)', width: 14 },
    { key: 'followUp', heading: 'Theo dõi kết quả giải quyết', width: 22 },
    { key: 'note', heading: 'Ghi chú', width: 24 },
  ],
};
