// Reception days through the API on the real dev server, in real time: a schedule's cycle announces and
// opens today's session; matters are answered, explained or registered as petitions; the session closes
// with minutes. A later session takes a citizen's registration (no login), a delegation and a
// postponement with its public notice. Edits reach the cycle; the obligation check flags a short week.
import request from 'supertest';
import { dayOf, formatDay, localDayOf } from '../../src/domain/calendar/day';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { cycleStateQuery, cycleWorkflowId } from '../../workflows/reception/messages';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let leader: string;
let officer: string;
let supervisor: string;
let deputyId: string;
const todayDay = localDayOf(Date.now());
const today = formatDay(todayDay);
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  h = await startApiHarness();
  // Today is made a working day in this database's calendar, so today's session is held whatever day CI runs.
  const table = defaultCalendarYear(year);
  await h.db.prisma.calendarYear.create({
    data: {
      year,
      holidays: table.holidays.filter((d) => d !== today),
      workingWeekends: [...table.workingWeekends, today],
    },
  });
  [leader, officer, supervisor] = await Promise.all([
    h.login(h.org.communeLeader.username),
    h.login(h.org.officer.username),
    h.login(h.org.supervisor.username),
  ]);
  deputyId = `deputy-${h.org.communeId}`;
  await h.db.prisma.person.create({
    data: {
      id: deputyId,
      username: deputyId,
      fullName: 'Phó Chủ tịch Xã',
      email: `${deputyId}@example.test`,
      passwordHash: 'x',
      unitId: h.org.communeId,
      roleBindings: { create: [{ role: 'leader', unitId: h.org.communeId }] },
    },
  });
});

afterAll(async () => {
  for (const s of await h.db.prisma.receptionSchedule.findMany())
    await h.client.workflow
      .getHandle(cycleWorkflowId(s.id))
      .terminate('test finished')
      .catch(() => undefined);
  for (const s of await h.db.prisma.receptionSession.findMany({ where: { status: { not: 'closed' } } }))
    await h.client.workflow
      .getHandle(s.id)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.stop();
});

const sessionOn = (scheduleId: string, status?: string) =>
  eventually(
    async () =>
      (await h.db.prisma.receptionSession.findFirst({
        where: { scheduleId, ...(status ? { status } : {}) },
        orderBy: { day: 'asc' },
      })) ?? undefined,
    { what: `a ${status ?? ''} session of ${scheduleId}` },
  );

