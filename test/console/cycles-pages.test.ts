// The leader's cycle pages by role, on the real workflows: a reception session run from matters to minutes
// (a denouncer's name sealed, a `<script>` shown as text), a later session postponed (a Sunday refused in
// words) and delegated, a conference held with an opinion becoming a commitment that is reported and
// fulfilled, results published, the leader's own scorecard, identity grants given and revoked; who sees
// which form, who is refused with 403, the CSRF refusal, and an action kept while the worker is away (202).
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { dayOf, formatDay, localDayOf } from '../../src/domain/calendar/day';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { loadReceptionPolicy } from '../../src/reception/reception-obligations';
import { cycleWorkflowId } from '../../workflows/reception/messages';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { consoleClient, signIn, type ConsoleClient } from '../support/console-client';
import { eventually } from '../support/eventually';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
let supervisor: ConsoleClient;
let outsider: ConsoleClient;
let leaderToken: string;
let deputyId: string;
const todayDay = localDayOf(Date.now());
const today = formatDay(todayDay);

beforeAll(async () => {
  const policy = loadReceptionPolicy(path.join(__dirname, '..', '..', 'config', 'reception-policy.json'));
  // A conference may be called for the same day here, so it can be held within the test.
  h = await startApiHarness({
    receptionPolicy: { ...policy, conferences: { ...policy.conferences, announceAtLeastDays: 0 } },
  });
  // Today is a working day in this database's calendar, so today's session is held whatever day the run is.
  const year = Number(today.slice(0, 4));
  const table = defaultCalendarYear(year);
  await h.db.prisma.calendarYear.create({
    data: {
      year,
      holidays: table.holidays.filter((d) => d !== today),
      workingWeekends: [...table.workingWeekends, today],
    },
  });
  deputyId = `deputy-${h.org.communeId}`;
  await h.db.prisma.person.create({
    data: {
      id: deputyId,
      username: deputyId,
      fullName: 'Phó Chủ tịch Đỗ Văn Phó',
      email: `${deputyId}@example.test`,
      passwordHash: 'x',
      unitId: h.org.communeId,
      roleBindings: { create: [{ role: 'leader', unitId: h.org.communeId }] },
    },
  });
  [officer, leader, supervisor, outsider, leaderToken] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
    signIn(h.app, h.org.otherCommuneLeader.username, PASSWORD),
    h.login(h.org.communeLeader.username),
  ]);
});

afterAll(async () => {
  const ids = [
    ...(await h.db.prisma.receptionSchedule.findMany()).map((s) => cycleWorkflowId(s.id)),
    ...(await h.db.prisma.receptionSession.findMany()).map((s) => s.id),
    ...(await h.db.prisma.conference.findMany()).map((c) => c.id),
    ...(await h.db.prisma.commitment.findMany()).map((c) => c.id),
    ...(await h.db.prisma.petition.findMany()).map((p) => p.workflowId),
  ];
  for (const id of ids)
    await h.client.workflow
      .getHandle(id)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.stop();
});

async function schedule(body: Record<string, unknown>): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/reception/schedules')
    .set(auth(leaderToken))
    .send({ unitId: h.org.communeId, leaderId: h.org.communeLeader.id, location: 'Phòng tiếp dân xã', ...body })
    .expect(201);
  return res.body.id as string;
}

const sessionOf = (scheduleId: string, status: string) =>
  eventually(
    async () => (await h.db.prisma.receptionSession.findFirst({ where: { scheduleId, status } })) ?? undefined,
    { what: `a ${status} session of ${scheduleId}`, timeoutMs: 60_000 },
  );

/** A page in English, then the client back to Vietnamese (the language choice is remembered in a cookie). */
async function inEnglish(client: ConsoleClient, path: string) {
  const res = await client.get(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
  await client.get('/console/reception?lang=vi');
  return res;
}

const formsOn = (html: string) => [...html.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]).sort();

