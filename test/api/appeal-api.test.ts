// A second-time complaint over HTTP on real Temporal: a linked case at the level above, with the
// second-time clock (45 days from acceptance, Đ.37).
import request from 'supertest';
import { computeDeadline } from '../../src/domain/calendar/deadline';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;
let officer: string;
let leader: string;
let provinceLeader: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, provinceLeader] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.provinceLeader.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const act = (id: string, token: string, body: object, status = 200) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(status);

async function firstComplaint() {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Khiếu nại quyết định bồi thường',
      body: 'Không đồng ý mức bồi thường.',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Lò Văn Khiếu', email: 'lo.khieu@example.test' }],
    })
    .expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt' },
  );
  return res.body.id as string;
}

test('when the complainant rejects the first decision, then a linked second-time case opens at the province with the 45-day clock', async () => {
  const id = await firstComplaint();
  // Not decided and not lapsed yet: no second-time complaint.
  const early = await request(h.app)
    .post(`/api/v1/petitions/${id}/appeal`)
    .set(auth(provinceLeader))
    .send({ reason: 'Không đồng ý' })
    .expect(409);
  expect(early.body.error.message).toMatch(/first-time decision/);

  await act(id, officer, { action: 'accept' });
  await act(id, leader, { action: 'assign', assigneeId: h.org.officer.id });
  await act(id, leader, {
    action: 'resolve',
    summary: 'Giữ nguyên quyết định bồi thường',
    decision: aResolutionDecision(),
  });

  await request(h.app)
    .post(`/api/v1/petitions/${id}/appeal`)
    .set(auth(officer))
    .send({ reason: 'Không đồng ý' })
    .expect(403);
  await request(h.app).post(`/api/v1/petitions/${id}/appeal`).set(auth(provinceLeader)).send({}).expect(400);
  const appeal = await request(h.app)
    .post(`/api/v1/petitions/${id}/appeal`)
    .set(auth(provinceLeader))
    .send({ reason: 'Người khiếu nại không đồng ý với quyết định lần đầu' })
    .expect(201);
  expect(appeal.body).toMatchObject({ unitId: h.org.provinceId, round: 2, appealOf: { id }, trigger: 'decision' });

  const first = await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(officer)).expect(200);
  expect(first.body.appeals).toEqual([
    { id: appeal.body.id, trackingCode: appeal.body.trackingCode, unitId: h.org.provinceId },
  ]);
  const second = await request(h.app).get(`/api/v1/petitions/${appeal.body.id}`).set(auth(provinceLeader)).expect(200);
  expect(second.body).toMatchObject({
    round: 2,
    appealOf: { id },
    unit: { id: h.org.provinceId },
    petitioners: [{ fullName: 'Lò Văn Khiếu' }],
  });
  await request(h.app).get(`/api/v1/petitions/${appeal.body.id}`).set(auth(officer)).expect(403);

  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: appeal.body.id, type: 'received' } }),
    { what: 'the second receipt' },
  );
  const accepted = await act(appeal.body.id, provinceLeader, { action: 'accept' });
  const start = Date.parse(accepted.body.clock.startedAt);
  const due45 = computeDeadline(
    { startMs: start, limit: 45, unit: 'days' },
    workingCalendarFrom([], defaultCalendarYear),
  ).dueAtMs;
  expect(Date.parse(accepted.body.clock.dueAt)).toBe(due45);

  const again = await request(h.app)
    .post(`/api/v1/petitions/${id}/appeal`)
    .set(auth(provinceLeader))
    .send({ reason: 'Lần nữa' })
    .expect(409);
  expect(again.body.error.message).toMatch(/already/);
});
