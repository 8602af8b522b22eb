// The admin pages by role, on the real app and workflow: who gets 403, the CSRF refusal, and each page's
// forms reaching the same use cases (and refusals) as the JSON API.
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { formatDay, isWeekend, localDayOf, yearOf } from '../../src/domain/calendar/day';
import { formatDateTime, localIsoDateTime } from '../../src/web/format';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let admin: ConsoleClient;
const PAGES = [
  '/console/admin/units',
  '/console/admin/people',
  '/console/admin/tokens',
  '/console/admin/policy',
  '/console/admin/calendar',
];

beforeAll(async () => {
  h = await startApiHarness();
  // The national calendar needs an admin at the top of the tree.
  await h.db.prisma.roleBinding.create({ data: { personId: h.org.admin.id, role: 'admin', unitId: h.org.centralId } });
  admin = await signIn(h.app, h.org.admin.username, PASSWORD);
});
afterAll(async () => {
  await h?.stop();
});

test('when an officer, a leader or a supervisor opens an admin page, then it is refused with 403 and no admin link is shown', async () => {
  for (const username of [h.org.officer.username, h.org.communeLeader.username, h.org.supervisor.username]) {
    const client = await signIn(h.app, username, PASSWORD);
    expect((await client.get('/console')).text).not.toContain('href="/console/admin"');
    for (const page of PAGES) {
      const res = await client.get(page);
      expect(res.status).toBe(403);
      expect(res.text).toContain('Không có quyền');
    }
    const post = await client.post(
      '/console/admin/people',
      { username: 'intruder', fullName: 'X' },
      { formPage: '/console' },
    );
    expect(post.status).toBe(403);
  }
  const home = await admin.get('/console');
  expect(home.text).toContain('href="/console/admin"');
  for (const page of PAGES) expect((await admin.get(page)).status).toBe(200);
});

test('when an admin form is posted without its CSRF token, then it is refused and nothing changes', async () => {
  const before = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.communeId } });
  const res = await admin.post(
    `/console/admin/units/${h.org.communeId}`,
    { intent: 'rename', name: 'Đổi tên trái phép' },
    { csrf: null },
  );
  expect(res.status).toBe(403);
  expect(res.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
  expect((await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.communeId } })).name).toBe(before.name);
});

test('when an admin renames and moves units, then the tree shows it, a move below itself is refused in words, and a name is escaped', async () => {
  const page = `/console/admin/units/${h.org.otherCommuneId}`;
  const renamed = await admin.post(
    page,
    { intent: 'rename', name: 'Xã <script>alert(1)</script>', nameEn: '' },
    { formPage: page },
  );
  expect(renamed.status).toBe(303);
  const tree = await admin.get('/console/admin/units');
  expect(tree.text).toContain('Xã &lt;script>alert(1)&lt;/script>');
  expect(tree.text).not.toContain('<script>alert(1)');
  const provincePage = `/console/admin/units/${h.org.provinceId}`;
  const below = await admin.post(
    provincePage,
    { intent: 'move', parentId: h.org.communeId },
    { formPage: provincePage },
  );
  expect(below.status).toBe(400);
  expect(below.text).toContain('a unit cannot be moved below itself');
  expect((await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.provinceId } })).parentId).toBe(
    h.org.centralId,
  );
  const notLeader = await admin.post(page, { intent: 'leader', personId: h.org.officer.id }, { formPage: page });
  expect(notLeader.status).toBe(400);
  expect(notLeader.text).toContain('not an active leader');
  const leader = await admin.post(page, { intent: 'leader', personId: h.org.provinceLeader.id }, { formPage: page });
  expect(leader.status).toBe(303);
  expect((await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.otherCommuneId } })).responsibleLeaderId).toBe(
    h.org.provinceLeader.id,
  );
});

