// A quarter of reception days on the time-skipping server: "the 10th, 20th and 30th" from December 2026
// to February 2027, with Tết 2027 in the unit's calendar table, one session postponed, one delegated to a
// deputy, and the schedule edited mid-quarter. Expected dates are worked out by hand in the comments.
import { randomUUID } from 'node:crypto';
import { receptionCycleWorkflow } from '../../workflows';
import {
  cycleStateQuery,
  cycleWorkflowId,
  scheduleChangedSignal,
  sessionActionUpdate,
  sessionWorkflowId,
  type ReceptionSpec,
} from '../../workflows/reception/messages';
import { CapturingMailer } from '../support/capturing-mailer';
import { keepHistory } from '../support/history-recorder';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

let testbed: WorkflowTestbed;
const mailer = new CapturingMailer();

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
});

afterAll(async () => {
  await testbed?.terminateTracked();
  await testbed?.teardown();
});

/** A local (UTC+7) wall-clock time as epoch milliseconds. */
const local = (text: string) => Date.parse(`${text}:00+07:00`);

test('a quarter of reception days: holidays move sessions, a postponement and a delegation are honoured, an edit changes only later sessions', async () => {
  const { env, db, org } = testbed;
  const scheduleId = `s-${randomUUID().slice(0, 8)}`;
  await db.prisma.calendarYear.create({
    data: {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workingWeekends: [],
    },
  });
  const deputy = await db.prisma.person.create({
    data: {
      id: `deputy-${scheduleId}`,
      username: `deputy-${scheduleId}`,
      fullName: 'Phó Chủ tịch Xã',
      email: `deputy.${scheduleId}@example.test`,
      passwordHash: 'x',
      unitId: org.communeId,
    },
  });
  const spec: ReceptionSpec = {
    scheduleId,
    unitId: org.communeId,
    leaderId: org.communeLeader.id,
    deputyId: deputy.id,
    rule: { type: 'daysOfMonth', days: [10, 20, 30] },
    startTime: '08:00',
    durationMinutes: 240,
    location: 'Trụ sở UBND xã, phòng tiếp công dân',
    announceDaysBefore: 7,
    jointUnitIds: [],
    version: 1,
  };
  await db.prisma.receptionSchedule.create({
    data: {
      id: scheduleId,
      unitId: spec.unitId,
      leaderId: spec.leaderId,
      deputyId: deputy.id,
      rule: spec.rule,
      startTime: spec.startTime,
      durationMinutes: 240,
      location: spec.location,
      announceDaysBefore: 7,
      jointUnitIds: [],
      startsFrom: '2026-12-01',
      createdById: org.admin.id,
    },
  });
  const taskQueue = `rq-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer, temporal: env.client });
  const sleepUntil = async (at: number) => env.sleep(Math.max(1, at - (await env.currentTimeMs())));

  await worker.runUntil(async () => {
    const cycle = await env.client.workflow.start(receptionCycleWorkflow, {
      taskQueue,
      workflowId: cycleWorkflowId(scheduleId),
      args: [{ spec, afterDay: '2026-11-30', started: 0 }],
    });
    testbed.track(cycle);
    const session = (nominal: string) => env.client.workflow.getHandle(sessionWorkflowId(scheduleId, nominal));

    // 14 Jan: the session of the 20th was announced on the 13th. A citizen registers; then it is postponed to Fri 22 Jan.
    await sleepUntil(local('2027-01-14T12:00'));
    const jan20 = session('2027-01-20');
    const registration = await db.prisma.receptionRegistration.create({
      data: {
        sessionId: jan20.workflowId,
        fullName: 'Nguyễn Thị Đăng Ký',
        email: 'dangky@example.test',
        topic: 'đất đai',
      },
    });
    await jan20.executeUpdate(sessionActionUpdate, {
      args: [{ action: 'registered', registrationId: registration.id }],
    });
    const postponed = await jan20.executeUpdate(sessionActionUpdate, {
      args: [
        { action: 'postpone', day: '2027-01-22', reason: 'Chủ tịch họp HĐND huyện', actorId: org.communeLeader.id },
      ],
    });
    expect(postponed).toMatchObject({
      day: '2027-01-22',
      postponements: 1,
      status: 'announced',
      startsAt: '2027-01-22T01:00:00.000Z',
    });
    // The session of 10 Dec has been open since then: a matter is recorded and it is closed with minutes.
    const dec10 = session('2026-12-10');
    await dec10.executeUpdate(sessionActionUpdate, {
      args: [{ action: 'recordMatter', matterId: 'm-1', outcome: 'answered', actorId: org.officer.id }],
    });
    expect(
      await dec10.executeUpdate(sessionActionUpdate, {
        args: [{ action: 'close', attendeeCount: 6, actorId: org.officer.id }],
      }),
    ).toMatchObject({ status: 'closed', attendeeCount: 6, matters: { answered: 1, petition: 0, explained: 0 } });
    // Closing ends the session's workflow: nothing more can be done to it.
    expect((await dec10.describe()).status.name).toBe('COMPLETED');
    await expect(
      dec10.executeUpdate(sessionActionUpdate, {
        args: [{ action: 'close', attendeeCount: 7, actorId: org.officer.id }],
      }),
    ).rejects.toThrow();
    await expect(
      session('2026-12-20').executeUpdate(sessionActionUpdate, {
        args: [{ action: 'postpone', day: '2027-01-29', reason: 'quá muộn', actorId: org.communeLeader.id }],
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/has not opened/) } });

    // 26 Jan: the session of the 30th (held Mon 1 Feb) was announced on the 25th; the chairman delegates it.
    await sleepUntil(local('2027-01-26T12:00'));
    await session('2027-01-30').executeUpdate(sessionActionUpdate, {
      args: [
        { action: 'delegate', deputyId: deputy.id, reason: 'Chủ tịch đi công tác', actorId: org.communeLeader.id },
      ],
    });

    // 9 Feb: the session of the 10th (Tết: held Mon 15 Feb) was announced on the 8th. The schedule becomes "the 25th".
    await sleepUntil(local('2027-02-09T12:00'));
    await cycle.signal(scheduleChangedSignal, { ...spec, rule: { type: 'daysOfMonth', days: [25] }, version: 2 });

    await sleepUntil(local('2027-03-01T12:00'));
    const state = await cycle.query(cycleStateQuery);
    expect(state).toMatchObject({
      specVersion: 2,
      next: { nominal: '2027-03-25', day: '2027-03-25' },
      announceAt: '2027-03-18T01:00:00.000Z',
      started: 8,
    });
    await keepHistory('reception-session-postponed', jan20);
    await keepHistory('reception-session-closed', dec10);
    await keepHistory('reception-cycle-after-edit', cycle);
  });

  const sessions = await db.prisma.receptionSession.findMany({ where: { scheduleId }, orderBy: { day: 'asc' } });
  for (const s of sessions) testbed.track(env.client.workflow.getHandle(s.id));
  expect(
    sessions.map((s) => [s.nominalDay, s.day, s.receivingLeaderId === deputy.id ? 'deputy' : 'leader', s.status]),
  ).toEqual([
    ['2026-12-10', '2026-12-10', 'leader', 'closed'],
    ['2026-12-20', '2026-12-21', 'leader', 'open'], // Sunday → Monday
    ['2026-12-30', '2026-12-30', 'leader', 'open'],
    ['2027-01-10', '2027-01-11', 'leader', 'open'], // Sunday → Monday
    ['2027-01-20', '2027-01-22', 'leader', 'open'], // postponed
    ['2027-01-30', '2027-02-01', 'deputy', 'open'], // Saturday → Monday, delegated
    ['2027-02-10', '2027-02-15', 'leader', 'open'], // Tết → Monday 15 Feb; announced before the edit, kept
    ['2027-02-25', '2027-02-25', 'leader', 'open'], // the edited rule; the old one would have given 22 Feb and 1 Mar
  ]);

  const leaderMail = mailer.to(org.communeLeader.email);
  const reminders = leaderMail.filter((m) => m.subject.includes('Nhắc lịch'));
  // One reminder the day before each session the chairman held himself: not the 20 Jan date (postponed before its eve), not 1 Feb (delegated).
  expect(reminders.map((m) => /ngày mai (\d{4}-\d{2}-\d{2})/.exec(m.subject)![1])).toEqual([
    '2026-12-10',
    '2026-12-21',
    '2026-12-30',
    '2027-01-11',
    '2027-01-22',
    '2027-02-15',
    '2027-02-25',
  ]);
  const reminderEvents = await db.prisma.receptionEvent.findMany({
    where: { sessionId: sessionWorkflowId(scheduleId, '2027-01-20'), type: 'reminded' },
  });
  // Recorded right after the e-mail went out at 08:00 on the eve of the new date.
  expect(reminderEvents.map((e) => e.at.toISOString().slice(0, 16))).toEqual(['2027-01-21T01:00']);
  const deputyMail = mailer.to(deputy.email);
  expect(deputyMail.map((m) => m.subject)).toEqual([
    expect.stringContaining('Ủy quyền'),
    expect.stringContaining('Nhắc lịch: tiếp công dân ngày mai 2027-02-01'),
    expect.stringContaining('Chưa có biên bản buổi tiếp công dân 2027-02-01'),
  ]);
  expect(deputyMail[0]!.attachments?.[0]?.content).toContain('DTSTART:20270201T010000Z');

  // The citizen who registered got a confirmation and the postponement, each with an invitation; the second moves the same event.
  const citizenMail = mailer.to('dangky@example.test');
  expect(citizenMail.map((m) => m.subject)).toEqual([
    expect.stringContaining('Xác nhận đăng ký'),
    expect.stringContaining('Hoãn buổi tiếp công dân 2027-01-20 sang 2027-01-22'),
  ]);
  expect(citizenMail[1]!.attachments![0]!.content).toMatch(
    /UID:reception-s-[^\r]*-2027-01-20@danvan\r\nSEQUENCE:1\r\n/,
  );
  // Notification log: the citizen's address is not kept.
  expect(await db.prisma.notification.count({ where: { toAddress: 'dangky@example.test' } })).toBe(0);

  const notices = await db.prisma.publicNotice.findMany({
    where: { sessionId: { in: sessions.map((s) => s.id) } },
    orderBy: { publishedAt: 'asc' },
  });
  expect(notices.filter((n) => n.title.startsWith('Thông báo lịch'))).toHaveLength(8);
  expect(notices.filter((n) => n.title.startsWith('Thông báo hoãn')).map((n) => n.body)).toEqual([
    expect.stringContaining('được hoãn sang 2027-01-22 08:00'),
  ]);
  // Every session not closed by a day after its end brought one reminder about its minutes; the closed one too, as it was closed later.
  const minutesDue = mailer.sent.filter((m) => m.subject.includes('Chưa có biên bản'));
  expect(minutesDue).toHaveLength(8);
}, 240_000);
