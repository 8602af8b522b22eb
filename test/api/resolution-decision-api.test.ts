// A case's resolution as a written document: the resolve action takes its number, date signed, signer and
// title (required for a complaint, refused field by field in Vietnamese and English when wrong), the case and
// its decisions list show them, and the resolution prints as a one-page PDF in the administrative layout —
// read by a PDF parser: the motto, the number, the place and date, the article of law, the signer — that
// never names a denouncer, downloaded with the case's read access.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { pdfText } from '../support/pdf-text';
import { aResolutionDecision } from '../support/resolution';
import { DAY_MS } from '../../src/domain/calendar/day';
import { vietnameseDate } from '../../src/petitions/decisions/administrative-pdf';

let h: ApiHarness;
let officer: string;
let leader: string;
let supervisor: string;
let otherOfficer: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor, otherOfficer] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.supervisor.username),
    h.login(h.org.otherOfficer.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const act = (id: string, token: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body);

const binary = (url: string, token: string) =>
  request(h.app)
    .get(url)
    .set(auth(token))
    .buffer(true)
    .parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(null, Buffer.concat(parts)));
    });

/** A case of `kind` received `daysAgo` days ago, accepted and assigned: ready to be resolved. */
async function assignedCase(kind: string, petitioner: object, daysAgo = 3) {
  const created = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind,
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: kind === 'denunciation' ? 'officials_conduct' : 'land',
      subject: kind === 'denunciation' ? 'Tố cáo cán bộ địa chính' : 'Khiếu nại quyết định bồi thường',
      body: '…',
      receivedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      petitioners: [petitioner],
    })
    .expect(201);
  const id: string = created.body.id;
  await act(id, officer, { action: 'accept' }).expect(200);
  await act(id, leader, { action: 'assign', assigneeId: h.org.officer.id }).expect(200);
  return { id, trackingCode: created.body.trackingCode as string };
}

const fieldErrors = (res: request.Response) =>
  (res.body.error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]);

test('when a complaint is resolved, then its written record is required and checked field by field, and the case is unchanged by a refusal', async () => {
  const { id } = await assignedCase('complaint', { fullName: 'Lê Thị Khiếu' });
  const refused = async (decision?: object) => {
    const res = await act(id, leader, { action: 'resolve', summary: 'Giữ nguyên', ...(decision ? { decision } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationFailed');
    return fieldErrors(res);
  };
  expect(await refused()).toEqual([
    ['decision', expect.stringMatching(/Luật Khiếu nại 2011 Đ\.31.* \/ a complaint is resolved by a written decision/)],
  ]);
  expect(await refused(aResolutionDecision({ number: 'QĐ-125' }))).toEqual([
    [
      'decision.number',
      'số văn bản không hợp lệ: dạng "125/QĐ-UBND" / the document number is not valid: write it as "125/QĐ-UBND"',
    ],
  ]);
  expect(await refused(aResolutionDecision({}, Date.now() + 2 * DAY_MS))).toEqual([
    ['decision.date', 'ngày ký không được ở tương lai / the date signed must not be in the future'],
  ]);
  expect(await refused(aResolutionDecision({}, Date.now() - 10 * DAY_MS))).toEqual([
    [
      'decision.date',
      'ngày ký không được trước ngày nhận đơn / the date signed must not be before the petition was received',
    ],
  ]);
  expect(await refused(aResolutionDecision({ date: '2026-02-30' }))).toEqual([['decision.date', expect.any(String)]]);
  expect(await refused({ ...aResolutionDecision(), signerTitle: '  ' })).toEqual([
    ['decision.signerTitle', expect.any(String)],
  ]);
  const view = await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(officer)).expect(200);
  expect(view.body).toMatchObject({ stage: 'assigned', resolution: null });
  // The role is the workflow's to refuse: an officer may not resolve, whatever the record.
  expect(
    (await act(id, officer, { action: 'resolve', summary: 'Giữ nguyên', decision: aResolutionDecision() })).status,
  ).toBe(403);
});

test('when a complaint is resolved with its record, then the case and its decisions show it, and it prints as a decision in the administrative layout for those who may read the case', async () => {
  const { id, trackingCode } = await assignedCase('complaint', { fullName: 'Lê Thị Khiếu', phone: '0912000111' });
  const record = aResolutionDecision({
    number: ' 125/QĐ-UBND ',
    signer: 'Trần Thị Xã',
    signerTitle: 'Chủ tịch',
  });
  const resolved = await act(id, leader, {
    action: 'resolve',
    summary: 'Giữ nguyên quyết định bồi thường số 12 vì đúng quy định',
    decision: record,
  }).expect(200);
  expect(resolved.body).toMatchObject({
    stage: 'resolved',
    resolution: { ...record, number: '125/QĐ-UBND' },
  });

  const pdfUrl = `/api/v1/petitions/${id}/decisions/resolution/pdf`;
  const shown = {
    id: 'resolution',
    number: '125/QĐ-UBND',
    date: record.date,
    signer: 'Trần Thị Xã',
    signerTitle: 'Chủ tịch',
    summary: 'Giữ nguyên quyết định bồi thường số 12 vì đúng quy định',
    decidedAt: expect.any(String),
    pdfUrl,
  };
  expect((await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(officer)).expect(200)).body.resolution).toEqual(
    shown,
  );
  const listed = await request(h.app).get(`/api/v1/petitions/${id}/decisions`).set(auth(supervisor)).expect(200);
  expect(listed.body).toEqual({ items: [], resolution: shown });

  const pdf = await binary(pdfUrl, officer).expect(200);
  expect(pdf.headers).toMatchObject({ 'content-type': 'application/pdf', 'cache-control': 'no-store' });
  expect(pdf.headers['content-disposition']).toContain(`quyet-dinh-giai-quyet-${trackingCode}.pdf`);
  const { text, total } = await pdfText(pdf.body);
  expect(total).toBe(1);
  const commune = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.communeId } });
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 125/QĐ-UBND',
    // The place is the commune's, from its name ("Xã An Bình <tag>"), before the date signed.
    `${commune.name.replace(/^Xã /, '')}, ${vietnameseDate(record.date)}`,
    'QUYẾT ĐỊNH',
    'Về việc giải quyết khiếu nại lần đầu',
    'Căn cứ Điều 31 Luật Khiếu nại',
    `Xét đơn khiếu nại của công dân, hồ sơ số ${trackingCode}`,
    'Điều 1. Giữ nguyên quyết định bồi thường số 12 vì đúng quy định.',
    'khiếu nại lần hai',
    'Người khiếu nại (công dân)',
    'CHỦ TỊCH',
    'Trần Thị Xã',
  ])
    expect(flat).toContain(expected);
  expect(flat).not.toContain('Lê Thị Khiếu');

  // The read access of the case: its supervisor may print it, an officer of another commune may not.
  await binary(pdfUrl, supervisor).expect(200);
  await binary(pdfUrl, otherOfficer).expect(403);
});

