// GET /petitions?escalatedToMe / ?remindedMe: the console's two ladder queues as API filters, over ladder
// events seeded as the workflow records them (workflows/petition/notices.ts), and their OpenAPI entries.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
const ids: Record<string, string> = {};

/** A case in a commune with one ladder event; `closed` for one the queues leave out once `open=true`. */
async function seed(name: string, unitId: string, type: string, data: object, closed = false): Promise<void> {
  const id = randomUUID();
  ids[name] = id;
  await h.db.prisma.petition.create({
    data: {
      id,
      trackingCode: `DV-A${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      kind: 'complaint',
      channel: 'post',
      field: 'land',
      subject: name,
      body: 'b',
      receivingUnitId: unitId,
      unitId,
      receivedAt: new Date('2026-10-01T03:00:00Z'),
      createdById: h.org.officer.id,
      workflowId: `seed-${id}`,
      closedAt: closed ? new Date('2026-11-25T03:00:00Z') : null,
      stage: closed ? 'resolved' : 'assigned',
      events: { create: { key: `seed-${id}`, type, at: new Date('2026-11-20T03:00:00Z'), data } },
    },
  });
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((p) => p.id).sort();
const expected = (...names: string[]) => names.map((n) => ids[n]!).sort();

beforeAll(async () => {
  h = await startApiHarness();
  const { communeId, otherCommuneId, provinceId, provinceLeader, communeLeader, officer } = h.org;
  await seed('mailed', communeId, 'escalated', { toUnitId: provinceId, recipientIds: [provinceLeader.id] });
  await seed('toUnit', otherCommuneId, 'escalated', { toUnitId: provinceId, recipientIds: [] });
  await seed(
    'closedEscalated',
    communeId,
    'escalated',
    { toUnitId: provinceId, recipientIds: [provinceLeader.id] },
    true,
  );
  await seed('leaderReminded', communeId, 'reminder', { rung: 'leaderReminder', recipientIds: [communeLeader.id] });
  await seed('officerReminded', communeId, 'reminder', { rung: 'officerReminder', recipientIds: [officer.id] });
  // Named in another field: only recipientIds says whom the rung told.
  await seed('noRecipient', communeId, 'reminder', { rung: 'leaderReminder', toUnitId: communeId, recipientIds: [] });
});
afterAll(async () => {
  await h?.stop();
});

test('when a breach was escalated to the province leader or his unit, then escalatedToMe finds both, and open=true leaves the closed one out', async () => {
  const token = await h.login(h.org.provinceLeader.username);
  const all = await request(h.app).get('/api/v1/petitions?escalatedToMe=true').set(auth(token)).expect(200);
  expect(idsOf(all.body)).toEqual(expected('mailed', 'toUnit', 'closedEscalated'));
  const open = await request(h.app).get('/api/v1/petitions?escalatedToMe=true&open=true').set(auth(token)).expect(200);
  expect(idsOf(open.body)).toEqual(expected('mailed', 'toUnit'));
  expect(open.body.total).toBe(2);
  // false is no filter, as for mine=false.
  const unfiltered = await request(h.app).get('/api/v1/petitions?escalatedToMe=false').set(auth(token)).expect(200);
  expect(unfiltered.body.total).toBe(6);
  const reminded = await request(h.app).get('/api/v1/petitions?remindedMe=true').set(auth(token)).expect(200);
  expect(reminded.body.items).toEqual([]);
});

test('when a leader and an officer were reminded, then remindedMe finds each one their own case', async () => {
  const [leader, officer, other] = await Promise.all([
    h.login(h.org.communeLeader.username),
    h.login(h.org.officer.username),
    h.login(h.org.otherCommuneLeader.username),
  ]);
  const forLeader = await request(h.app)
    .get('/api/v1/petitions?remindedMe=true&open=true')
    .set(auth(leader))
    .expect(200);
  expect(idsOf(forLeader.body)).toEqual(expected('leaderReminded'));
  const forOfficer = await request(h.app).get('/api/v1/petitions?remindedMe=true').set(auth(officer)).expect(200);
  expect(idsOf(forOfficer.body)).toEqual(expected('officerReminded'));
  // The commune leader leads the commune, not the province the escalations went to.
  const escalated = await request(h.app).get('/api/v1/petitions?escalatedToMe=true').set(auth(leader)).expect(200);
  expect(escalated.body.items).toEqual([]);
  // The other commune's leader reads "toUnit" (his commune's case) but it was escalated above him.
  const elsewhere = await request(h.app).get('/api/v1/petitions?escalatedToMe=true').set(auth(other)).expect(200);
  expect(elsewhere.body.items).toEqual([]);
});

test('when a filter is not true or false, then 400; both filters are in the OpenAPI document', async () => {
  const token = await h.login(h.org.provinceLeader.username);
  const bad = await request(h.app).get('/api/v1/petitions?remindedMe=yes').set(auth(token)).expect(400);
  expect(bad.body.error.code).toBe('ValidationFailed');
  const doc = await request(h.app).get('/api/v1/openapi.json').expect(200);
  const params = (
    doc.body.paths['/petitions'].get.parameters as { name: string; schema: { description?: string } }[]
  ).filter((p) => p.name === 'escalatedToMe' || p.name === 'remindedMe');
  expect(params.map((p) => p.name).sort()).toEqual(['escalatedToMe', 'remindedMe']);
  for (const p of params) expect(p.schema.description).toMatch(/reminder ladder/);
});
