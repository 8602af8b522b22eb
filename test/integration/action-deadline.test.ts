// An officer's action never hangs: with no worker it answers 202 with the Update's id and a URL that later
// gives the result; a repeat under the same Idempotency-Key is the same action. A closed petition answers
// 409 PetitionClosed, a fulfilled commitment 409 in its own words. A new petition's 201 already carries the deadline its workflow committed.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startCommitmentWorkflow } from '../../src/conferences/client';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let officer: string;

beforeAll(async () => {
  h = await startApiHarness({ deadlines: { callMs: 2_000, updateWaitMs: 4_000 } });
  officer = await h.login(h.org.officer.username);
});

afterAll(async () => {
  await h?.stop();
});

const petitionBody = () => ({
  kind: 'complaint',
  receivingUnitId: h.org.communeId,
  channel: 'in_person',
  field: 'land',
  subject: 'Khiếu nại khi không có worker',
  body: 'Nội dung.',
  receivedAt: new Date().toISOString(),
  petitioners: [{ fullName: 'Mai Văn Chờ' }],
});

test('when a petition is registered, then the 201 and the view show the deadline and the received entry the workflow committed', async () => {
  const created = await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()).expect(201);
  expect(created.body).toMatchObject({
    stage: 'received',
    nextDeadline: { clock: expect.any(String), dueAt: expect.any(String) },
  });
  const view = await request(h.app).get(`/api/v1/petitions/${created.body.id}`).set(auth(officer)).expect(200);
  expect(view.body.nextDeadline).toEqual(created.body.nextDeadline);
  expect(view.body.timeline.map((e: { type: string }) => e.type)).toContain('received');
});

test('when no worker runs, then an action answers 202 with a URL to follow, which gives the result once a worker is back', async () => {
  const { id } = (await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()).expect(201))
    .body;
  await h.stopWorker();
  let restarted = false;
  try {
    const startedAt = Date.now();
    const pending = await request(h.app)
      .post(`/api/v1/petitions/${id}/actions`)
      .set(auth(officer))
      .set('Idempotency-Key', 'accept-1')
      .send({ action: 'accept' })
      .expect(202);
    expect(Date.now() - startedAt).toBeLessThan(9_000);
    expect(pending.body).toMatchObject({
      status: 'pending',
      updateId: expect.any(String),
      href: `/api/v1/petitions/${id}/updates/${encodeURIComponent(pending.body.updateId)}`,
    });
    expect(pending.headers.location).toBe(pending.body.href);
    expect((await request(h.app).get(pending.body.href).set(auth(officer)).expect(202)).body.status).toBe('pending');

    await h.startWorker();
    restarted = true;
    const done = await eventually(
      async () => {
        const res = await request(h.app).get(pending.body.href).set(auth(officer));
        return res.status === 200 ? res.body : null;
      },
      { what: 'the action applied once a worker runs' },
    );
    expect(done).toMatchObject({ petitionId: id, stage: 'accepted' });
    // The same request again is the same Update, answered with its first result, not a second accept.
    const repeat = await request(h.app)
      .post(`/api/v1/petitions/${id}/actions`)
      .set(auth(officer))
      .set('Idempotency-Key', 'accept-1')
      .send({ action: 'accept' })
      .expect(200);
    expect(repeat.body.version).toBe(done.version);
  } finally {
    if (!restarted) await h.startWorker();
  }
  await request(h.app).get(`/api/v1/petitions/${id}/updates/no-such-update`).set(auth(officer)).expect(404);
});

test('when a petition is withdrawn, then a later action answers 409 PetitionClosed', async () => {
  const { id } = (await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()).expect(201))
    .body;
  await request(h.app)
    .post(`/api/v1/petitions/${id}/actions`)
    .set(auth(officer))
    .send({ action: 'withdraw', reason: 'Công dân rút đơn' })
    .expect(200);
  await eventually(
    async () => (await h.client.workflow.getHandle(`petition-${id}`).describe()).status.name === 'COMPLETED',
    { what: 'the workflow to complete' },
  );
  const res = await request(h.app)
    .post(`/api/v1/petitions/${id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept' })
    .expect(409);
  expect(res.body.error).toMatchObject({ code: 'PetitionClosed', message: expect.stringContaining('closed') });
});

test('when a commitment is fulfilled, then a later report answers 409 about the commitment, not a petition', async () => {
  const conferenceId = `conf-${randomUUID().slice(0, 8)}`;
  const commitmentId = `commitment-${randomUUID()}`;
  await h.db.prisma.conference.create({
    data: {
      id: conferenceId,
      unitId: h.org.communeId,
      kind: 'regular',
      title: 'Đối thoại',
      startsAt: new Date(),
      location: 'Hội trường',
      chairId: h.org.communeLeader.id,
      status: 'held',
      createdById: h.org.communeLeader.id,
    },
  });
  const opinion = await h.db.prisma.conferenceOpinion.create({
    data: { conferenceId, field: 'land', content: 'Ý kiến', outcome: 'commitment', recordedById: h.org.officer.id },
  });
  const dueAt = new Date(Date.now() + 30 * 86_400_000);
  await h.db.prisma.commitment.create({
    data: {
      id: commitmentId,
      conferenceId,
      opinionId: opinion.id,
      unitId: h.org.communeId,
      description: 'Sửa đường',
      promisedBy: dueAt.toISOString().slice(0, 10),
      dueAt,
      status: 'open',
    },
  });
  await startCommitmentWorkflow(h.deps, {
    commitmentId,
    conferenceId,
    opinionId: opinion.id,
    unitId: h.org.communeId,
    assigneeId: null,
    dueAt: dueAt.toISOString(),
    remindBeforeDays: 3,
  });

  await request(h.app)
    .post(`/api/v1/commitments/${commitmentId}/fulfil`)
    .set(auth(officer))
    .send({ note: 'Đã sửa xong đường' })
    .expect(200);
  await eventually(
    async () => (await h.client.workflow.getHandle(commitmentId).describe()).status.name === 'COMPLETED',
    { what: 'the commitment workflow to complete' },
  );
  const res = await request(h.app)
    .post(`/api/v1/commitments/${commitmentId}/progress`)
    .set(auth(officer))
    .send({ percent: 50, note: 'Báo cáo muộn' })
    .expect(409);
  expect(res.body.error.message).toMatch(/commitment is fulfilled/);
  expect(res.body.error.message).not.toMatch(/petition/i);
});
