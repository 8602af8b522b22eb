// An officer's action never hangs: with no worker it answers 202 with the Update's id and a URL that later
// gives the result; a repeat under the same Idempotency-Key is the same action. A closed petition answers
// 409 PetitionClosed, a fulfilled commitment 409 in its own words. A new petition's 201 already carries the deadline its workflow committed.
// Reception session, conference and commitment actions answer the same way.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { workingCalendarFor } from '../../src/calendar/calendar-store';
import { formatDay, localDayOf } from '../../src/domain/calendar/day';
import { startCommitmentWorkflow } from '../../src/conferences/client';
import { conferenceStartingSoon } from '../support/conference-soon';
import { petitionWorkflowId } from '../../workflows/petition/messages';
import { RECEPTION_SESSION_WORKFLOW_TYPE } from '../../workflows/reception/messages';
import pino from 'pino';
import { keptActionsStore, resendKeptActions } from '../../src/platform/temporal/kept-actions';
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

const register = () => request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()).expect(201);
/** The officer's action on a petition: the request, for the test to add a key and the body. */
const act = (id: string) => request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(officer));

// The first deadline is written with the row at registration (issue 15: the 201 waits for no worker), so
// the 201 and the view agree at once; the workflow's own "received" entry follows.
test('when a petition is registered, then the 201 and the view show the same deadline, and the workflow then records its received entry', async () => {
  const created = await register();
  expect(created.body).toMatchObject({
    stage: 'received',
    nextDeadline: { clock: expect.any(String), dueAt: expect.any(String) },
  });
  const view = await request(h.app).get(`/api/v1/petitions/${created.body.id}`).set(auth(officer)).expect(200);
  expect(view.body.nextDeadline).toEqual(created.body.nextDeadline);
  await eventually(
    async () => {
      const later = await request(h.app).get(`/api/v1/petitions/${created.body.id}`).set(auth(officer)).expect(200);
      expect(later.body.nextDeadline).toEqual(created.body.nextDeadline);
      return later.body.timeline.some((e: { type: string }) => e.type === 'received');
    },
    { what: 'the received entry' },
  );
});

test('when no worker runs, then an action answers 202 with a URL to follow, which gives the result once a worker is back', async () => {
  const { id } = (await register()).body;
  await h.stopWorker();
  let restarted = false;
  try {
    const startedAt = Date.now();
    const pending = await act(id).set('Idempotency-Key', 'accept-1').send({ action: 'accept' }).expect(202);
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
    const repeat = await act(id).set('Idempotency-Key', 'accept-1').send({ action: 'accept' }).expect(200);
    expect(repeat.body.version).toBe(done.version);
  } finally {
    if (!restarted) await h.startWorker();
  }
  await request(h.app).get(`/api/v1/petitions/${id}/updates/no-such-update`).set(auth(officer)).expect(404);
});

test('when a petition is withdrawn, then a later action answers 409 PetitionClosed', async () => {
  const { id } = (await register()).body;
  await act(id).send({ action: 'withdraw', reason: 'Công dân rút đơn' }).expect(200);
  await eventually(
    async () => (await h.client.workflow.getHandle(`petition-${id}`).describe()).status.name === 'COMPLETED',
    { what: 'the workflow to complete' },
  );
  const res = await act(id).send({ action: 'accept' }).expect(409);
  expect(res.body.error).toMatchObject({ code: 'PetitionClosed', message: expect.stringContaining('closed') });
});

