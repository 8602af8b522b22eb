// The HTTP edge on real parts: validation errors, 401/403/404/409, idempotent create, listing and history.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherOfficer: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherOfficer, supervisor] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherOfficer.username),
    h.login(h.org.supervisor.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

function petitionBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    receivingUnitId: h.org.communeId,
    channel: 'in_person',
    field: 'land',
    subject: 'Khiếu nại quyết định thu hồi đất',
    body: 'Gia đình tôi không đồng ý với mức bồi thường.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: 'Trịnh Văn Khiếu', email: 'khieu@example.test', phone: '0901234567' }],
    ...overrides,
  };
}

/** An action on a petition, as `token`'s holder: the request, for the test to expect its status. */
const act = (id: string, token: string, body: Record<string, unknown>) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body);

const register = (token: string) => request(h.app).post('/api/v1/petitions').set(auth(token));

async function create(token = officer, overrides: Record<string, unknown> = {}) {
  const res = await register(token).send(petitionBody(overrides)).expect(201);
  // The workflow records the receipt right after it starts; tests read the timeline after that.
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt event' },
  );
  return res.body as { id: string; trackingCode: string; workflowId: string };
}

describe('sign-in', () => {
  test('when the password is wrong, then 401 with the error model', async () => {
    const res = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ username: h.org.officer.username, password: 'nope' })
      .expect(401);
    expect(res.body.error).toMatchObject({ code: 'Unauthenticated', requestId: expect.any(String) });
  });

  test('when no token is sent, then every petition route answers 401', async () => {
    await request(h.app).get('/api/v1/petitions').expect(401);
    await request(h.app).post('/api/v1/petitions').send(petitionBody()).expect(401);
    await request(h.app).get('/api/v1/petitions/x').set({ authorization: 'Bearer forged' }).expect(401);
  });
});