test("when today's session is open, then officer and leader run it from matters to minutes, and others only read or are refused", async () => {
  const scheduleId = await schedule({
    rule: { type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] },
    startTime: '00:00',
    announceDaysBefore: 1,
    startsFrom: today,
  });
  const session = await sessionOf(scheduleId, 'open');
  const page = `/console/reception/sessions/${session.id}`;

  const home = await officer.get('/console');
  expect(home.text).toMatch(
    /<a href="\/console\/reception#today-table" data-queue="receptionToday"><span class="count">[1-9]\d*<\/span>Buổi tiếp công dân hôm nay<\/a>/,
  );
  const calendar = await officer.get('/console/reception');
  expect(calendar.status).toBe(200);
  expect(calendar.text).toContain('id="today-table"');
  expect(calendar.text).toContain(`href="${page}"`);
  expect((await inEnglish(leader, '/console/reception')).text).toContain('Reception calendar');

  expect(formsOn((await officer.get(page)).text)).toEqual(['close', 'matter']);
  expect(formsOn((await leader.get(page)).text)).toEqual(['close', 'delegate', 'matter']);
  const read = await supervisor.get(page);
  expect(read.status).toBe(200);
  expect(formsOn(read.text)).toEqual([]);
  expect(read.text).toContain('Bạn không có thao tác nào ở bước này.');
  expect((await outsider.get(page)).status).toBe(403);

  const answered = await officer.post(
    `${page}/matters`,
    {
      citizenName: 'Ông Ba',
      summary: 'Hỏi thủ tục <script>alert(1)</script> cấp sổ đỏ',
      field: 'land',
      outcome: 'answered',
      answer: 'Đã hướng dẫn hồ sơ theo quy định',
    },
    { formPage: page },
  );
  expect(answered.status).toBe(303);
  expect(answered.headers.location).toBe(`${page}?done=matter`);
  const after = await officer.get(answered.headers.location!);
  expect(after.text).toContain('Đã ghi nhận: Ghi vụ việc.');
  expect(after.text).toContain('Hỏi thủ tục &lt;script>alert(1)&lt;/script> cấp sổ đỏ');
  expect(after.text).not.toContain('<script>alert(1)</script>');

  const missing = await officer.post(`${page}/matters`, {
    summary: 'Đề nghị hỗ trợ',
    field: 'policy',
    outcome: 'explained',
  });
  expect(missing.status).toBe(400);
  expect(missing.text).toContain('Thông tin chưa hợp lệ.');
  expect(missing.text).toContain('what was answered or explained is recorded');
  expect(missing.text).toContain('>Đề nghị hỗ trợ</textarea>'); // the form keeps what was typed

  const denounced = await leader.post(
    `${page}/matters`,
    {
      citizenName: 'Người Tố Cáo Ẩn',
      summary: 'Tố cáo cán bộ thu tiền trái phép',
      field: 'officials_conduct',
      outcome: 'petition',
      'petition.kind': 'denunciation',
      'petition.subject': 'Tố cáo cán bộ thu tiền',
      'petition.body': 'Nội dung trình bày tại buổi tiếp',
      'petition.phone': '0988777666',
      idempotencyKey: 'reception-den-0001',
    },
    { formPage: page },
  );
  expect(denounced.status).toBe(303);
  const matter = await h.db.prisma.receptionMatter.findFirstOrThrow({
    where: { sessionId: session.id, outcome: 'petition' },
  });
  expect(matter.citizenName).toBe('công dân');
  const petition = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: matter.petitionId! } });
  expect(petition).toMatchObject({ channel: 'reception_day', receptionSessionId: session.id, kind: 'denunciation' });
  const withPetition = await supervisor.get(page);
  expect(withPetition.text).toContain(`href="/console/petitions/${petition.id}">${petition.trackingCode}</a>`);
  expect(withPetition.text).not.toContain('Người Tố Cáo Ẩn');
  // The case page links back to the session it was registered at.
  const casePage = await leader.get(`/console/petitions/${petition.id}`);
  expect(casePage.text).toContain(`href="/console/reception/sessions/${encodeURIComponent(session.id)}"`);

  // A citizen who came about a petition already filed: the form links the matter by its tracking code.
  const unknownCode = await officer.post(
    `${page}/matters`,
    {
      summary: 'Hỏi tiến độ đơn',
      field: 'land',
      outcome: 'explained',
      answer: 'Đã giải thích',
      petitionTrackingCode: 'DV-KHONGCO',
    },
    { formPage: page },
  );
  expect(unknownCode.status).toBe(400);
  expect(unknownCode.text).toContain('no petition with this tracking code that you may read');
  const about = await officer.post(
    `${page}/matters`,
    {
      summary: 'Hỏi tiến độ đơn',
      field: 'land',
      outcome: 'explained',
      answer: 'Đã giải thích',
      petitionTrackingCode: petition.trackingCode,
    },
    { formPage: page },
  );
  expect(about.status).toBe(303);
  expect(
    await h.db.prisma.receptionMatter.findFirstOrThrow({ where: { sessionId: session.id, outcome: 'explained' } }),
  ).toMatchObject({ petitionId: petition.id });

  expect(
    (await officer.post(`${page}/close`, { minutes: 'Biên bản buổi tiếp', attendeeCount: '2' }, { csrf: null })).text,
  ).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ.');
  expect(
    (await officer.post(`${page}/close`, { minutes: 'Biên bản', attendeeCount: '2' }, { csrf: null })).status,
  ).toBe(403);
  const notMine = await supervisor.post(`${page}/close`, { minutes: 'Biên bản buổi tiếp', attendeeCount: '2' });
  expect(notMine.status).toBe(403);
  const closed = await leader.post(
    `${page}/close`,
    { minutes: 'Biên bản: tiếp 2 lượt công dân, 2 vụ việc.', attendeeCount: '2' },
    { formPage: page },
  );
  expect(closed.status).toBe(303);
  const done = await leader.get(page);
  expect(done.text).toContain('data-testid="session-status">Đã kết thúc<');
  expect(done.text).toContain('Biên bản: tiếp 2 lượt công dân, 2 vụ việc.');
  expect(formsOn(done.text)).toEqual([]);
  const late = await officer.post(`${page}/matters`, {
    summary: 'Muộn',
    field: 'land',
    outcome: 'answered',
    answer: 'Đã trả lời',
  });
  expect(late.status).toBe(409);
  expect(late.text).toContain('Không thực hiện được');
});

