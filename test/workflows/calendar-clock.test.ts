// Legal clocks on the working calendar inside the workflow: a denunciation's 7-working-day triage, and a
// calendar edit that moves an open deadline, re-arming the timers without losing or repeating reminders.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { computeDeadline } from '../../src/domain/calendar/deadline';
import { formatDay, localDayOf } from '../../src/domain/calendar/day';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { registerPetition } from '../../src/petitions/petition-registration';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { actionUpdate, calendarChangedSignal, snapshotQuery } from '../../workflows/petition/messages';
import { petitionWorkflow } from '../../workflows';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import type { TestOrg } from '../support/org';
import type { TestDatabase } from '../support/test-database';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
// The legal limits with a one-rung officer reminder, to follow a single reminder as the deadline moves.
const singleReminder = {
  ...policy,
  forKind: (kind: Parameters<typeof policy.forKind>[0]) => ({
    ...policy.forKind(kind),
    forwardWithin: undefined,
    ladder: { remindOfficerBefore: 'P3D', escalateAfter: 'P1D' },
  }),
};
let testbed: WorkflowTestbed;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let org: TestOrg;
const mailer = new CapturingMailer();

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
  ({ env, db, org } = testbed);
});

// A failed test leaves its workflow open with timers, which would hold up time skipping for the next one.
afterEach(async () => {
  await testbed.terminateTracked();
});

afterAll(async () => {
  await testbed?.teardown();
});