test('today’s session: opened by its cycle, matters answered, explained or registered as petitions, closed with minutes', async () => {
  const body = {
    unitId: h.org.communeId,
    leaderId: h.org.communeLeader.id,
    rule: { type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] },
    startTime: '00:00',
    location: 'Phòng tiếp công dân xã',
    announceDaysBefore: 1,
    startsFrom: today,
  };
  expect(
    (await request(h.app).post('/api/v1/reception/schedules').set(auth(officer)).send(body).expect(403)).body.error
      .message,
  ).toMatch(/admin or leader/);
  const bad = await request(h.app)
    .post('/api/v1/reception/schedules')
    .set(auth(leader))
    .send({ ...body, startTime: '25:00', rule: { type: 'nthWeekday', n: 5, weekday: 2 } })
    .expect(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
    expect.arrayContaining(['startTime']),
  );
  const created = await request(h.app).post('/api/v1/reception/schedules').set(auth(leader)).send(body).expect(201);
  const session = await sessionOn(created.body.id, 'open');
  expect(session).toMatchObject({
    day: today,
    nominalDay: today,
    receivingLeaderId: h.org.communeLeader.id,
    location: 'Phòng tiếp công dân xã',
  });

  const answered = await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/matters`)
    .set(auth(officer))
    .send({
      citizenName: 'Ông Ba',
      summary: 'Hỏi về thủ tục cấp sổ đỏ',
      field: 'land',
      outcome: 'answered',
      answer: 'Đã hướng dẫn hồ sơ theo quy định',
    })
    .expect(201);
  expect(answered.body.session.matters).toEqual({ answered: 1, petition: 0, explained: 0 });
  await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/matters`)
    .set(auth(officer))
    .send({ summary: 'Đề nghị hỗ trợ', field: 'policy', outcome: 'explained' })
    .expect(400);
  const fileMatter = () =>
    request(h.app)
      .post(`/api/v1/reception/sessions/${session.id}/matters`)
      .set(auth(officer))
      .set('Idempotency-Key', `matter-${session.id}`)
      .send({
        summary: 'Khiếu nại việc thu hồi đất',
        field: 'land',
        outcome: 'petition',
        petition: {
          kind: 'complaint',
          subject: 'Khiếu nại quyết định thu hồi đất',
          body: 'Nội dung trình bày tại buổi tiếp',
          petitioners: [{ fullName: 'Bà Tư', phone: '0901234567' }],
        },
      });
  const filed = await fileMatter().expect(201);
  // Sent again with its Idempotency-Key (the first answer lost to a fault): the same matter and petition, counted once.
  const refiled = await fileMatter().expect(201);
  expect(refiled.body.matter).toEqual(filed.body.matter);
  expect(refiled.body.session.matters).toEqual(filed.body.session.matters);
  expect(await h.db.prisma.receptionMatter.count({ where: { sessionId: session.id } })).toBe(2);
  expect(filed.body.matter).toMatchObject({
    outcome: 'petition',
    petitionId: expect.any(String),
    trackingCode: expect.stringMatching(/^DV-/),
  });
  const petition = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: filed.body.matter.petitionId } });
  expect(petition).toMatchObject({
    channel: 'reception_day',
    receptionSessionId: session.id,
    receivingUnitId: h.org.communeId,
    field: 'land',
  });
  // Its own workflow runs, with the notice-after-reception obligation of a petition received in person.
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: petition.id, type: 'received' } }),
    { what: 'the petition workflow' },
  );
  expect((await h.client.workflow.getHandle(petition.workflowId).describe()).status.name).toBe('RUNNING');

  // A citizen who came about a petition already filed: the matter is linked to it by its tracking code.
  const matterAbout = (petitionTrackingCode: string, extra: object = {}) =>
    request(h.app)
      .post(`/api/v1/reception/sessions/${session.id}/matters`)
      .set(auth(officer))
      .send({
        summary: 'Hỏi tiến độ đơn đã gửi',
        field: 'land',
        outcome: 'explained',
        answer: 'Đã giải thích tiến độ',
        petitionTrackingCode,
        ...extra,
      });
  const unknown = await matterAbout('DV-KHONG-CO').expect(400);
  expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'petitionTrackingCode' })]);
  await matterAbout(filed.body.matter.trackingCode, {
    outcome: 'petition',
    petition: { kind: 'complaint', subject: 'Đơn mới', body: '…', petitioners: [{ fullName: 'Bà Tư' }] },
  }).expect(400);
  const linked = await matterAbout(filed.body.matter.trackingCode).expect(201);
  expect(linked.body.matter).toMatchObject({ outcome: 'explained', petitionId: petition.id });
  // Its case shows the session once, though it was registered there and came up again.
  const caseView = await request(h.app).get(`/api/v1/petitions/${petition.id}`).set(auth(officer)).expect(200);
  expect(caseView.body.receptionSessions).toEqual([{ id: session.id, day: today }]);

  // A denunciation made at the session: the name is sealed in the petition and kept nowhere in plain text.
  const denounced = await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/matters`)
    .set(auth(officer))
    .send({
      citizenName: 'Người Tố Cáo Ẩn',
      summary: 'Tố cáo cán bộ thu tiền trái phép',
      field: 'officials_conduct',
      outcome: 'petition',
      petition: {
        kind: 'denunciation',
        subject: 'Tố cáo cán bộ thu tiền',
        body: '…',
        petitioners: [{ fullName: 'Người Tố Cáo Ẩn', phone: '0988777666' }],
      },
    })
    .expect(201);
  expect(
    await h.db.prisma.receptionMatter.findFirstOrThrow({ where: { petitionId: denounced.body.matter.petitionId } }),
  ).toMatchObject({ citizenName: 'công dân' });
  expect(
    await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: denounced.body.matter.petitionId } }),
  ).toMatchObject({ fullName: 'công dân', phone: null });

  await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/close`)
    .set(auth(supervisor))
    .send({ minutes: 'Biên bản buổi tiếp công dân', attendeeCount: 3 })
    .expect(403);
  const close = () =>
    request(h.app)
      .post(`/api/v1/reception/sessions/${session.id}/close`)
      .set(auth(leader))
      .set('Idempotency-Key', `close-${session.id}`)
      .send({ minutes: 'Biên bản: tiếp 3 lượt công dân, 2 vụ việc.', attendeeCount: 3 });
  const closed = await close().expect(200);
  // Closed, the session takes nothing more: a repeat is told so in words (the workflow has ended).
  expect((await close().expect(409)).body.error.message).toMatch(/closed/);
  expect(closed.body).toMatchObject({
    status: 'closed',
    attendeeCount: 3,
    // The matter about the petition already filed counts as explained.
    matters: { answered: 1, petition: 2, explained: 1 },
  });
  await eventually(
    async () =>
      (await h.db.prisma.receptionSession.findUniqueOrThrow({ where: { id: session.id } })).status === 'closed' ||
      undefined,
    { what: 'the closed session in the read model' },
  );
  expect(
    (
      await request(h.app)
        .post(`/api/v1/reception/sessions/${session.id}/matters`)
        .set(auth(officer))
        .send({ summary: 'Muộn', field: 'land', outcome: 'answered', answer: 'Đã trả lời' })
        .expect(409)
    ).body.error.message,
  ).toMatch(/closed/);

  const read = await request(h.app).get(`/api/v1/reception/sessions/${session.id}`).set(auth(supervisor)).expect(200);
  expect(read.body.timeline.map((e: { type: string }) => e.type)).toEqual([
    'announced',
    'opened',
    'matter',
    'matter',
    'matter',
    'matter', // the one about the petition already filed
    'closed',
  ]);
  expect(read.body.minutes).toBe('Biên bản: tiếp 3 lượt công dân, 2 vụ việc.');
});

