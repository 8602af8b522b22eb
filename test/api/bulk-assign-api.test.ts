// POST /petitions/bulk-assign on real parts: each case answered on its own, the single assign's checks
// applied to each, and a repeat with the same Idempotency-Key assigning nothing twice.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherLeader: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherLeader] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherCommuneLeader.username),
  ]);
});
afterAll(async () => {
  await h?.stop();
});

async function create(unitId = h.org.communeId, token = officer): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(token))
    .send({
      kind: 'complaint',
      receivingUnitId: unitId,
      channel: 'in_person',
      field: 'land',
      subject: 'Khiếu nại giao đất',
      body: 'Nội dung',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Hồ Văn Giao' }],
    })
    .expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    {
      what: 'the receipt',
    },
  );
  return res.body.id as string;
}

async function accept(id: string, token = leader): Promise<void> {
  await request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send({ action: 'accept' }).expect(200);
}

test('when a leader assigns a mixed batch, then each case has its own outcome and the assigned ones are assigned once, even when the request is repeated', async () => {
  const [a, b, received, elsewhere] = await Promise.all([
    create(),
    create(),
    create(),
    h.login(h.org.otherOfficer.username).then((t) => create(h.org.otherCommuneId, t)),
  ]);
  await Promise.all([accept(a), accept(b), accept(elsewhere, otherLeader)]);
  const body = { petitionIds: [a, 'no-such-case', received, elsewhere, b, a], assigneeId: h.org.officer.id };
  const key = `bulk-${Date.now()}`;
  const first = await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .set('Idempotency-Key', key)
    .send(body)
    .expect(200);
  const outcomes = Object.fromEntries(
    (first.body.items as { petitionId: string; outcome: string; code?: string }[]).map((i) => [
      i.petitionId,
      `${i.outcome}${i.code ? `:${i.code}` : ''}`,
    ]),
  );
  expect(outcomes).toEqual({
    [a]: 'assigned',
    [b]: 'assigned',
    'no-such-case': 'notFound',
    [received]: 'refused:IllegalTransition',
    [elsewhere]: 'refused:Forbidden',
  });
  expect(first.body.items.map((i: { petitionId: string }) => i.petitionId)).toEqual([
    a,
    'no-such-case',
    received,
    elsewhere,
    b,
  ]);
  expect(first.body.counts).toEqual({ assigned: 2, pending: 0, notFound: 1, refused: 2, failed: 0 });
  for (const id of [a, b])
    expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(h.org.officer.id);
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id: elsewhere } })).assigneeId).toBeNull();

  const again = await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .set('Idempotency-Key', key)
    .send(body)
    .expect(200);
  expect(again.body.counts).toEqual(first.body.counts);
  for (const id of [a, b])
    expect(await h.db.prisma.petitionEvent.count({ where: { petitionId: id, type: 'assign' } })).toBe(1);
});

test('when an officer (who may not assign) or an ineligible assignee is asked for, then each case is refused with the single action’s reason', async () => {
  const id = await create();
  await accept(id);
  const byOfficer = await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(officer))
    .send({ petitionIds: [id], assigneeId: h.org.officer.id })
    .expect(200);
  expect(byOfficer.body.items[0]).toMatchObject({ petitionId: id, outcome: 'refused' });
  const single = await request(h.app)
    .post(`/api/v1/petitions/${id}/actions`)
    .set(auth(officer))
    .send({ action: 'assign', assigneeId: h.org.officer.id });
  expect(byOfficer.body.items[0].code).toBe(single.body.error.code);

  const wrongAssignee = await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .send({ petitionIds: [id], assigneeId: h.org.otherOfficer.id })
    .expect(200);
  expect(wrongAssignee.body.items[0]).toMatchObject({ outcome: 'refused', code: 'ValidationFailed' });
  expect(wrongAssignee.body.items[0].message).toMatch(/assigneeId: not an active officer or leader/);
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
});

test('when the batch is empty, too large or has no assignee, then 400 and nothing is assigned', async () => {
  await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .send({ petitionIds: [], assigneeId: h.org.officer.id })
    .expect(400);
  const tooMany = await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .send({ petitionIds: Array.from({ length: 101 }, (_, i) => `x${i}`), assigneeId: h.org.officer.id })
    .expect(400);
  expect(tooMany.body.error.details[0].path).toBe('petitionIds');
  await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .set(auth(leader))
    .send({ petitionIds: ['x'] })
    .expect(400);
  await request(h.app)
    .post('/api/v1/petitions/bulk-assign')
    .send({ petitionIds: ['x'], assigneeId: 'y' })
    .expect(401);
});

test('the OpenAPI document describes bulk assign with its Idempotency-Key and per-item outcomes', async () => {
  const doc = (await request(h.app).get('/api/v1/openapi.json').expect(200)).body;
  const op = doc.paths['/petitions/bulk-assign'].post;
  expect(op.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
  expect(JSON.stringify(op.responses['200'])).toContain('notFound');
  const list = doc.paths['/petitions'].get.parameters.map((p: { name: string }) => p.name);
  expect(list).toEqual(expect.arrayContaining(['petitioner', 'sort']));
});