test('when a denunciation arrives, then triage is due at the end of the 7th working day; a new holiday moves it and the reminder follows', async () => {
  const taskQueue = `q-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer });
  await worker.runUntil(async () => {
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const registered = await registerPetition(
      db.prisma,
      singleReminder,
      {
        kind: 'denunciation',
        receivingUnitId: org.communeId,
        channel: 'post',
        field: 'officials_conduct',
        subject: 'Tố cáo cán bộ địa chính',
        body: '…',
        receivedAt,
        petitioners: [{ fullName: 'Người tố cáo' }],
        registeredById: org.officer.id,
      },
      { identityKey: TEST_IDENTITY_KEY },
    );
    const year = new Date(Date.parse(receivedAt) + 7 * 3_600_000).getUTCFullYear();
    expect(registered.workflowInput.calendar?.map((c) => c.year)).toEqual([year, year + 1, year + 2]);
    const handle = await env.client.workflow.start(petitionWorkflow, {
      taskQueue,
      workflowId: registered.workflowId,
      args: [registered.workflowInput],
    });
    testbed.track(handle);
    await waitForIdle(handle);

    const expected = computeDeadline(
      { startMs: Date.parse(receivedAt), limit: 7, unit: 'working_days' },
      workingCalendarFrom([], defaultCalendarYear),
    );
    const before = await handle.query(snapshotQuery);
    expect(before.clock).toMatchObject({ name: 'triage', dueAt: new Date(expected.dueAtMs).toISOString() });

    // The admin declares the 3rd working day after receipt a day off: the due day moves one working day on.
    const cal = workingCalendarFrom([], defaultCalendarYear);
    let day = localDayOf(Date.parse(receivedAt));
    for (let n = 0; n < 3;) if (cal.isWorkingDay(++day)) n++;
    const dayOffYear = Number(formatDay(day).slice(0, 4));
    const table = defaultCalendarYear(dayOffYear);
    await handle.signal(calendarChangedSignal, { ...table, holidays: [...table.holidays, formatDay(day)].sort() });
    const after = await eventually(
      async () => {
        const s = await handle.query(snapshotQuery);
        return s.clock!.dueAt !== before.clock!.dueAt ? s : null;
      },
      { what: 'the moved deadline' },
    );
    const moved = Date.parse(after.clock!.dueAt) - Date.parse(before.clock!.dueAt);
    expect(moved).toBeGreaterThanOrEqual(86_400_000);
    expect(after.nextRung?.at).toBe(new Date(Date.parse(after.clock!.dueAt) - 3 * 86_400_000).toISOString());
    // A query may see the new state before the workflow task that records it has scheduled the write.
    const changed = await eventually(
      () =>
        db.prisma.petitionEvent.findFirst({ where: { petitionId: registered.petitionId, type: 'deadlineChanged' } }),
      { what: 'the deadlineChanged event' },
    );
    await waitForIdle(handle);
    expect(changed.data).toMatchObject({ clock: 'triage', from: before.clock!.dueAt, to: after.clock!.dueAt });
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: registered.petitionId } });
    expect(row.dueAt?.toISOString()).toBe(after.clock!.dueAt);

    // Time passes to just before the old reminder time, then past the new one: exactly one reminder.
    const reminders = () => mailer.to(org.officer.email).filter((m) => m.subject.includes('Nhắc hạn')).length;
    await env.sleep(Date.parse(before.nextRung!.at) - (await env.currentTimeMs()) + 60_000);
    expect(reminders()).toBe(0);
    await env.sleep(Date.parse(after.nextRung!.at) - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => reminders() === 1, { what: 'the re-armed reminder' });
    await env.sleep('12 hours');
    expect(reminders()).toBe(1);
    await keepHistory('calendar-edit-moves-deadline', handle);
    // Nothing runs this workflow once the test's worker stops; left open, its timers would hold up time skipping.
    await handle.terminate('test finished');
  });
});

test('when a complaint stays open past its legal deadline, then every rung of the ladder fires once, in order, up to the level above the province', async () => {
  const taskQueue = `q-${randomUUID()}`;
  const ladderMailer = new CapturingMailer();
  const worker = await testbed.createWorker(taskQueue, { mailer: ladderMailer });
  await worker.runUntil(async () => {
    const registered = await registerPetition(
      db.prisma,
      policy,
      {
        kind: 'complaint',
        receivingUnitId: org.communeId,
        channel: 'in_person',
        field: 'land',
        subject: 'Khiếu nại kéo dài',
        body: '…',
        receivedAt: new Date(await env.currentTimeMs()).toISOString(),
        petitioners: [{ fullName: 'Người Khiếu Nại' }],
        registeredById: org.officer.id,
      },
      { identityKey: TEST_IDENTITY_KEY },
    );
    const handle = await env.client.workflow.start(petitionWorkflow, {
      taskQueue,
      workflowId: registered.workflowId,
      args: [registered.workflowInput],
    });
    testbed.track(handle);
    await waitForIdle(handle);
    await handle.executeUpdate(actionUpdate, {
      args: [{ action: 'accept', actor: { personId: org.officer.id, roles: ['officer'] } }],
    });
    await handle.executeUpdate(actionUpdate, {
      args: [
        { action: 'assign', actor: { personId: org.communeLeader.id, roles: ['leader'] }, assigneeId: org.officer.id },
      ],
    });
    await waitForIdle(handle);
    // Jump to each rung in turn and wait until the workflow has recorded it, so time never skips
    // while a reminder's activities are still running.
    const ladderEvents = () =>
      db.prisma.petitionEvent.count({
        where: { petitionId: registered.petitionId, type: { in: ['reminder', 'escalated'] } },
      });
    for (let i = 0; i < 10; i++) {
      const snap = await handle.query(snapshotQuery);
      if (!snap.nextRung) break;
      const seen = await ladderEvents();
      await env.sleep(Math.max(1, Date.parse(snap.nextRung.at) - (await env.currentTimeMs()) + 60_000));
      await eventually(async () => (await ladderEvents()) > seen, { what: `rung ${snap.nextRung.kind}` });
      await waitForIdle(handle);
    }
    const events = await db.prisma.petitionEvent.findMany({
      where: { petitionId: registered.petitionId },
      orderBy: { at: 'asc' },
    });
    const ladder = events
      .filter((e) => e.type === 'reminder' || e.type === 'escalated')
      .map((e) =>
        e.type === 'reminder'
          ? (e.data as { rung: string }).rung
          : `escalated:${(e.data as { toUnitId: string }).toUnitId}`,
      );
    expect(ladder).toEqual([
      'officerReminder',
      'officerReminder',
      'officerReminder',
      'officerReminder',
      'leaderReminder',
      `escalated:${org.provinceId}`,
      `escalated:${org.centralId}`,
    ]);
    expect(ladderMailer.to(org.officer.email).filter((m) => m.subject.includes('Nhắc hạn'))).toHaveLength(4);
    expect(ladderMailer.to(org.communeLeader.email).filter((m) => m.subject.includes('Đơn đến hạn'))).toHaveLength(1);
    expect(ladderMailer.to(org.provinceLeader.email)).toHaveLength(1);
    expect(ladderMailer.to(org.centralLeader.email)).toHaveLength(1);
    const snap = await handle.query(snapshotQuery);
    expect(snap.nextRung).toBeNull();
    expect(snap.firedRungs).toHaveLength(7);
    await keepHistory('full-ladder-two-escalations', handle);
  });
});

test('when a complaint received in person gets no decision, then the officer is nudged on the last day of the 10-working-day notice and the leader told when it lapses; a decision stops it', async () => {
  const taskQueue = `q-${randomUUID()}`;
  const noticeMailer = new CapturingMailer();
  const worker = await testbed.createWorker(taskQueue, { mailer: noticeMailer });
  // Triage is longer than the notice here, so only the notice rungs are due first.
  const noticeFirst = {
    ...policy,
    forKind: (kind: Parameters<typeof policy.forKind>[0]) => ({
      ...policy.forKind(kind),
      clocks: { ...policy.forKind(kind).clocks, triage: { limit: 30, unit: 'working_days' as const } },
      ladder: { remindOfficerBefore: 'P1D', escalateAfter: 'P1D' },
    }),
  };
  await worker.runUntil(async () => {
    const start = async (channel: string) => {
      const registered = await registerPetition(
        db.prisma,
        noticeFirst,
        {
          kind: 'complaint',
          receivingUnitId: org.communeId,
          channel,
          field: 'land',
          subject: 'Đơn nộp trực tiếp',
          body: '…',
          receivedAt: new Date(await env.currentTimeMs()).toISOString(),
          petitioners: [{ fullName: 'Người Nộp Đơn', email: 'nop.don@example.test' }],
          registeredById: org.officer.id,
        },
        { identityKey: TEST_IDENTITY_KEY },
      );
      const handle = await env.client.workflow.start(petitionWorkflow, {
        taskQueue,
        workflowId: registered.workflowId,
        args: [registered.workflowInput],
      });
      testbed.track(handle);
      testbed.track(handle);
      await waitForIdle(handle);
      return { ...registered, handle };
    };
    const silent = await start('in_person');
    const answered = await start('in_person');
    const posted = await start('post');
    const snap = await silent.handle.query(snapshotQuery);
    const expectedDue = computeDeadline(
      { startMs: Date.parse(silent.workflowInput.receivedAt), limit: 10, unit: 'working_days' },
      workingCalendarFrom([], defaultCalendarYear),
    );
    expect(snap.notice).toEqual({ dueAt: new Date(expectedDue.dueAtMs).toISOString(), given: false });
    expect((await posted.handle.query(snapshotQuery)).notice).toBeNull();
    const accepted = await answered.handle.executeUpdate(actionUpdate, {
      args: [{ action: 'accept', actor: { personId: org.officer.id, roles: ['officer'] } }],
    });
    expect(accepted.notice?.given).toBe(true);
    expect(noticeMailer.to('nop.don@example.test').filter((m) => m.subject.includes('Thông báo thụ lý'))).toHaveLength(
      1,
    );

    const noticeEvents = (id: string) =>
      db.prisma.petitionEvent
        .findMany({ where: { petitionId: id, type: 'reminder' } })
        .then((es) => es.map((e) => (e.data as { rung: string }).rung));
    for (const target of [snap.nextRung!.at, snap.notice!.dueAt]) {
      await env.sleep(Date.parse(target) - (await env.currentTimeMs()) + 60_000);
      await Promise.all([silent, answered, posted].map((p) => waitForIdle(p.handle)));
      await eventually(
        async () => (await noticeEvents(silent.petitionId)).length >= (target === snap.notice!.dueAt ? 2 : 1),
        { what: 'the notice rung' },
      );
    }
    expect(await noticeEvents(silent.petitionId)).toEqual(['noticeReminder', 'noticeOverdue']);
    expect(await noticeEvents(answered.petitionId)).toEqual([]);
    expect(await noticeEvents(posted.petitionId)).toEqual([]);
    expect(noticeMailer.to(org.communeLeader.email).filter((m) => m.subject.includes('Đơn đến hạn'))).toHaveLength(1);
    await keepHistory('notice-after-reception', silent.handle);
    await keepHistory('accepted-with-notice', answered.handle);
    for (const p of [silent, answered, posted]) await p.handle.terminate('test finished');
  });
});