test('a later session: a citizen registers without login, the chairman delegates, it is postponed with a public notice; edits reach the cycle', async () => {
  const startsFrom = formatDay(todayDay + 20);
  const created = await request(h.app)
    .post('/api/v1/reception/schedules')
    .set(auth(leader))
    .send({
      unitId: h.org.communeId,
      leaderId: h.org.communeLeader.id,
      deputyId,
      rule: { type: 'weekly', weekdays: [1, 2, 3, 4, 5] },
      startTime: '08:00',
      location: 'Hội trường UBND xã',
      announceDaysBefore: 30,
      registrationCutoffDays: 2,
      startsFrom,
    })
    .expect(201);
  const session = await sessionOn(created.body.id, 'announced');
  expect(session.day >= startsFrom).toBe(true);

  const registered = await request(h.app)
    .post(`/api/v1/public/reception-sessions/${session.id}/registrations`)
    .send({ fullName: 'Trần Văn Đăng', email: 'dang@example.test', topic: 'Ô nhiễm' })
    .expect(201);
  expect(registered.body).toMatchObject({ sessionId: session.id, day: session.day });
  await request(h.app)
    .post(`/api/v1/public/reception-sessions/${session.id}/registrations`)
    .send({ fullName: '' })
    .expect(400);
  const confirmation = await eventually(async () => h.mailer.to('dang@example.test')[0], {
    what: 'the registration e-mail',
  });
  expect(confirmation.attachments?.[0]).toMatchObject({
    filename: 'tiep-cong-dan.ics',
    content: expect.stringContaining('BEGIN:VEVENT'),
  });

  await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/delegate`)
    .set(auth(officer))
    .send({ reason: 'Bận họp' })
    .expect(403);
  const delegated = await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/delegate`)
    .set(auth(leader))
    .send({ reason: 'Chủ tịch đi công tác' })
    .expect(200);
  expect(delegated.body.receivingLeaderId).toBe(deputyId);

  // A Sunday is not a working day; the Monday after it is (unless a holiday), so the first free working day after the session is found.
  let sunday =
    dayOf(Number(session.day.slice(0, 4)), Number(session.day.slice(5, 7)), Number(session.day.slice(8, 10))) + 1;
  while (new Date(sunday * 86_400_000).getUTCDay() !== 0) sunday += 1;
  const notWorking = await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/postpone`)
    .set(auth(leader))
    .send({ day: formatDay(sunday), reason: 'Trùng lịch' })
    .expect(400);
  expect(notWorking.body.error.details[0].message).toMatch(/not a working day/);
  const newDay = formatDay(sunday + 2); // a Tuesday
  const postponed = await request(h.app)
    .post(`/api/v1/reception/sessions/${session.id}/postpone`)
    .set(auth(leader))
    .send({ day: newDay, reason: 'Trùng kỳ họp HĐND' })
    .expect(200);
  expect(postponed.body).toMatchObject({ day: newDay, postponements: 1 });
  const notices = await eventually(
    async () => {
      const list = (await request(h.app).get(`/api/v1/public/notices?unitId=${h.org.communeId}`).expect(200)).body
        .items as { sessionId: string; title: string }[];
      return list.some((n) => n.sessionId === session.id && n.title.startsWith('Thông báo hoãn')) ? list : undefined;
    },
    { what: 'the postponement notice' },
  );
  expect(
    notices
      .filter((n) => n.sessionId === session.id)
      .map((n) => n.title.split(' / ')[0])
      .sort(),
  ).toEqual([
    `Thông báo hoãn lịch tiếp công dân ngày ${session.day}`,
    `Thông báo lịch tiếp công dân ngày ${session.day}`,
  ]);
  await eventually(async () => h.mailer.to('dang@example.test').find((m) => m.subject.includes('Hoãn')), {
    what: 'the postponement e-mail to the registered citizen',
  });

  const edited = await request(h.app)
    .patch(`/api/v1/reception/schedules/${created.body.id}`)
    .set(auth(leader))
    .send({ rule: { type: 'nthWeekday', n: 3, weekday: 4 } })
    .expect(200);
  expect(edited.body.version).toBe(2);
  const cycle = h.client.workflow.getHandle(cycleWorkflowId(created.body.id));
  await eventually(async () => ((await cycle.query(cycleStateQuery)).specVersion === 2 ? true : undefined), {
    what: 'the cycle taking the edit',
  });
  await request(h.app)
    .patch(`/api/v1/reception/schedules/${created.body.id}`)
    .set(auth(leader))
    .send({ active: false })
    .expect(200);
  await eventually(async () => ((await cycle.describe()).status.name === 'COMPLETED' ? true : undefined), {
    what: 'the cycle stopping',
  });
  // The announced session is untouched by the edit and the stop.
  expect((await h.db.prisma.receptionSession.findUniqueOrThrow({ where: { id: session.id } })).day).toBe(newDay);
});

test('the obligation check flags a commune chairman who did not receive in a week, and the scorecard shows it', async () => {
  await h.db.prisma.person.update({ where: { id: h.org.communeLeader.id }, data: { post: 'chairman' } });
  const week = '2026-11-02';
  const res = await request(h.app)
    .get(`/api/v1/reception/obligations?from=${week}&to=2026-11-08`)
    .set(auth(supervisor))
    .expect(200);
  const row = res.body.rows.find((r: { personId: string }) => r.personId === h.org.communeLeader.id);
  expect(row).toMatchObject({
    required: '1/week',
    windows: 1,
    shortWindows: [{ from: '2026-11-02', to: '2026-11-08', held: 0, required: 1 }],
  });
  expect(res.body.flagged).toContain(h.org.communeLeader.id);
  const onToday = await request(h.app)
    .get(`/api/v1/reception/obligations?from=${today}&to=${today}`)
    .set(auth(supervisor))
    .expect(200);
  // Today's week is still under way: shown with today's session, not judged.
  expect(onToday.body.rows.find((r: { personId: string }) => r.personId === h.org.communeLeader.id)).toMatchObject({
    windows: 0,
    shortWindows: [],
    current: { from: today, to: today, held: 1, required: 1 },
    daysHeld: 1,
  });
  const card = await request(h.app)
    .get(`/api/v1/reports/leaders?from=${week}&to=2026-11-08`)
    .set(auth(supervisor))
    .expect(200);
  expect(
    card.body.rows.find((r: { leaderId: string }) => r.leaderId === h.org.communeLeader.id).receptionShortfalls,
  ).toBe(1);
  await request(h.app).get(`/api/v1/reception/obligations?period=2026-11`).set(auth(officer)).expect(403);
});