test('when an admin adds a person, binds and unbinds a role and deactivates them, then their console session ends', async () => {
  const username = `moi-${Math.random().toString(36).slice(2, 8)}`;
  const bad = await admin.post(
    '/console/admin/people',
    {
      username,
      fullName: 'Cán Bộ Mới',
      email: 'not-an-email',
      password: 'short',
      unitId: h.org.communeId,
      role: 'officer',
    },
    { formPage: '/console/admin/people' },
  );
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('<code>password</code>');
  expect(bad.text).toContain('<code>email</code>');
  const created = await admin.post(
    '/console/admin/people',
    {
      username,
      fullName: 'Cán Bộ Mới',
      email: `${username}@example.test`,
      password: 'mat-khau-dai-du',
      unitId: h.org.communeId,
      role: 'officer',
    },
    { formPage: '/console/admin/people' },
  );
  expect(created.status).toBe(303);
  const personPage = created.headers.location!.replace(/\?.*$/, '');
  const person = await h.db.prisma.person.findUniqueOrThrow({ where: { username }, include: { roleBindings: true } });
  expect(person.roleBindings.map((b) => [b.role, b.unitId])).toEqual([['officer', h.org.communeId]]);

  expect(
    (await admin.post(`${personPage}/roles`, { role: 'leader', unitId: h.org.communeId }, { formPage: personPage }))
      .status,
  ).toBe(303);
  const again = await admin.post(
    `${personPage}/roles`,
    { role: 'leader', unitId: h.org.communeId },
    { formPage: personPage },
  );
  expect(again.status).toBe(409);
  expect(again.text).toContain('already holds leader');
  const leaderBinding = await h.db.prisma.roleBinding.findFirstOrThrow({
    where: { personId: person.id, role: 'leader' },
  });
  expect(
    (await admin.post(`${personPage}/roles/${leaderBinding.id}/remove`, {}, { formPage: personPage })).status,
  ).toBe(303);
  expect(await h.db.prisma.roleBinding.count({ where: { personId: person.id } })).toBe(1);

  const them = await signIn(h.app, username, 'mat-khau-dai-du');
  expect((await them.get('/console')).status).toBe(200);
  expect((await admin.post(`${personPage}/active`, { active: 'false' }, { formPage: personPage })).status).toBe(303);
  expect((await h.db.prisma.person.findUniqueOrThrow({ where: { username } })).active).toBe(false);
  const after = await them.get('/console');
  expect(after.status).toBe(303);
  expect(after.headers.location).toMatch(/^\/console\/sign-in/);
  const self = await admin.post(
    `/console/admin/people/${h.org.admin.id}/active`,
    { active: 'false' },
    { formPage: `/console/admin/people/${h.org.admin.id}` },
  );
  expect(self.status).toBe(409);
  expect(self.text).toContain('cannot deactivate their own account');
});