describe('registering a petition', () => {
  test('when the body is invalid, then 400 lists each field and nothing is written', async () => {
    const before = await h.db.prisma.petition.count();
    const res = await register(officer)
      .send(petitionBody({ kind: 'gossip', petitioners: [], receivedAt: 'yesterday', subject: '' }))
      .expect(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['kind', 'petitioners', 'receivedAt', 'subject']);
    expect(await h.db.prisma.petition.count()).toBe(before);
  });

  test('when the JSON is malformed, then 400', async () => {
    const res = await register(officer).set('content-type', 'application/json').send('{"kind":').expect(400);
    expect(res.body.error.code).toBe('ValidationFailed');
  });

  test('when the unit does not exist, then 400 on receivingUnitId', async () => {
    const res = await register(officer)
      .send(petitionBody({ receivingUnitId: 'nowhere' }))
      .expect(400);
    expect(res.body.error.details).toEqual([{ path: 'receivingUnitId', message: 'no such unit' }]);
  });

  test('when an officer registers for another commune, then 403 names the missing role', async () => {
    const res = await register(otherOfficer).send(petitionBody()).expect(403);
    expect(res.body.error.message).toMatch(/officer or leader/);
  });

  test('when the same Idempotency-Key is sent twice, then one petition and one workflow exist', async () => {
    const key = `idem-${Date.now()}`;
    const first = await register(officer).set('Idempotency-Key', key).send(petitionBody()).expect(201);
    const second = await register(officer).set('Idempotency-Key', key).send(petitionBody()).expect(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await h.db.prisma.petition.count({ where: { idempotencyKey: key } })).toBe(1);
    const description = await h.client.workflow.getHandle(first.body.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(first.body.trackingCode).toMatch(/^DV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });
});

describe('acting on a petition', () => {
  test('when the id is unknown, then 404 for reads and actions', async () => {
    await request(h.app).get('/api/v1/petitions/00000000-0000-0000-0000-000000000000').set(auth(officer)).expect(404);
    await request(h.app)
      .post('/api/v1/petitions/00000000-0000-0000-0000-000000000000/actions')
      .set(auth(officer))
      .send({ action: 'accept' })
      .expect(404);
  });

  test('when an action is illegal in the stage, then 409 and the petition is unchanged', async () => {
    const p = await create();
    const res = await act(p.id, leader, {
      action: 'resolve',
      summary: 'Giải quyết xong',
      decision: aResolutionDecision(),
    }).expect(409);
    expect(res.body.error.code).toBe('IllegalTransition');
    const view = await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer)).expect(200);
    expect(view.body.stage).toBe('received');
    expect(view.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received']);
  });

  test('when the role is wrong, then 403; when a supervisor tries to act, then 403', async () => {
    const p = await create();
    await act(p.id, officer, { action: 'accept' }).expect(200);
    const res = await act(p.id, officer, { action: 'assign', assigneeId: h.org.officer.id }).expect(403);
    expect(res.body.error.message).toMatch(/leader/);
    await act(p.id, supervisor, { action: 'withdraw', reason: 'thử quyền' }).expect(403);
  });

  test('when an action body is incomplete, then 400 before anything reaches the workflow', async () => {
    const p = await create();
    const res = await act(p.id, officer, { action: 'forward' }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['reason', 'toUnitId']);
    await act(p.id, officer, { action: 'fly' }).expect(400);
  });

  test('when a petition goes through its stages, then the view shows stage, assignee, deadline and who did what', async () => {
    const p = await create();
    await act(p.id, officer, { action: 'accept' }).expect(200);
    const assigned = await act(p.id, leader, { action: 'assign', assigneeId: h.org.officer.id }).expect(200);
    expect(assigned.body).toMatchObject({ stage: 'assigned', assigneeId: h.org.officer.id });
    const view = await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer)).expect(200);
    expect(view.body).toMatchObject({
      stage: 'assigned',
      assignee: { id: h.org.officer.id },
      nextDeadline: { clock: 'resolution', overdue: false, nextReminder: { at: expect.any(String) } },
    });
    expect(
      view.body.timeline.map((e: { type: string; actor: { id: string } | null }) => [e.type, e.actor?.id]),
    ).toEqual([
      ['received', h.org.officer.id],
      ['accept', h.org.officer.id],
      ['assign', h.org.communeLeader.id],
    ]);
    await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(otherOfficer)).expect(403);

    const history = await request(h.app).get(`/api/v1/petitions/${p.id}/history`).set(auth(supervisor)).expect(200);
    const types = history.body.temporal.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('WORKFLOW_EXECUTION_STARTED');
    expect(types).toContain('WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
    expect(
      history.body.temporal.events.some(
        (e: { summary: string }) => e.summary === 'update action accepted action=assign',
      ),
    ).toBe(true);
    expect(history.body.timeline).toHaveLength(3);
  });

  test("when a denunciation is read, then the denouncer is 'công dân' unless an entitled person opens it with a reason, which is recorded", async () => {
    const p = await create(officer, {
      kind: 'denunciation',
      petitioners: [{ fullName: 'Người Tố Cáo Bí Mật', phone: '0977000111' }],
    });
    const plain = await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer)).expect(200);
    expect(plain.body.petitioners).toEqual([
      { fullName: 'công dân', phone: null, email: null, address: null, identitySealed: true },
    ]);
    await request(h.app).get(`/api/v1/petitions/${p.id}?revealIdentity=true`).set(auth(officer)).expect(400);
    const opened = await request(h.app)
      .get(`/api/v1/petitions/${p.id}?revealIdentity=true&reason=${encodeURIComponent('Xác minh nội dung tố cáo')}`)
      .set(auth(officer))
      .expect(200);
    expect(opened.body.petitioners[0]).toMatchObject({ fullName: 'Người Tố Cáo Bí Mật', phone: '0977000111' });
    const asSupervisor = await request(h.app)
      .get(`/api/v1/petitions/${p.id}?revealIdentity=true&reason=kiem%20tra`)
      .set(auth(supervisor))
      .expect(403);
    expect(asSupervisor.body.error.message).toMatch(/assigned officer/);
    const log = await h.db.prisma.identityAccess.findMany({ where: { petitionId: p.id } });
    expect(log).toEqual([expect.objectContaining({ personId: h.org.officer.id, reason: 'Xác minh nội dung tố cáo' })]);
    const row = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: p.id } });
    expect(row).toMatchObject({ fullName: 'công dân', phone: null, sealedIdentity: expect.any(String) });
  });
});

