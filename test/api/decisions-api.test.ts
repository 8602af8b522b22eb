// A denunciation's extension decision, printed: listed with its number, date, signer and the due time it
// moved; its PDF is one A4 page in the administrative layout whose text (read back by a PDF parser) carries
// the motto, the number, the article of the law, the case and the signer — and never the denouncer's name.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { pdfText } from '../support/pdf-text';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherOfficer: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherOfficer] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherOfficer.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const act = (id: string, token: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);

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

test('an approved extension is listed and prints as a one-page decision that names no denouncer', async () => {
  const created = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'denunciation',
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: 'land',
      subject: 'Tố cáo sai phạm đất đai',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Người Tố Cáo Kín', phone: '0977000999' }],
    })
    .expect(201);
  const id: string = created.body.id;
  expect((await request(h.app).get(`/api/v1/petitions/${id}/decisions`).set(auth(officer)).expect(200)).body).toEqual({
    items: [],
    resolution: null,
  });
  await act(id, officer, { action: 'accept' });
  await act(id, officer, { action: 'setFlags', complex: true, reason: 'Phức tạp' });
  await act(id, officer, { action: 'requestExtension', days: 30, reason: 'Cần xác minh thêm tại hai địa bàn' });
  await act(id, leader, {
    action: 'decideExtension',
    approve: true,
    reason: 'Đồng ý gia hạn',
    decision: { number: '27/QĐ-UBND', date: '2026-12-01', signer: 'Lê Văn Chủ Tịch' },
  });

  const listed = await request(h.app).get(`/api/v1/petitions/${id}/decisions`).set(auth(officer)).expect(200);
  expect(listed.body.items).toEqual([
    expect.objectContaining({
      number: '27/QĐ-UBND',
      date: '2026-12-01',
      signer: 'Lê Văn Chủ Tịch',
      days: 30,
      dueTo: expect.any(String),
      pdfUrl: `/api/v1/petitions/${id}/decisions/${listed.body.items[0].id}/pdf`,
    }),
  ]);

  const pdf = await binary(listed.body.items[0].pdfUrl, officer).expect(200);
  expect(pdf.headers).toMatchObject({ 'content-type': 'application/pdf', 'cache-control': 'no-store' });
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  const { text, total } = await pdfText(pdf.body);
  expect(total).toBe(1);
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 27/QĐ-UBND',
    // The decision's own date line (capitalised: no place name before it); the case's received date is another day after midnight.
    'Ngày 01 tháng 12 năm 2026',
    'QUYẾT ĐỊNH',
    'Về việc gia hạn thời hạn giải quyết tố cáo',
    'Căn cứ Điều 30 Luật Tố cáo',
    created.body.trackingCode,
    'thêm 30 ngày',
    'Xét đề nghị gia hạn: Cần xác minh thêm tại hai địa bàn.',
    'tố cáo (công dân)',
    'Lê Văn Chủ Tịch',
  ])
    expect(flat).toContain(expected);
  expect(flat).not.toContain('Người Tố Cáo Kín');
  expect(pdf.body.includes(Buffer.from('Người Tố Cáo Kín'))).toBe(false);

  // The same read access as the case: an officer of another commune is refused; an unknown decision is 404.
  await binary(listed.body.items[0].pdfUrl, otherOfficer).expect(403);
  await binary(`/api/v1/petitions/${id}/decisions/nope/pdf`, officer).expect(404);
});