test('when an admin creates an API token, then it is shown once, the list never shows it again, and it can be revoked', async () => {
  const none = await admin.post(
    '/console/admin/tokens',
    { name: 'Cổng dịch vụ công', unitId: h.org.provinceId },
    { formPage: '/console/admin/tokens' },
  );
  expect(none.status).toBe(400);
  expect(none.text).toContain('<code>scopes</code>');
  const res = await admin.agent
    .post('/console/admin/tokens')
    .type('form')
    .send(
      `name=C%E1%BB%95ng&unitId=${h.org.provinceId}&scopes=petitions%3Aread&scopes=reports%3Aread&_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(none.text)![1]!)}`,
    );
  expect(res.status).toBe(201);
  expect(res.headers['cache-control']).toBe('no-store');
  const token =
    /id="new-token"[^>]*value="(dvt_[^"]+)"/.exec(res.text)?.[1] ?? /value="(dvt_[^"]+)"/.exec(res.text)![1]!;
  const row = await h.db.prisma.apiToken.findFirstOrThrow({ where: { name: 'Cổng' } });
  expect(row.scopes.sort()).toEqual(['petitions:read', 'reports:read']);
  const list = await admin.get('/console/admin/tokens');
  expect(list.text).toContain(`data-token="${row.id}"`);
  expect(list.text).not.toContain(token);
  expect(list.text).toContain(`<code>${token.slice(0, 10)}…</code>`);
  const revoked = await admin.post(`/console/admin/tokens/${row.id}/revoke`, {});
  expect(revoked.status).toBe(303);
  expect((await h.db.prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
});

test('when an admin reads the policy and adds a version, then the legal basis is shown and invalid versions are refused in words', async () => {
  const page = await admin.get('/console/admin/policy');
  expect(page.text).toContain('Luật Khiếu nại 2011, Đ.28');
  expect(page.text).toContain('Luật Tố cáo 2018');
  const notJson = await admin.post(
    '/console/admin/policy',
    { version: 'v-bad', effectiveFrom: '2027-01-01', document: '{ kinds: ' },
    { formPage: '/console/admin/policy' },
  );
  expect(notJson.status).toBe(400);
  expect(notJson.text).toContain('không phải JSON hợp lệ');
  const document = /<textarea[^>]*>([\s\S]*?)<\/textarea>/
    .exec(page.text)![1]!
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const broken = JSON.parse(document) as { kinds: { complaint: { clocks: Record<string, unknown> } } };
  delete broken.kinds.complaint.clocks.triage;
  const invalid = await admin.post(
    '/console/admin/policy',
    { version: 'v-broken', effectiveFrom: '2027-01-01', document: JSON.stringify(broken) },
    { formPage: '/console/admin/policy' },
  );
  expect(invalid.status).toBe(400);
  expect(invalid.text).toContain('kinds.complaint.clocks.triage');
  const ok = await admin.post(
    '/console/admin/policy',
    { version: 'v-2027', effectiveFrom: '2027-01-01', note: 'thử', document },
    { formPage: '/console/admin/policy' },
  );
  expect(ok.status).toBe(201);
  expect(ok.text).toContain('data-version="v-2027"');
  const stored = await h.db.prisma.deadlinePolicyVersion.findUniqueOrThrow({ where: { version: 'v-2027' } });
  expect(stored.effectiveFrom.toISOString()).toBe('2026-12-31T17:00:00.000Z');
});

test("when an admin previews a holiday inside a case's deadline and saves it, then the preview names the case and its due date moves", async () => {
  const officer = await signIn(h.app, h.org.officer.username, PASSWORD);
  const registered = await officer.post(
    '/console/petitions',
    {
      kind: 'denunciation',
      channel: 'post',
      receivingUnitId: h.org.communeId,
      field: 'officials_conduct',
      subject: 'Tố cáo chờ thụ lý',
      body: 'Nội dung',
      receivedAt: localIsoDateTime(new Date()),
      'p0.fullName': 'Người tố cáo',
      intent: 'register',
      idempotencyKey: `adm-${Math.random().toString(36).slice(2, 12)}`,
    },
    { formPage: '/console/petitions/new' },
  );
  expect(registered.status).toBe(201);
  const id = /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(registered.text)![1]!;
  const before = await eventually(async () => (await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).dueAt, {
    what: 'the due date',
  });
  // A working weekday strictly inside the triage window (7 working days).
  const start = localDayOf(Date.now());
  let day = start + 2;
  const defaults = (y: number) => defaultCalendarYear(y).holidays;
  while (isWeekend(day) || defaults(yearOf(day)).includes(formatDay(day))) day++;
  expect(day).toBeLessThan(localDayOf(before.getTime()));
  const date = formatDay(day);
  const year = String(yearOf(day));

  const commune = await h.db.prisma.person.create({
    data: {
      id: `ca-${id}`,
      username: `ca-${id}`.toLowerCase().slice(0, 40),
      fullName: 'Quản trị xã',
      email: 'ca@example.test',
      passwordHash: (await h.db.prisma.person.findUniqueOrThrow({ where: { id: h.org.admin.id } })).passwordHash,
      unitId: h.org.communeId,
      roleBindings: { create: { role: 'admin', unitId: h.org.communeId } },
    },
  });
  const communeAdmin = await signIn(h.app, commune.username, PASSWORD);
  const refused = await communeAdmin.post(
    '/console/admin/calendar/preview',
    { year, op: 'add', kind: 'holiday', date },
    { formPage: '/console/admin/calendar' },
  );
  expect(refused.status).toBe(403);

  const wrong = await admin.post(
    '/console/admin/calendar/preview',
    { year, op: 'add', kind: 'working', date },
    { formPage: '/console/admin/calendar' },
  );
  expect(wrong.status).toBe(400);
  expect(wrong.text).toContain('is not a Saturday or Sunday');

  const preview = await admin.post(
    '/console/admin/calendar/preview',
    { year, op: 'add', kind: 'holiday', date },
    { formPage: `/console/admin/calendar?year=${year}` },
  );
  expect(preview.status).toBe(200);
  const code = (await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).trackingCode;
  expect(preview.text).toContain(`data-petition="${code}"`);
  expect(await h.db.prisma.calendarYear.count()).toBe(0);

  const saved = await admin.post('/console/admin/calendar', { year, op: 'add', kind: 'holiday', date });
  expect(saved.status).toBe(303);
  expect((await h.db.prisma.calendarYear.findUniqueOrThrow({ where: { year: Number(year) } })).holidays).toContain(
    date,
  );
  const after = await eventually(
    async () => {
      const p = await h.db.prisma.petition.findUniqueOrThrow({ where: { id } });
      return p.dueAt && p.dueAt.getTime() !== before.getTime() ? p.dueAt : null;
    },
    { what: 'the due date to move' },
  );
  expect(after.getTime()).toBeGreaterThan(before.getTime());
  // What the preview promised is what the workflow did.
  expect(preview.text).toContain(formatDateTime(after, 'vi'));
  expect(preview.text).toContain(formatDateTime(before, 'vi'));
  const grid = await admin.get(`/console/admin/calendar?year=${year}&saved=1`);
  expect(grid.text).toMatch(new RegExp(`<td class="holiday" data-date="${date}">`));
  // A day set links to its row with the remove button; another day prefills the add form, a weekend day as a working day.
  expect(grid.text).toContain(`href="#day-${date}"`);
  expect(grid.text).toContain(`id="day-${date}"`);
  const weekendDate = formatDay(
    [...Array(14).keys()]
      .map((k) => day - 7 + k)
      .find(
        (d) =>
          isWeekend(d) &&
          yearOf(d) === yearOf(day) &&
          !defaultCalendarYear(yearOf(d)).workingWeekends.includes(formatDay(d)),
      )!,
  );
  expect(grid.text).toContain(`href="/console/admin/calendar?year=${year}&amp;date=${weekendDate}#add-day"`);
  const prefilled = await admin.get(`/console/admin/calendar?year=${year}&date=${weekendDate}`);
  expect(prefilled.text).toMatch(new RegExp(`name="date" type="date"[^>]*value="${weekendDate}"`));
  expect(prefilled.text).toMatch(/<option value="working" selected/);
  const otherYear = await admin.get(`/console/admin/calendar?year=${year}&date=1999-01-02`);
  expect(otherYear.text).toContain('name="date" type="date"');
  expect(otherYear.text).not.toMatch(/name="date" type="date"[^>]*value="\d/);
});