test('when an extension breaks the law, then 409 ExtensionRefused with the reason; a valid one moves the deadline', async () => {
  const p = await create(officer, { kind: 'denunciation', petitioners: [{ fullName: 'Ẩn Danh' }] });
  await act(p.id, officer, { action: 'accept' }).expect(200);
  const refused = await act(p.id, officer, {
    action: 'requestExtension',
    days: 30,
    reason: 'Cần thêm thời gian',
  }).expect(409);
  expect(refused.body.error).toMatchObject({ code: 'ExtensionRefused', message: expect.stringContaining('Đ.30') });
  await act(p.id, officer, { action: 'setFlags', complex: true, reason: 'Phức tạp' }).expect(200);
  await act(p.id, officer, { action: 'requestExtension', days: 30, reason: 'Xác minh thêm' }).expect(200);
  await act(p.id, leader, { action: 'decideExtension', approve: true, reason: 'Đồng ý' }).expect(400);
  const before = (await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer))).body.nextDeadline.dueAt;
  const approved = await act(p.id, leader, {
    action: 'decideExtension',
    approve: true,
    reason: 'Đồng ý',
    decision: { number: '7/QĐ-UBND', date: '2026-11-30', signer: 'Trần Thị Xã' },
  }).expect(200);
  expect(Date.parse(approved.body.clock.dueAt)).toBeGreaterThan(Date.parse(before) + 29 * 86_400_000);
});

describe('listing', () => {
  test('filters by stage, kind and overdue, and only shows readable units', async () => {
    const a = await create(officer, { kind: 'feedback' });
    const b = await create(officer, {
      kind: 'feedback',
      receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    });
    await act(a.id, officer, { action: 'accept' }).expect(200);

    const feedback = await request(h.app).get('/api/v1/petitions?kind=feedback').set(auth(supervisor)).expect(200);
    expect(feedback.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const accepted = await request(h.app)
      .get('/api/v1/petitions?kind=feedback&stage=accepted')
      .set(auth(officer))
      .expect(200);
    expect(accepted.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const overdue = await request(h.app)
      .get('/api/v1/petitions?kind=feedback&overdue=true')
      .set(auth(officer))
      .expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const elsewhere = await request(h.app).get('/api/v1/petitions').set(auth(otherOfficer)).expect(200);
    expect(elsewhere.body.total).toBe(0);
    await request(h.app).get('/api/v1/petitions?pageSize=1000').set(auth(officer)).expect(400);
  });

  test('a supervisor searches by field, responsible leader, forwarded, escalated and dates, sorted', async () => {
    const road = await create(officer, {
      kind: 'recommendation',
      field: 'roads',
      receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    const roadLater = await create(officer, { kind: 'recommendation', field: 'roads' });
    await act(roadLater.id, officer, {
      action: 'forward',
      toUnitId: h.org.otherCommuneId,
      reason: 'Thuộc xã Hòa Lạc',
    }).expect(200);
    const ids = async (query: string) =>
      (await request(h.app).get(`/api/v1/petitions?${query}`).set(auth(supervisor)).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids('field=roads&sort=receivedAt&order=asc')).toEqual([road.id, roadLater.id]);
    expect(await ids('field=roads&sort=receivedAt&order=desc')).toEqual([roadLater.id, road.id]);
    expect(await ids('field=roads&forwarded=true')).toEqual([roadLater.id]);
    expect(await ids('field=roads&forwarded=false')).toEqual([road.id]);
    expect(await ids(`field=roads&leaderId=${h.org.otherCommuneLeader.id}`)).toEqual([roadLater.id]);
    expect(await ids(`field=roads&leaderId=${h.org.communeLeader.id}`)).toEqual([road.id]);
    expect(
      await ids(`field=roads&receivedFrom=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`),
    ).toEqual([roadLater.id]);
    expect(await ids('field=roads&escalated=true')).toEqual([]);
    await request(h.app).get('/api/v1/petitions?receivedFrom=yesterday').set(auth(supervisor)).expect(400);
  });
});

test('the OpenAPI document is 3.1 and describes the petition routes from the same schemas', async () => {
  const res = await request(h.app).get('/api/v1/openapi.json').expect(200);
  expect(res.body.openapi).toBe('3.1.0');
  const create = res.body.paths['/petitions'].post;
  expect(create.requestBody.content['application/json'].schema.properties.kind.enum).toEqual([
    'complaint',
    'denunciation',
    'recommendation',
    'feedback',
  ]);
  expect(Object.keys(res.body.paths)).toEqual(
    expect.arrayContaining([
      '/petitions/{id}/actions',
      '/petitions/{id}/history',
      '/track/{code}',
      '/policy',
      '/calendar/{year}',
    ]),
  );
  const docs = await request(h.app).get('/api/v1/docs').expect(200);
  expect(docs.headers['content-type']).toMatch(/html/);
  expect(docs.text).toContain("fetch('openapi.json')");
});