test('when a later session is announced, then only its leader postpones (to a working day, a Sunday refused in words) and delegates', async () => {
  const scheduleId = await schedule({
    rule: { type: 'weekly', weekdays: [1, 2, 3, 4, 5] },
    startTime: '08:00',
    announceDaysBefore: 30,
    startsFrom: formatDay(todayDay + 20),
    deputyId,
  });
  const session = await sessionOf(scheduleId, 'announced');
  const page = `/console/reception/sessions/${session.id}`;
  expect((await leader.get('/console/reception')).text).toContain(`href="${page}"`);
  expect(formsOn((await officer.get(page)).text)).toEqual([]);
  expect(formsOn((await leader.get(page)).text)).toEqual(['delegate', 'postpone']);
  expect((await officer.post(`${page}/postpone`, { day: formatDay(todayDay + 40), reason: 'Trùng lịch' })).status).toBe(
    403,
  );

  let sunday =
    dayOf(Number(session.day.slice(0, 4)), Number(session.day.slice(5, 7)), Number(session.day.slice(8, 10))) + 1;
  while (new Date(sunday * 86_400_000).getUTCDay() !== 0) sunday += 1;
  const refused = await leader.post(
    `${page}/postpone`,
    { day: formatDay(sunday), reason: 'Trùng lịch' },
    { formPage: page },
  );
  expect(refused.status).toBe(400);
  expect(refused.text).toMatch(
    /Ngày \d{1,2}\/\d{1,2}\/\d{4} không phải ngày làm việc: buổi tiếp chỉ được hoãn sang một ngày làm việc\./,
  );
  const refusedEn = await leader.post(`${page}/postpone?lang=en`, { day: formatDay(sunday), reason: 'Trùng lịch' });
  await leader.get('/console/reception?lang=vi');
  expect(refusedEn.text).toContain('is not a working day: a session is postponed to a working day only.');

  const moved = await leader.post(
    `${page}/postpone`,
    { day: formatDay(sunday + 2), reason: 'Trùng kỳ họp HĐND' },
    { formPage: page },
  );
  expect(moved.status).toBe(303);
  const delegated = await leader.post(
    `${page}/delegate`,
    { deputyId, reason: 'Chủ tịch đi công tác' },
    { formPage: page },
  );
  expect(delegated.status).toBe(303);
  const shown = await leader.get(page);
  expect(shown.text).toContain('Phó Chủ tịch Đỗ Văn Phó');
  expect(shown.text).toContain('Hoãn buổi tiếp');
  expect(shown.text).toContain('Trùng kỳ họp HĐND');
  expect((await h.db.prisma.receptionSession.findUniqueOrThrow({ where: { id: session.id } })).day).toBe(
    formatDay(sunday + 2),
  );
});

