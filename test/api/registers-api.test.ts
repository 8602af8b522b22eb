// The official registers (Thông tư 05/2021/TT-TTCP) as XLSX: each compared cell by cell, merges included,
// with a workbook written out by hand here — not by the code under test — from the petitions the test made.
// A denouncer reads "công dân" unless the caller is entitled and gives a reason, and each opening is recorded.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { rangePeriod } from '../../src/domain/report-period';

let h: ApiHarness;
let officer: string;
let leader: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.supervisor.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const now = Date.now();
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
/** dd/mm/yyyy of the local (UTC+7) day, worked out here by hand. */
const vnDay = (d: Date) => {
  const [y, m, day] = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${day}/${m}/${y}`;
};
const today = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

const register = (body: object) =>
  request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({ receivingUnitId: h.org.communeId, field: 'land', body: '…', ...body })
    .expect(201);

async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.worksheets[0]!;
}

/** Every cell of the first `rows` rows and 15 columns, and the merged ranges. */
function contentOf(sheet: ExcelJS.Worksheet, rows: number) {
  const cells: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= 15; c++) row.push(sheet.getCell(r, c).value ?? null);
    cells.push(row);
  }
  return { cells, merges: [...(sheet.model as { merges: string[] }).merges].sort(), rowCount: sheet.actualRowCount };
}

async function handMade(rows: unknown[][], merges: string[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('expected');
  rows.forEach((row, i) => row.forEach((v, j) => (sheet.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  for (const m of merges) sheet.mergeCells(m);
  return sheetOf(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A row of a register as its form numbers the columns (1…width): the cells given, every other one `empty`. */
const formRow = (width: number, cells: Record<number, unknown>, empty: '' | null = '') =>
  Array.from({ length: width }, (_, i) => (i + 1 in cells ? cells[i + 1] : empty));

const fetchXlsx = (path: string, token: string) =>
  request(h.app)
    .get(path)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

test('when a unit’s registers are exported, then their columns, headings and rows are those of the forms, and a denouncer is “công dân” unless the caller is entitled and says why', async () => {
  const t = randomBytes(3).toString('hex');
  const unitName = (await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.communeId } })).name;
  const p1 = await register({
    kind: 'complaint',
    channel: 'in_person',
    subject: `Khiếu nại bồi thường đất ${t}`,
    receivedAt: at(4).toISOString(),
    petitioners: [{ fullName: 'Nguyễn Văn An', address: 'Thôn 1', phone: '0911 000 001' }],
  });
  const p2 = await register({
    kind: 'denunciation',
    channel: 'post',
    field: 'officials_conduct',
    subject: `Tố cáo cán bộ thu tiền ${t}`,
    receivedAt: at(3).toISOString(),
    petitioners: [{ fullName: 'Trần Thị Bình', address: 'Xóm 2' }],
  });
  const p3 = await register({
    kind: 'recommendation',
    channel: 'in_person',
    field: 'site_clearance',
    subject: `Kiến nghị giá bồi thường mặt bằng ${t}`,
    receivedAt: at(2).toISOString(),
    petitioners: Array.from({ length: 6 }, (_, i) => ({
      fullName: `Hộ dân ${i + 1}`,
      address: `Thôn ${i + 1}`,
      ...(i === 5 ? { isRepresentative: true } : {}),
    })),
  });
  const p4 = await register({
    kind: 'complaint',
    channel: 'post',
    subject: `Khiếu nại bồi thường đất ${t}`,
    receivedAt: at(1).toISOString(),
    petitioners: [{ fullName: 'Nguyễn Văn An', address: 'Thôn 1', phone: '0911 000 001' }],
  });
  await request(h.app)
    .post(`/api/v1/petitions/${p4.body.id}/duplicates`)
    .set(auth(officer))
    .send({ decision: 'duplicate', ofPetitionId: p1.body.id })
    .expect(200);
  // A reception session with two matters: one answered, one registered as the denunciation.
  // Two hours ago, but on today's local date: between midnight and 2 a.m. in Vietnam two hours ago is yesterday.
  const sessionStart = new Date(Math.max(at(120).getTime(), Date.parse(`${today}T00:00:30+07:00`)));
  const sessionId = `reception-test-${t}`;
  await h.db.prisma.receptionSession.create({
    data: {
      id: sessionId,
      scheduleId: `schedule-${t}`,
      unitId: h.org.communeId,
      nominalDay: today,
      day: today,
      startsAt: sessionStart,
      status: 'closed',
      leaderId: h.org.communeLeader.id,
      receivingLeaderId: h.org.communeLeader.id,
      location: 'Trụ sở UBND xã',
    },
  });
  await h.db.prisma.receptionMatter.create({
    data: {
      sessionId,
      citizenName: 'Lê Văn Cường',
      summary: 'Hỏi về chính sách hỗ trợ',
      field: 'policy',
      outcome: 'answered',
      answer: 'Đã giải thích chính sách',
      recordedById: h.org.officer.id,
    },
  });
  await h.db.prisma.receptionMatter.create({
    data: {
      sessionId,
      citizenName: 'công dân',
      summary: 'Tố cáo cán bộ',
      field: 'officials_conduct',
      outcome: 'petition',
      petitionId: p2.body.id,
      recordedById: h.org.officer.id,
    },
  });

  const period = `from=${today}&to=${today}`;
  const scope = `Đơn vị: ${unitName} — Kỳ: ${rangePeriod(today, today)!.label}`;
  const received = (p: { body: { trackingCode: string } }) => `${p.body.trackingCode}: Mới tiếp nhận`;

  // Sổ theo dõi xử lý đơn
  const petitionHeadings = [
    ['SỔ THEO DÕI XỬ LÝ ĐƠN', ...Array(14).fill(null)],
    [scope, ...Array(14).fill(null)],
    formRow(
      15,
      {
        1: 'STT',
        2: 'Ngày nhận đơn',
        3: 'Số, mã đơn',
        4: 'Họ tên, địa chỉ người gửi đơn',
        5: 'Nội dung đơn',
        6: 'Phân loại đơn',
        10: 'Kết quả xử lý đơn',
        14: 'Theo dõi kết quả giải quyết',
        15: 'Ghi chú',
      },
      null,
    ),
    formRow(
      15,
      {
        6: 'Khiếu nại',
        7: 'Tố cáo',
        8: 'Kiến nghị, phản ánh',
        9: 'Đơn đông người',
        10: 'Thụ lý giải quyết',
        11: 'Chuyển đơn',
        12: 'Không thụ lý, trả lại, hướng dẫn',
        13: 'Lưu đơn (đơn trùng, đã giải quyết)',
      },
      null,
    ),
    Array.from({ length: 15 }, (_, i) => `(${i + 1})`),
  ];
  const petitionRows = (denouncer: string) => [
    formRow(15, {
      1: 1,
      2: vnDay(at(4)),
      3: p1.body.trackingCode,
      4: 'Nguyễn Văn An, Thôn 1',
      5: `Khiếu nại bồi thường đất ${t}`,
      6: 'x',
      14: received(p1),
    }),
    formRow(15, {
      1: 2,
      2: vnDay(at(3)),
      3: p2.body.trackingCode,
      4: denouncer,
      5: `Tố cáo cán bộ thu tiền ${t}`,
      7: 'x',
      14: received(p2),
    }),
    formRow(15, {
      1: 3,
      2: vnDay(at(2)),
      3: p3.body.trackingCode,
      4: 'Hộ dân 6, Thôn 6 (và 5 người khác)',
      5: `Kiến nghị giá bồi thường mặt bằng ${t}`,
      8: 'x',
      9: 'x',
      14: received(p3),
    }),
    formRow(15, {
      1: 4,
      2: vnDay(at(1)),
      3: p4.body.trackingCode,
      4: 'Nguyễn Văn An, Thôn 1',
      5: `Khiếu nại bồi thường đất ${t}`,
      6: 'x',
      13: 'x',
      14: `Trùng hồ sơ ${p1.body.trackingCode} (${unitName})`,
    }),
  ];
  const petitionMerges = [
    'A1:O1',
    'A2:O2',
    'A3:A4',
    'B3:B4',
    'C3:C4',
    'D3:D4',
    'E3:E4',
    'F3:I3',
    'J3:M3',
    'N3:N4',
    'O3:O4',
  ];

  /** Sổ theo dõi xử lý đơn of commune 1 for today, as `token`'s holder, with a reason to open identities or none. */
  const petitionRegister = (token: string, reason?: string) =>
    fetchXlsx(
      `/api/v1/registers/petitions?unitId=${h.org.communeId}&${period}${reason ? `&reason=${encodeURIComponent(reason)}` : ''}`,
      token,
    ).expect(200);
  const sealed = await petitionRegister(leader);
  expect(sealed.headers['content-type']).toContain('spreadsheetml');
  expect(sealed.headers['cache-control']).toBe('no-store');
  const expectedSealed = await handMade([...petitionHeadings, ...petitionRows('công dân')], petitionMerges);
  expect(contentOf(await sheetOf(sealed.body), 9)).toEqual(contentOf(expectedSealed, 9));

  // A supervisor without a grant asks with a reason: still “công dân”, nothing opened.
  const notEntitled = await petitionRegister(supervisor, 'kiểm tra sổ');
  expect(contentOf(await sheetOf(notEntitled.body), 9)).toEqual(contentOf(expectedSealed, 9));
  expect(await h.db.prisma.identityAccess.count({ where: { petitionId: p2.body.id } })).toBe(0);

  // The unit's leader, entitled, says why: the denouncer is named and the opening recorded.
  const opened = await petitionRegister(leader, 'đối chiếu hồ sơ');
  expect(contentOf(await sheetOf(opened.body), 9)).toEqual(
    contentOf(await handMade([...petitionHeadings, ...petitionRows('Trần Thị Bình, Xóm 2')], petitionMerges), 9),
  );
  expect(await h.db.prisma.identityAccess.findMany({ where: { petitionId: p2.body.id } })).toEqual([
    expect.objectContaining({ personId: h.org.communeLeader.id, reason: 'register: đối chiếu hồ sơ' }),
  ]);

  // Sổ tiếp công dân: Mẫu số 03 of Thông tư 04/2021/TT-TTCP, twelve numbered columns.
  const receptionExpected = await handMade(
    [
      ['SỔ TIẾP CÔNG DÂN', ...Array(11).fill(null)],
      [scope, ...Array(11).fill(null)],
      formRow(
        12,
        {
          1: 'STT',
          2: 'Ngày tiếp',
          3: 'Họ tên - Địa chỉ',
          4: 'CMND/Hộ chiếu của công dân',
          5: 'Nội dung vụ việc',
          6: 'Phân loại đơn/Số người',
          7: 'Cơ quan đã giải quyết',
          8: 'Hướng xử lý',
          11: 'Theo dõi kết quả giải quyết',
          12: 'Ghi chú',
        },
        null,
      ),
      formRow(
        12,
        {
          8: 'Thụ lý để giải quyết',
          9: 'Trả lại đơn và hướng dẫn',
          10: 'Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền',
        },
        null,
      ),
      Array.from({ length: 12 }, (_, i) => `(${i + 1})`),
      formRow(12, {
        1: 1,
        2: vnDay(sessionStart),
        3: 'Lê Văn Cường',
        5: 'Hỏi về chính sách hỗ trợ',
        9: 'x',
        12: 'Đã giải thích chính sách',
      }),
      formRow(12, { 1: 2, 2: vnDay(sessionStart), 3: 'công dân', 5: 'Tố cáo cán bộ', 6: 'Tố cáo/1', 11: received(p2) }),
      formRow(12, {
        1: 3,
        2: vnDay(at(4)),
        3: 'Nguyễn Văn An, Thôn 1',
        5: `Khiếu nại bồi thường đất ${t}`,
        6: 'Khiếu nại/1',
        11: received(p1),
      }),
      formRow(12, {
        1: 4,
        2: vnDay(at(2)),
        3: 'Hộ dân 6, Thôn 6 (và 5 người khác)',
        5: `Kiến nghị giá bồi thường mặt bằng ${t}`,
        6: 'Kiến nghị, phản ánh/6',
        11: received(p3),
      }),
    ],
    ['A1:L1', 'A2:L2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:J3', 'K3:K4', 'L3:L4'],
  );
  const reception = await fetchXlsx(`/api/v1/registers/reception?unitId=${h.org.communeId}&${period}`, leader).expect(
    200,
  );
  const got = await sheetOf(reception.body);
  expect(contentOf(got, 9)).toEqual(contentOf(receptionExpected, 9));
  expect(JSON.stringify(contentOf(got, 9))).not.toContain('Trần Thị Bình');
});

test('when the caller has no role over the unit, then its registers are refused', async () => {
  const other = await h.login(h.org.otherOfficer.username);
  await fetchXlsx(`/api/v1/registers/petitions?unitId=${h.org.communeId}&from=${today}&to=${today}`, other).expect(403);
  await fetchXlsx(`/api/v1/registers/reception?unitId=no-such-unit&from=${today}&to=${today}`, leader).expect(404);
  await fetchXlsx(`/api/v1/registers/reception?unitId=${h.org.communeId}`, leader).expect(400);
});
