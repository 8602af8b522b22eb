// Tracking on the portal without a browser: a first-time complaint answered, rated "not satisfied", shows
// the second-time path and its window; the code and secret only ever travel in the POST body.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
}, 120_000);

afterAll(async () => {
  for (const p of await h.db.prisma.petition.findMany())
    await h.client.workflow
      .getHandle(p.workflowId)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.stop();
});

test('when a first-time complainant is not satisfied with the answer, then the tracking page shows the second-time complaint and its last day', async () => {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const filed = await request(h.app)
    .post('/file')
    .type('form')
    .send({
      unitId: h.org.communeId,
      kind: 'complaint',
      field: 'land',
      subject: 'Khiếu nại quyết định thu hồi đất',
      body: 'Quyết định thu hồi đất vườn không bồi thường.',
      decision: 'Quyết định 5/QĐ-UBND',
      knownOn: today,
      fullName: 'Trần Văn Khiếu',
      phone: '0912 345 678',
    })
    .expect(201);
  const code = /data-testid="tracking-code">([^<]+)</.exec(filed.text)![1]!;
  const secret = /data-testid="tracking-secret">([^<]+)</.exec(filed.text)![1]!;
  const petition = await h.db.prisma.petition.findUniqueOrThrow({ where: { trackingCode: code } });
  const officer = await h.login(h.org.officer.username);
  const leader = await h.login(h.org.communeLeader.username);
  const act = (token: string, body: object) =>
    request(h.app).post(`/api/v1/petitions/${petition.id}/actions`).set(auth(token)).send(body);
  await eventually(async () => (await act(officer, { action: 'accept' })).status === 200 || undefined, {
    what: 'accepted',
  });
  await act(leader, { action: 'assign', assigneeId: h.org.officer.id }).expect(200);
  await act(leader, {
    action: 'resolve',
    summary: 'Giữ nguyên quyết định thu hồi',
    decision: aResolutionDecision(),
  }).expect(200);
  await act(officer, { action: 'reportBack', summary: 'Đã gửi quyết định giải quyết khiếu nại lần đầu' }).expect(200);
  await eventually(
    async () =>
      (await h.db.prisma.petition.findUniqueOrThrow({ where: { id: petition.id } })).stage === 'closed' || undefined,
    { what: 'closed' },
  );

  const wrong = await request(h.app).post('/track').type('form').send({ code, secret: 'WRONG' }).expect(404);
  expect(wrong.text).toContain('Không tìm thấy đơn với mã và mật mã này');
  const tracked = await request(h.app).post('/track').type('form').send({ code, secret }).expect(200);
  expect(tracked.headers['cache-control']).toBe('no-store');
  expect(tracked.text).toContain('Đã trả lời công dân');
  expect(tracked.text).toContain('Gửi đánh giá');
  const rated = await request(h.app)
    .post('/track/rating')
    .type('form')
    .send({ code, secret, satisfied: 'no', comment: 'Chưa thỏa đáng' })
    .expect(200);
  expect(rated.text).toContain('Khiếu nại lần hai');
  expect(rated.text).toMatch(/khiếu nại lần hai lên cơ quan cấp trên trước \d{4}-\d{2}-\d{2}/);
  expect(rated.text).not.toContain('Gửi đánh giá');
  expect(await h.db.prisma.petitionRating.findUniqueOrThrow({ where: { petitionId: petition.id } })).toMatchObject({
    satisfied: false,
    comment: 'Chưa thỏa đáng',
  });
  // Rated once only: the same post again changes nothing.
  await request(h.app).post('/track/rating').type('form').send({ code, secret, satisfied: 'yes' }).expect(409);
});