test('when a leader calls and holds a conference, then an opinion becomes a commitment that is reported, fulfilled, and the results are published', async () => {
  expect(formsOn((await officer.get('/console/conferences')).text)).toEqual([]);
  expect(formsOn((await leader.get('/console/conferences')).text)).toEqual(['call']);
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const local = new Date(startsAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  const call = {
    unitId: h.org.communeId,
    kind: 'adhoc',
    title: 'Đối thoại về ô nhiễm nhà máy gạch',
    startsAt: local,
    location: 'Hội trường xã',
    chairId: h.org.communeLeader.id,
  };
  expect((await officer.post('/console/conferences', call)).status).toBe(403);
  const bad = await leader.post('/console/conferences', { ...call, title: '' }, { formPage: '/console/conferences' });
  expect(bad.status).toBe(400);
  const called = await leader.post('/console/conferences', call, { formPage: '/console/conferences' });
  expect(called.status).toBe(303);
  const page = called.headers.location!.replace(/\?done=call$/, '');
  expect(page).toMatch(/^\/console\/conferences\/conf-[0-9a-f]+$/);
  expect((await leader.get(called.headers.location!)).text).toContain('Đã ghi nhận: Triệu tập hội nghị đối thoại.');
  expect((await outsider.get(page)).status).toBe(403);

  expect(formsOn((await officer.get(page)).text)).toEqual(['hold']);
  const held = await officer.post(
    page + '/hold',
    { attendeeCount: '120', minutes: 'Biên bản hội nghị đối thoại' },
    { formPage: page },
  );
  expect(held.status).toBe(303);
  expect(formsOn((await officer.get(page)).text)).toEqual(['opinion']);
  expect(formsOn((await leader.get(page)).text)).toEqual(['opinion', 'publish']);

  const promisedBy = formatDay(todayDay + 30);
  const opinion = await officer.post(
    page + '/opinions',
    {
      participantName: 'Bà Năm',
      field: 'environment',
      content: 'Đề nghị di dời lò gạch gây khói bụi',
      outcome: 'commitment',
      'commitment.description': 'Kiểm tra, xử lý lò gạch thôn Đông',
      'commitment.promisedBy': promisedBy,
      'commitment.assigneeId': h.org.officer.id,
    },
    { formPage: page },
  );
  expect(opinion.status).toBe(303);
  const referred = await leader.post(
    page + '/opinions',
    { field: 'planning', content: 'Đề nghị điều chỉnh quy hoạch tỉnh', outcome: 'referred' },
    { formPage: page },
  );
  expect(referred.status).toBe(303);
  const shown = await leader.get(page);
  expect(shown.text).toContain('Cam kết giải quyết');
  expect(shown.text).toContain('Chuyển cấp trên');
  expect(shown.text).toContain('id="by-field-table"');

  const commitment = await h.db.prisma.commitment.findFirstOrThrow({ where: { conferenceId: page.split('/').pop()! } });
  const list = await officer.get('/console/commitments');
  expect(list.text).toContain('Kiểm tra, xử lý lò gạch thôn Đông');
  expect(list.text).toContain(`data-commitment-forms="${commitment.id}"`);
  expect((await supervisor.get('/console/commitments')).text).not.toContain('data-commitment-forms=');
  expect((await outsider.get('/console/commitments')).text).not.toContain('Kiểm tra, xử lý lò gạch');

  const base = `/console/commitments/${commitment.id}`;
  const backwards = await officer.post(
    `${base}/progress`,
    { percent: '100', note: 'Xong' },
    { formPage: '/console/commitments' },
  );
  expect(backwards.status).toBe(400);
  const progressed = await officer.post(
    `${base}/progress`,
    { percent: '40', note: 'Đã lập đoàn kiểm tra' },
    { formPage: '/console/commitments' },
  );
  expect(progressed.status).toBe(303);
  expect(progressed.headers.location).toBe(`/console/commitments?done=progress#${commitment.id}`);
  expect((await officer.get('/console/commitments')).text).toContain('data-testid="progress">40%<');
  expect((await supervisor.post(`${base}/fulfil`, { note: 'Đã di dời' })).status).toBe(403);
  const fulfilled = await officer.post(
    `${base}/fulfil`,
    { note: 'Đã di dời lò gạch' },
    { formPage: '/console/commitments' },
  );
  expect(fulfilled.status).toBe(303);
  expect((await officer.get('/console/commitments')).text).toContain('Đã hoàn thành');

  expect((await officer.post(page + '/publish', { summary: 'Kết quả' }, { formPage: page })).status).toBe(403);
  const published = await leader.post(page + '/publish', { summary: 'Công bố kết quả đối thoại' }, { formPage: page });
  expect(published.status).toBe(303);
  const final = await leader.get(page);
  expect(final.text).toContain('data-testid="conference-status">Đã công bố kết quả<');
  expect(formsOn(final.text)).toEqual([]);
});

test('when a leader opens their scorecard, then their own row is shown; others are refused and a bad period is said so', async () => {
  const card = await leader.get('/console/scorecard?period=' + today.slice(0, 4));
  expect(card.status).toBe(200);
  expect(card.text).toContain('Kết quả của Trần Thị Xã');
  expect(card.text).toContain('data-measure="due"');
  expect((await inEnglish(leader, '/console/scorecard')).text).toContain('Scorecard of Trần Thị Xã');
  expect((await officer.get('/console/scorecard')).status).toBe(403);
  expect((await supervisor.get('/console/scorecard')).status).toBe(403);
  const bad = await leader.get('/console/scorecard?period=nonsense');
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('Kỳ báo cáo không hợp lệ.');
});

test('when a leader grants a supervisor identity access, then the supervisor sees it and the leader revokes it; an officer may not grant', async () => {
  const page = '/console/identity-grants';
  expect(formsOn((await leader.get(page)).text)).toEqual(['grant']);
  expect(formsOn((await supervisor.get(page)).text)).toEqual([]);
  const grant = {
    personId: h.org.supervisor.id,
    scope: 'unit',
    unitId: h.org.communeId,
    reason: 'Thanh tra vụ việc tố cáo',
  };
  expect((await officer.post(page, grant)).status).toBe(403);
  const noSuch = await leader.post(
    page,
    { ...grant, scope: 'petition', trackingCode: 'DV-KHONGCO' },
    { formPage: page },
  );
  expect(noSuch.status).toBe(400);
  expect(noSuch.text).toContain('Không tìm thấy đơn có mã DV-KHONGCO.');
  const granted = await leader.post(page, grant, { formPage: page });
  expect(granted.status).toBe(303);
  const row = await h.db.prisma.identityGrant.findFirstOrThrow({ where: { personId: h.org.supervisor.id } });
  const seen = await supervisor.get(page);
  expect(seen.text).toContain(`data-grant="${row.id}"`);
  expect(seen.text).toContain('Đang hiệu lực');
  expect(seen.text).not.toContain('data-action="revoke"');
  expect((await supervisor.post(`${page}/${row.id}/revoke`, {})).status).toBe(403);
  const revoked = await leader.post(`${page}/${row.id}/revoke`, {}, { formPage: page });
  expect(revoked.status).toBe(303);
  expect((await leader.get(page)).text).toContain('Đã thu hồi');
});

test('when the worker is away, then a session action is kept and the page says it applies later (202)', async () => {
  const scheduleId = await schedule({
    rule: { type: 'weekly', weekdays: [1, 2, 3, 4, 5] },
    startTime: '08:00',
    announceDaysBefore: 30,
    startsFrom: formatDay(todayDay + 22),
    deputyId,
  });
  const session = await sessionOf(scheduleId, 'announced');
  const page = `/console/reception/sessions/${session.id}`;
  const slow = consoleClient(createApp({ ...h.deps, deadlines: { callMs: 5_000, updateWaitMs: 300 } }));
  await slow.post(
    '/console/sign-in',
    { username: h.org.communeLeader.username, password: PASSWORD },
    { formPage: '/console/sign-in' },
  );
  await slow.get(page);
  await h.stopWorker();
  try {
    const kept = await slow.post(`${page}/delegate`, { deputyId, reason: 'Chủ tịch đi công tác' });
    expect(kept.status).toBe(202);
    expect(kept.text).toContain('thao tác được giữ và sẽ áp dụng khi hệ thống phản hồi');
    expect(kept.text).toContain(`href="${page}"`);
  } finally {
    await h.startWorker();
  }
  await eventually(
    async () =>
      (await h.db.prisma.receptionSession.findUniqueOrThrow({ where: { id: session.id } })).receivingLeaderId ===
      deputyId,
    { what: 'the kept delegation applied', timeoutMs: 60_000 },
  );
});
