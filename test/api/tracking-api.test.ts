// The citizen's view: tracking code + receipt secret, no login; only what was sent to the citizen;
// rating the answer; a limit against guessing.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;
let officer: string;
let leader: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader] = await Promise.all([h.login(h.org.officer.username), h.login(h.org.communeLeader.username)]);
});

afterAll(async () => {
  await h?.stop();
});

const act = (id: string, token: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);

async function register(kind = 'complaint') {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind,
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Khiếu nại cấp sổ đỏ',
      body: 'Nội dung chi tiết',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Đinh Thị Riêng Tư', phone: '0933444555', email: 'rieng.tu@example.test' }],
    })
    .expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt' },
  );
  return res.body as { id: string; trackingCode: string; trackingSecret: string };
}

const track = (code: string, secret?: string) =>
  request(h.app)
    .get(`/api/v1/track/${code}`)
    .set(secret ? { 'x-tracking-secret': secret } : {});

test('when the citizen looks up the receipt, then they see the stage and expected date and nothing internal', async () => {
  const p = await register();
  expect(p.trackingSecret).toMatch(/^[2-9A-Z]{6}$/);
  await act(p.id, officer, { action: 'accept', note: 'Ghi chú nội bộ: người này hay khiếu nại' });
  const res = await track(p.trackingCode, p.trackingSecret).expect(200);
  expect(res.body).toMatchObject({
    trackingCode: p.trackingCode,
    stage: 'accepted',
    stageLabel: { vi: 'Đã thụ lý', en: 'Accepted for handling' },
    expectedAnswerBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    canRate: false,
  });
  expect(res.body.decisions.map((d: { what: { en: string } }) => d.what.en)).toEqual(['Received', 'Accepted']);
  const text = JSON.stringify(res.body);
  for (const secret of ['Ghi chú nội bộ', 'Đinh Thị Riêng Tư', '0933444555', h.org.officer.id, 'Phạm Văn Cán'])
    expect(text).not.toContain(secret);
  // Lower case and the query parameter work too.
  await request(h.app)
    .get(`/api/v1/track/${p.trackingCode.toLowerCase()}?secret=${p.trackingSecret.toLowerCase()}`)
    .expect(200);
});

test('when the code or the secret is wrong, then the same 404, so codes cannot be probed', async () => {
  const p = await register();
  const wrong = await track(p.trackingCode, 'AAAAAA').expect(404);
  const unknown = await track('DV-2222-2222', p.trackingSecret).expect(404);
  const missing = await track(p.trackingCode).expect(404);
  expect(wrong.body.error.message).toBe(unknown.body.error.message);
  expect(missing.body.error.message).toBe(unknown.body.error.message);
});

test('when the answer was sent, then the citizen sees it and may rate it once; a dissatisfied complainant is shown the second-time path', async () => {
  const p = await register();
  const early = await request(h.app)
    .post(`/api/v1/track/${p.trackingCode}/rating`)
    .send({ secret: p.trackingSecret, satisfied: true })
    .expect(409);
  expect(early.body.error.code).toBe('IllegalTransition');
  await act(p.id, officer, { action: 'accept' });
  await act(p.id, leader, { action: 'assign', assigneeId: h.org.officer.id });
  await act(p.id, leader, {
    action: 'resolve',
    summary: 'Nội bộ: giữ nguyên quyết định số 12',
    decision: aResolutionDecision(),
  });
  await act(p.id, officer, { action: 'reportBack', summary: 'UBND xã giữ nguyên quyết định cấp giấy chứng nhận.' });
  const seen = await track(p.trackingCode, p.trackingSecret).expect(200);
  expect(seen.body).toMatchObject({ stage: 'closed', expectedAnswerBy: null, canRate: true });
  expect(seen.body.decisions.at(-1)).toMatchObject({
    what: { en: 'Answer sent' },
    text: 'UBND xã giữ nguyên quyết định cấp giấy chứng nhận.',
  });
  expect(JSON.stringify(seen.body)).not.toContain('Nội bộ');

  await request(h.app)
    .post(`/api/v1/track/${p.trackingCode}/rating`)
    .send({ secret: 'WRONG1', satisfied: false })
    .expect(404);
  await request(h.app).post(`/api/v1/track/${p.trackingCode}/rating`).send({ secret: p.trackingSecret }).expect(400);
  const rated = await request(h.app)
    .post(`/api/v1/track/${p.trackingCode}/rating`)
    .send({ secret: p.trackingSecret, satisfied: false, comment: 'Chưa thỏa đáng' })
    .expect(201);
  expect(rated.body).toMatchObject({
    recorded: true,
    secondTimeComplaint: {
      possible: true,
      filingWindowEndsAt: expect.any(String),
      howTo: { vi: expect.stringContaining('lần hai') },
    },
  });
  await request(h.app)
    .post(`/api/v1/track/${p.trackingCode}/rating`)
    .send({ secret: p.trackingSecret, satisfied: true })
    .expect(409);
  expect((await track(p.trackingCode, p.trackingSecret)).body).toMatchObject({
    canRate: false,
    rating: { satisfied: false },
  });
  const view = await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer)).expect(200);
  expect(view.body.timeline.at(-1)).toMatchObject({
    type: 'citizenRating',
    note: 'Chưa thỏa đáng',
    data: { satisfied: false },
  });
});

test('when lookups come too fast from one address, then 429 with Retry-After', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) statuses.push((await track('DV-2222-2222', 'AAAAAA')).status);
  expect(statuses.slice(0, 5).every((s) => s === 404)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const limited = await track('DV-2222-2222', 'AAAAAA').expect(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(limited.body.error.code).toBe('TooManyRequests');
});