test('when a commitment is fulfilled, then a later report answers 409 about the commitment, not a petition', async () => {
  const conferenceId = `conf-${randomUUID().slice(0, 8)}`;
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
  const commitmentId = await commitmentOf(conferenceId);

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

/** A conference that may be held now, its opinion and a commitment, each with its workflow. */
async function conferenceWithCommitment() {
  const conferenceId = await conferenceStartingSoon(h, 'Đối thoại khi không có worker');
  return { conferenceId, commitmentId: await commitmentOf(conferenceId) };
}

/** An opinion of the conference with a commitment a month ahead, and the commitment's workflow. */
async function commitmentOf(conferenceId: string): Promise<string> {
  const commitmentId = `commitment-${randomUUID()}`;
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
  return commitmentId;
}

/** A reception session a week ahead, announced by its workflow. */
async function announcedSession() {
  const scheduleId = `sched-${randomUUID().slice(0, 8)}`;
  const today = localDayOf(Date.now());
  const day = formatDay(today + 7);
  const sessionId = `reception-${scheduleId}-${day}`;
  await h.db.prisma.receptionSchedule.create({
    data: {
      id: scheduleId,
      unitId: h.org.communeId,
      leaderId: h.org.communeLeader.id,
      rule: { type: 'daysOfMonth', days: [10] },
      startTime: '08:00',
      location: 'Trụ sở UBND xã',
      jointUnitIds: [],
      startsFrom: day,
      createdById: h.org.admin.id,
    },
  });
  await h.client.workflow.start(RECEPTION_SESSION_WORKFLOW_TYPE, {
    taskQueue: h.taskQueue,
    workflowId: sessionId,
    args: [
      {
        sessionId,
        scheduleId,
        unitId: h.org.communeId,
        nominalDay: day,
        day,
        startTime: '08:00',
        durationMinutes: 240,
        location: 'Trụ sở UBND xã',
        leaderId: h.org.communeLeader.id,
        jointUnitIds: [],
      },
    ],
  });
  await eventually(() => h.db.prisma.receptionSession.findUnique({ where: { id: sessionId } }), {
    what: 'the session announced',
  });
  // A later working day to postpone to.
  let to = today + 14;
  for (;;) {
    const calendar = await workingCalendarFor(h.db.prisma, new Date(formatDay(to)).getUTCFullYear());
    if (calendar.isWorkingDay(to)) break;
    to += 1;
  }
  return { sessionId, postponeTo: formatDay(to) };
}

test('when no worker runs, then session, conference and commitment actions answer 202 with a URL to follow, which gives the result once a worker is back', async () => {
  const leader = await h.login(h.org.communeLeader.username);
  const { conferenceId, commitmentId } = await conferenceWithCommitment();
  const { sessionId, postponeTo } = await announcedSession();
  await h.stopWorker();
  let restarted = false;
  try {
    const actions = [
      {
        url: `/api/v1/reception/sessions/${sessionId}/postpone`,
        body: { day: postponeTo, reason: 'Lãnh đạo đi công tác' },
        follow: `/api/v1/reception/sessions/${sessionId}/updates/`,
        done: { sessionId, day: postponeTo, postponements: 1 },
      },
      {
        url: `/api/v1/conferences/${conferenceId}/hold`,
        body: { attendeeCount: 40, minutes: 'Biên bản hội nghị' },
        follow: `/api/v1/conferences/${conferenceId}/updates/`,
        done: { conferenceId, status: 'held', attendeeCount: 40 },
      },
      {
        url: `/api/v1/commitments/${commitmentId}/progress`,
        body: { percent: 40, note: 'Đã khảo sát' },
        follow: `/api/v1/commitments/${commitmentId}/updates/`,
        done: { commitmentId, progress: 40 },
      },
    ];
    const pending: { href: string; done: object }[] = [];
    for (const a of actions) {
      const startedAt = Date.now();
      const res = await request(h.app).post(a.url).set(auth(leader)).send(a.body);
      expect({ url: a.url, status: res.status }).toEqual({ url: a.url, status: 202 });
      expect(Date.now() - startedAt).toBeLessThan(9_000);
      expect(res.body).toMatchObject({ status: 'pending', updateId: expect.any(String) });
      expect(res.body.href).toBe(`${a.follow}${encodeURIComponent(res.body.updateId)}`);
      expect(res.headers.location).toBe(res.body.href);
      expect((await request(h.app).get(res.body.href).set(auth(leader)).expect(202)).body.status).toBe('pending');
      pending.push({ href: res.body.href, done: a.done });
    }

    await h.startWorker();
    restarted = true;
    for (const p of pending) {
      const done = await eventually(
        async () => {
          const res = await request(h.app).get(p.href).set(auth(leader));
          return res.status === 200 ? res.body : null;
        },
        { what: `${p.href} applied once a worker runs` },
      );
      expect(done).toMatchObject(p.done);
    }
  } finally {
    if (!restarted) await h.startWorker();
  }
  await request(h.app).get(`/api/v1/conferences/${conferenceId}/updates/no-such-update`).set(auth(leader)).expect(404);
  // Someone with no role on the unit does not read another unit's action results.
  const outsider = await h.login(h.org.otherOfficer.username);
  await request(h.app).get(`/api/v1/reception/sessions/${sessionId}/updates/x`).set(auth(outsider)).expect(403);
});

// Temporal keeps an admitted Update only in memory until a worker accepts it: an action answered 202 is written
// down (its arguments under the payload codec) and sent again under the same update id until it applies.
test('when an action is answered 202, then it is written down encrypted and applied once the worker is back, and its row is gone', async () => {
  const { id } = (await register()).body;
  await eventually(async () => (await h.db.prisma.petitionEvent.count({ where: { petitionId: id } })) > 0, {
    what: 'the received entry',
  });
  await h.stopWorker();
  let updateId: string;
  try {
    const kept = await act(id)
      .send({ action: 'refuse', reason: 'Đơn nặc danh, số máy 0987654321 không liên lạc được' })
      .expect(202);
    updateId = kept.body.updateId;
    const row = await h.db.prisma.keptAction.findUniqueOrThrow({ where: { updateId } });
    expect(row.updateName).toBe('action');
    expect(row.workflowId).toContain(id);
    const stored = JSON.stringify(row.payload);
    expect(stored).not.toContain('0987654321');
    expect(stored).not.toContain('refuse');
    // Positive control: the payload is the encrypted form the client itself would send (codec metadata).
    expect(stored).toContain(Buffer.from('binary/encrypted').toString('base64'));
  } finally {
    await h.startWorker();
  }
  await eventually(
    async () =>
      (await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(officer)).expect(200)).body.stage === 'refused',
    { what: 'the kept refusal applied', timeoutMs: 60_000 },
  );
  await eventually(async () => (await h.db.prisma.keptAction.count({ where: { updateId } })) === 0, {
    what: 'the kept row removed once answered',
    timeoutMs: 30_000,
  });
  expect(await h.db.prisma.petitionEvent.count({ where: { petitionId: id, type: 'refuse' } })).toBe(1);
});

test('when the server has lost a kept action, then the resend applies it once, a second resend changes nothing, and a refused one is dropped', async () => {
  const { id } = (await register()).body;
  const workflowId = petitionWorkflowId(id);
  await eventually(async () => (await h.db.prisma.petitionEvent.count({ where: { petitionId: id } })) > 0, {
    what: 'the received entry',
  });
  // Written down but never sent: what is left when the server forgot the Update.
  const store = keptActionsStore({ prisma: h.db.prisma, temporal: h.client });
  const actor = { personId: h.org.communeLeader.id, roles: ['leader'] };
  const lost = { updateId: `lost-${randomUUID()}`, workflowId, updateName: 'action' };
  await store.keep({ ...lost, args: [{ action: 'accept', actor }] });
  await h.db.prisma.keptAction.update({ where: { updateId: lost.updateId }, data: { nextTryAt: new Date() } });
  const resend = () =>
    resendKeptActions({ prisma: h.db.prisma, temporal: h.client, logger: pino({ level: 'silent' }), waitMs: 20_000 });
  // The harness's own resender may take it first: either way it is applied exactly once.
  await resend();
  await eventually(async () => (await h.db.prisma.keptAction.count({ where: { updateId: lost.updateId } })) === 0, {
    what: 'the lost action resent',
  });
  const accepted = await h.db.prisma.petitionEvent.count({ where: { petitionId: id, type: 'accept' } });
  expect(accepted).toBe(1);
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).stage).toBe('accepted');

  // The same update id once more (two API processes resending): Temporal answers with the first result.
  await store.keep({ ...lost, args: [{ action: 'accept', actor }] });
  await h.db.prisma.keptAction.update({ where: { updateId: lost.updateId }, data: { nextTryAt: new Date() } });
  await resend();
  await eventually(async () => (await h.db.prisma.keptAction.count({ where: { updateId: lost.updateId } })) === 0, {
    what: 'the repeat answered',
  });
  expect(await h.db.prisma.petitionEvent.count({ where: { petitionId: id, type: 'accept' } })).toBe(1);

  // An action the workflow refuses (accepting twice under a new id) is dropped, not resent for ever.
  const refused = { updateId: `refused-${randomUUID()}`, workflowId, updateName: 'action' };
  await store.keep({ ...refused, args: [{ action: 'accept', actor }] });
  await h.db.prisma.keptAction.update({ where: { updateId: refused.updateId }, data: { nextTryAt: new Date() } });
  const outcomes = await resend();
  await eventually(async () => (await h.db.prisma.keptAction.count({ where: { updateId: refused.updateId } })) === 0, {
    what: 'the refused action dropped',
  });
  // This pass or the harness's: one of them saw the refusal.
  expect(outcomes.applied).toBe(0);
  expect(await h.db.prisma.petitionEvent.count({ where: { petitionId: id, type: 'accept' } })).toBe(1);
});
