// Time-skipping tests of the commitment and reception workflows with the relay down when something is due:
// the fact (a lapse escalated, a session opened) is recorded on time, and the e-mail goes later, once.
import { randomUUID } from 'node:crypto';
import { DAY_MS, endOfLocalDay, formatDay, localDayOf, VN_OFFSET_MS } from '../../src/domain/calendar/day';
import { commitmentWorkflow, receptionSessionWorkflow } from '../../workflows';
import { commitmentActionUpdate } from '../../workflows/conference/messages';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
});
afterEach(async () => {
  await testbed.terminateTracked();
});
afterAll(async () => {
  await testbed?.teardown();
});

async function withWorker<T>(mailer: CapturingMailer, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `fq-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer, temporal: testbed.env.client });
  return worker.runUntil(fn(taskQueue));
}

const sleepUntil = async (at: number) => testbed.env.sleep(Math.max(1, at - (await testbed.env.currentTimeMs())));
const localTime = (day: number, hour: number) => day * DAY_MS - VN_OFFSET_MS + hour * 3_600_000;

/** A held conference's commitment to the commune officer, promised six days from today (or due at `dueAtMs`), its workflow started. */
async function startCommitment(taskQueue: string, dueAtMs?: number) {
  const { env, db, org } = testbed;
  const today = localDayOf(await env.currentTimeMs());
  const conferenceId = `conf-${randomUUID().slice(0, 8)}`;
  await db.prisma.conference.create({
    data: {
      id: conferenceId,
      unitId: org.communeId,
      kind: 'regular',
      title: 'Đối thoại về đường liên thôn',
      startsAt: new Date(localTime(today, 8)),
      location: 'Hội trường xã',
      chairId: org.communeLeader.id,
      status: 'held',
      createdById: org.admin.id,
    },
  });
  const opinion = await db.prisma.conferenceOpinion.create({
    data: {
      conferenceId,
      participantName: 'Người dân thôn 3',
      participantEmail: 'thon3@example.test',
      field: 'infrastructure',
      content: 'Đường liên thôn hư hỏng',
      outcome: 'commitment',
      recordedById: org.officer.id,
    },
  });
  const dueAt = dueAtMs ?? endOfLocalDay(today + 6);
  const promisedDay = localDayOf(dueAt);
  const commitmentId = `commitment-${randomUUID()}`;
  await db.prisma.commitment.create({
    data: {
      id: commitmentId,
      conferenceId,
      opinionId: opinion.id,
      unitId: org.communeId,
      assigneeId: org.officer.id,
      description: 'Sửa đường liên thôn',
      promisedBy: formatDay(promisedDay),
      dueAt: new Date(dueAt),
      status: 'open',
    },
  });
  const handle = await env.client.workflow.start(commitmentWorkflow, {
    taskQueue,
    workflowId: commitmentId,
    args: [
      {
        commitmentId,
        conferenceId,
        opinionId: opinion.id,
        unitId: org.communeId,
        assigneeId: org.officer.id,
        dueAt: new Date(dueAt).toISOString(),
        remindBeforeDays: 2,
      },
    ],
  });
  testbed.track(handle);
  const events = () => db.prisma.commitmentEvent.findMany({ where: { commitmentId }, orderBy: { at: 'asc' } });
  return { handle, events, promisedDay, dueAt, commitmentId };
}

test('when the relay is down while a commitment lapses, then the lapse is recorded on time and its e-mail goes later, once', async () => {
  const { db, org } = testbed;
  const mailer = new CapturingMailer();
  await withWorker(mailer, async (taskQueue) => {
    const { handle, events, promisedDay, dueAt, commitmentId } = await startCommitment(taskQueue);
    // The reminder two days before, with mail working.
    await sleepUntil(localTime(promisedDay - 2, 9));
    await eventually(async () => mailer.to(org.officer.email).some((m) => m.subject.includes('Nhắc')) || undefined, {
      what: 'the reminder to the assignee',
    });
    await waitForIdle(handle);

    mailer.failNext(1_000_000);
    // Just past the lapse: the test server skips no time while an activity waits to retry.
    await sleepUntil(dueAt + 1_000);
    const escalated = await eventually(async () => (await events()).find((e) => e.type === 'escalated'), {
      what: 'the lapse recorded while mail is down',
    });
    expect(escalated.at.getTime()).toBeGreaterThan(dueAt);
    expect(escalated.at.getTime()).toBeLessThan(dueAt + 60_000);
    expect(escalated.data).toMatchObject({ toUnitId: org.provinceId, recipientIds: [org.provinceLeader.id] });
    expect((await db.prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).escalated).toBe(true);
    const attemptsWhileDown = mailer.attempts;
    await eventually(async () => mailer.attempts > attemptsWhileDown || undefined, {
      what: 'a send attempt while the relay is down',
    });
    expect(mailer.to(org.provinceLeader.email)).toHaveLength(0);

    mailer.failNext(0);
    await eventually(async () => mailer.to(org.provinceLeader.email).length > 0 || undefined, {
      what: 'the escalation e-mail once the relay is back',
      timeoutMs: 90_000,
    });
    await waitForIdle(handle);
    expect(mailer.to(org.provinceLeader.email).map((m) => m.subject)).toEqual([
      expect.stringContaining('Cam kết sau đối thoại quá hạn'),
    ]);

    // Fulfilled late: the workflow completes only once every e-mail on its own path has gone.
    const done = await handle.executeUpdate(commitmentActionUpdate, {
      args: [{ action: 'fulfil', note: 'Đã sửa xong', actorId: org.officer.id }],
    });
    expect(done).toMatchObject({ status: 'fulfilled', escalated: true, fulfilledOnTime: false });
    await handle.result();
    expect((await events()).map((e) => e.type)).toEqual(['assigned', 'reminded', 'escalated', 'fulfilled']);
    expect(mailer.to(org.provinceLeader.email)).toHaveLength(1);
    expect(mailer.to(org.officer.email).filter((m) => m.subject.includes('Nhắc'))).toHaveLength(1);
    await keepHistory('commitment-lapse-while-mail-down', handle);
  });
}, 180_000);

test('when the relay is down at a reception session’s reminder, then the session still opens at its time and the reminder goes later, once', async () => {
  const { env, db, org } = testbed;
  const mailer = new CapturingMailer();
  await withWorker(mailer, async (taskQueue) => {
    const today = localDayOf(await env.currentTimeMs());
    const day = formatDay(today + 3);
    const scheduleId = `sched-${randomUUID().slice(0, 8)}`;
    const sessionId = `reception-${scheduleId}-${day}`;
    await db.prisma.receptionSchedule.create({
      data: {
        id: scheduleId,
        unitId: org.communeId,
        leaderId: org.communeLeader.id,
        rule: { type: 'daysOfMonth', days: [10] },
        startTime: '08:00',
        durationMinutes: 240,
        location: 'Trụ sở UBND xã',
        jointUnitIds: [],
        startsFrom: day,
        createdById: org.admin.id,
      },
    });
    const handle = await env.client.workflow.start(receptionSessionWorkflow, {
      taskQueue,
      workflowId: sessionId,
      args: [
        {
          sessionId,
          scheduleId,
          unitId: org.communeId,
          nominalDay: day,
          day,
          startTime: '08:00',
          durationMinutes: 240,
          location: 'Trụ sở UBND xã',
          leaderId: org.communeLeader.id,
          jointUnitIds: [],
        },
      ],
    });
    testbed.track(handle);
    // The announcement went with mail working (the workflow waits for it); then the relay goes down.
    await eventually(async () => mailer.to(org.communeLeader.email).length > 0 || undefined, {
      what: 'the announcement to the leader',
    });
    await waitForIdle(handle);
    const events = async () =>
      (await db.prisma.receptionEvent.findMany({ where: { sessionId }, orderBy: { at: 'asc' } })).map((e) => e.type);

    mailer.failNext(1_000_000);
    const opensAt = localTime(today + 3, 8);
    await sleepUntil(localTime(today + 2, 8) + 1_000);
    await eventually(async () => (await events()).includes('reminded') || undefined, {
      what: 'the reminder recorded while mail is down',
    });
    await sleepUntil(opensAt + 1_000);
    await eventually(async () => (await events()).includes('opened') || undefined, {
      what: 'the session opened while mail is down',
    });
    const opened = await db.prisma.receptionEvent.findFirstOrThrow({ where: { sessionId, type: 'opened' } });
    expect(opened.at.getTime()).toBeGreaterThanOrEqual(opensAt);
    expect(opened.at.getTime()).toBeLessThan(opensAt + 60_000);
    const reminders = () => mailer.to(org.communeLeader.email).filter((m) => m.subject.includes('Nhắc'));
    expect(reminders()).toHaveLength(0);

    mailer.failNext(0);
    // The day skipped above stretched the retry interval to its 5-minute cap; skip past the next attempt.
    await env.sleep('6 minutes');
    await eventually(async () => reminders().length > 0 || undefined, {
      what: 'the reminder once the relay is back',
      timeoutMs: 90_000,
    });
    await waitForIdle(handle);
    expect(reminders()).toHaveLength(1);
    expect(await events()).toEqual(['announced', 'reminded', 'opened']);
    await keepHistory('reception-reminder-while-mail-down', handle);
  });
}, 180_000);

// Last in the file: its e-mails retry on the wall clock while the relay is down, and the test server may then
// keep time skipping off for the tests after it (see workflow-testbed.ts, settleTracked).
test('when the relay is down from the start, then a commitment’s clock still runs, its progress is answered, and each e-mail goes once the relay is back', async () => {
  const { db, org } = testbed;
  const mailer = new CapturingMailer();
  mailer.failNext(1_000_000);
  await withWorker(mailer, async (taskQueue) => {
    // Due in 20 s of real time: the test server skips no time while an e-mail waits to retry, so the clock
    // must run through the outage itself. Before the patch the workflow waited for its "assigned" e-mail
    // first, and its clock with it: nothing was recorded until the relay was back.
    const due = (await testbed.env.currentTimeMs()) + 20_000;
    const { handle, events, dueAt, commitmentId } = await startCommitment(taskQueue, due);
    const progressed = await handle.executeUpdate(commitmentActionUpdate, {
      args: [{ action: 'progress', percent: 40, note: 'Đã khảo sát', actorId: org.officer.id }],
    });
    expect(progressed).toMatchObject({ status: 'open', progress: 40 });

    const escalated = await eventually(async () => (await events()).find((e) => e.type === 'escalated'), {
      what: 'the lapse recorded while mail has been down since the start',
      timeoutMs: 60_000,
    });
    expect(escalated.at.getTime()).toBeGreaterThan(dueAt);
    expect(escalated.at.getTime()).toBeLessThan(dueAt + 15_000);
    expect((await db.prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).escalated).toBe(true);
    expect(mailer.sent).toHaveLength(0);

    mailer.failNext(0);
    await eventually(async () => (mailer.to(org.provinceLeader.email).length > 0 ? true : undefined), {
      what: 'the escalation e-mail once the relay is back',
      timeoutMs: 120_000,
    });
    const done = await handle.executeUpdate(commitmentActionUpdate, {
      args: [{ action: 'fulfil', note: 'Đã sửa xong', actorId: org.officer.id }],
    });
    expect(done).toMatchObject({ status: 'fulfilled', escalated: true, fulfilledOnTime: false });
    await handle.result();
    expect((await events()).map((e) => e.type)).toEqual(['assigned', 'progress', 'reminded', 'escalated', 'fulfilled']);
    // Each e-mail once: assigned and the reminder to the officer, the escalation above, progress and fulfilment to the participant.
    expect(mailer.to(org.officer.email).map((m) => m.subject)).toHaveLength(2);
    expect(mailer.to(org.provinceLeader.email)).toHaveLength(1);
    expect(mailer.to('thon3@example.test')).toHaveLength(2);
    await keepHistory('commitment-relay-down-from-start', handle);
  });
}, 120_000);