test('when a denunciation is resolved with its record, then its conclusion prints with the denouncer only as “công dân”; resolved without one, it has no print', async () => {
  const denouncer = { fullName: 'Người Tố Cáo Kín', phone: '0977000999', address: 'Xóm Bí Mật' };
  const sealed = await assignedCase('denunciation', denouncer);
  await act(sealed.id, leader, {
    action: 'resolve',
    summary: 'Tố cáo đúng một phần; kiến nghị kiểm điểm cán bộ',
    decision: aResolutionDecision({ number: '12/KL-UBND', signer: 'Trần Thị Xã', signerTitle: 'Chủ tịch' }),
  }).expect(200);
  const pdf = await binary(`/api/v1/petitions/${sealed.id}/decisions/resolution/pdf`, leader).expect(200);
  const flat = (await pdfText(pdf.body)).text.replace(/\s+/g, ' ');
  for (const expected of [
    'Số: 12/KL-UBND',
    'KẾT LUẬN',
    'Nội dung tố cáo',
    'Căn cứ Điều 35 Luật Tố cáo',
    'Xét đơn tố cáo của công dân',
    'Người tố cáo (công dân)',
  ])
    expect(flat).toContain(expected);
  for (const secret of [denouncer.fullName, denouncer.phone, denouncer.address]) {
    expect(flat).not.toContain(secret);
    expect(pdf.body.includes(Buffer.from(secret))).toBe(false);
  }

  // Optional for a denunciation: resolved without a record, it is listed without a number and prints nothing.
  const plain = await assignedCase('denunciation', { fullName: 'Người Tố Cáo Khác' });
  await act(plain.id, leader, { action: 'resolve', summary: 'Tố cáo không đúng' }).expect(200);
  const listed = await request(h.app).get(`/api/v1/petitions/${plain.id}/decisions`).set(auth(officer)).expect(200);
  expect(listed.body.resolution).toMatchObject({ id: 'resolution', number: null, signer: null, pdfUrl: null });
  await binary(`/api/v1/petitions/${plain.id}/decisions/resolution/pdf`, officer).expect(404);
});
