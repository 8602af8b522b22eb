// The leader scorecard, conference report and reception-duty pages, and the search filters: who sees
// them, the figures against the JSON API for the same period, and each filter narrowing the list.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
let supervisor: ConsoleClient;
let supervisorToken: string;

const T = (d: string) => new Date(`${d}T10:00:00+07:00`);

async function seedPetition(p: {
  unitId: string;
  field: string;
  dueAt: string | null;
  closed?: boolean;
  escalated?: boolean;
  forwardCount?: number;
  receivedAt?: string;
  assigneeId?: string;
  events?: { type: string; at: string; data?: object; actor?: boolean }[];
}): Promise<string> {
  const id = randomUUID();
  const trackingCode = `DV-R${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`;
  await h.db.prisma.petition.create({
    data: {
      id,
      trackingCode,
      kind: 'complaint',
      channel: 'post',
      field: p.field,
      subject: `seed ${p.field}`,
      body: 'b',
      receivingUnitId: p.unitId,
      unitId: p.unitId,
      receivedAt: T(p.receivedAt ?? '2026-10-01'),
      createdById: h.org.officer.id,
      workflowId: `seed-${id}`,
      dueAt: p.dueAt ? T(p.dueAt) : null,
      closedAt: p.closed ? T('2026-11-30') : null,
      stage: p.closed ? 'resolved' : 'assigned',
      escalated: p.escalated ?? false,
      forwardCount: p.forwardCount ?? 0,
      assigneeId: p.assigneeId ?? null,
      events: {
        create: (p.events ?? []).map((e, i) => ({
          key: `seed-${id}-${i}`,
          type: e.type,
          at: T(e.at),
          actorId: e.actor ? h.org.officer.id : null,
          data: e.data ?? {},
        })),
      },
    },
  });
  return trackingCode;
}

let codeA: string;
let codeB: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
  ]);
  supervisorToken = await h.login(h.org.supervisor.username);
  const { communeId, otherCommuneId, communeLeader } = h.org;
  // Scorecard, November: commune 1 has one case resolved on time, one open overdue that was reminded and
  // escalated; commune 2 one resolved late.
  await seedPetition({
    unitId: communeId,
    field: 'planning',
    dueAt: null,
    closed: true,
    events: [{ type: 'resolve', at: '2026-11-10', actor: true, data: { dueBefore: T('2026-11-15').toISOString() } }],
  });
  await seedPetition({
    unitId: communeId,
    field: 'planning',
    dueAt: '2026-11-10',
    events: [
      { type: 'reminder', at: '2026-11-09', data: { recipientIds: [communeLeader.id] } },
      { type: 'escalated', at: '2026-11-11' },
    ],
  });
  await seedPetition({
    unitId: otherCommuneId,
    field: 'planning',
    dueAt: null,
    closed: true,
    events: [{ type: 'resolve', at: '2026-11-20', actor: true, data: { dueBefore: T('2026-11-16').toISOString() } }],
  });
  // Search: A and B differ in every filter the page offers.
  codeA = await seedPetition({
    unitId: communeId,
    field: 'land',
    dueAt: '2026-11-01',
    escalated: true,
    forwardCount: 1,
    receivedAt: '2026-10-05',
    assigneeId: h.org.officer.id,
  });
  codeB = await seedPetition({
    unitId: otherCommuneId,
    field: 'environment',
    dueAt: '2030-01-01',
    receivedAt: '2026-11-20',
  });
  // A held conference in commune 1 in November: 3 opinions, 2 answered, 1 sent up; 40 attendees.
  await h.db.prisma.conference.create({
    data: {
      id: randomUUID(),
      unitId: communeId,
      kind: 'regular',
      title: 'Đối thoại tháng 11',
      startsAt: T('2026-11-12'),
      location: 'Hội trường xã',
      chairId: communeLeader.id,
      status: 'held',
      attendeeCount: 40,
      heldAt: T('2026-11-12'),
      createdById: communeLeader.id,
      opinions: {
        create: [
          { field: 'land', content: 'a', outcome: 'answered', recordedById: communeLeader.id },
          { field: 'land', content: 'b', outcome: 'answered', recordedById: communeLeader.id },
          { field: 'environment', content: 'c', outcome: 'referred', recordedById: communeLeader.id },
        ],
      },
    },
  });
  // The commune chairman owes one reception day a week and held none in November: flagged.
  await h.db.prisma.person.update({ where: { id: communeLeader.id }, data: { post: 'chairman' } });
});
afterAll(async () => {
  await h?.stop();
});

const api = (path: string) => request(h.app).get(`/api/v1${path}`).set(auth(supervisorToken)).expect(200);

/** The text of each `data-col` cell of the table row marked `data-<attr>="<id>"`. */
function rowCells(html: string, attr: string, id: string): Record<string, string> {
  const row = new RegExp(`<tr data-${attr}="${id}">([\\s\\S]*?)</tr>`).exec(html);
  if (!row) throw new Error(`no row ${attr}=${id}`);
  return Object.fromEntries([...row[1]!.matchAll(/data-col="(\w+)"[^>]*>([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
}

const PAGES = ['/console/reports/leaders', '/console/reports/conferences', '/console/reports/obligations'];

test('when an officer opens the supervisor reports, then each is refused as the API refuses them, and the navigation does not offer them', async () => {
  for (const path of [
    ...PAGES,
    '/console/reports/leaders/download?format=csv',
    '/console/reports/conferences/download?format=xlsx',
    '/console/reports/obligations/download?format=xlsx',
  ]) {
    const res = await officer.get(path);
    expect(res.status).toBe(403);
    expect(res.text).toContain('Không có quyền truy cập');
  }
  const home = await officer.get('/console');
  expect(home.text).not.toContain('href="/console/reports/leaders"');
  const supervisorHome = await supervisor.get('/console');
  for (const path of PAGES) expect(supervisorHome.text).toContain(`href="${path}"`);
  const leaderHome = await leader.get('/console');
  for (const path of PAGES) expect(leaderHome.text).toContain(`href="${path}"`);
});

test("when a supervisor opens the leader scorecard for November, then each leader's figures equal the API's, with a chart and the API's CSV", async () => {
  const page = await supervisor.get('/console/reports/leaders?period=2026-11');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<svg class="chart"');
  expect(page.text).toContain('<caption>Kết quả của từng lãnh đạo phụ trách địa bàn, kỳ');
  const card = (await api('/reports/leaders?period=2026-11')).body as { rows: Record<string, unknown>[] };
  const leaders = [h.org.communeLeader.id, h.org.otherCommuneLeader.id];
  for (const id of leaders) {
    const expected = card.rows.find((r) => r.leaderId === id)!;
    const cells = rowCells(page.text, 'leader', id);
    for (const key of ['due', 'resolvedOnTime', 'overdueNow', 'remindersReceived', 'escalations'])
      expect([id, key, cells[key]]).toEqual([id, key, String(expected[key])]);
  }
  // The seeded figures themselves, so the comparison is not of two empty tables: commune 1 has the planning
  // case resolved on time, the reminded and escalated one due 10 Nov, and search case A due 1 Nov (both open).
  expect(rowCells(page.text, 'leader', h.org.communeLeader.id)).toMatchObject({
    due: '3',
    resolvedOnTime: '1',
    overdueNow: '2',
    remindersReceived: '1',
    escalations: '1',
  });
  const csv = await supervisor.get('/console/reports/leaders/download?period=2026-11&format=csv');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const apiCsv = await request(h.app)
    .get('/api/v1/reports/leaders?period=2026-11&format=csv')
    .set(auth(supervisorToken));
  expect(csv.text).toBe(apiCsv.text);
  const xlsx = await supervisor.agent.get('/console/reports/leaders/download?period=2026-11&format=xlsx').buffer(true);
  expect(xlsx.headers['content-type']).toContain('spreadsheetml');
});

test("when the commune leader opens the scorecard, then only their own subtree's leader is shown", async () => {
  const page = await leader.get('/console/reports/leaders?period=2026-11');
  expect(page.status).toBe(200);
  expect(page.text).toContain(`data-leader="${h.org.communeLeader.id}"`);
  expect(page.text).not.toContain(`data-leader="${h.org.otherCommuneLeader.id}"`);
});

test('when a supervisor opens the conference report, then the headline and the table equal the API, and a bad period is a 400 with the picker', async () => {
  const page = await supervisor.get('/console/reports/conferences?period=2026-11');
  expect(page.status).toBe(200);
  const report = (await api('/reports/conferences?period=2026-11')).body as {
    headline: { vi: string; en: string };
    opinions: { opinions: number; referred: number };
  };
  expect(report.opinions.opinions).toBe(3);
  expect(page.text).toContain(`<strong>${report.headline.vi}</strong>`);
  expect(page.text).toContain('<caption>Ý kiến tại hội nghị đối thoại theo lĩnh vực và kết quả, kỳ');
  expect(page.text).toContain('<svg class="chart"');
  const csv = await supervisor.get('/console/reports/conferences/download?period=2026-11&format=csv');
  const apiCsv = await request(h.app)
    .get('/api/v1/reports/conferences?period=2026-11&format=csv')
    .set(auth(supervisorToken));
  expect(csv.text).toBe(apiCsv.text);
  const bad = await supervisor.get('/console/reports/conferences?period=nonsense');
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('Kỳ báo cáo không hợp lệ.');
  expect(bad.text).toContain('name="period"');
  const en = await supervisor.get('/console/reports/conferences?period=2026-11&lang=en');
  expect(en.text).toContain(`<strong>${report.headline.en}</strong>`);
  // The language choice is remembered: back to Vietnamese for the tests after this one.
  expect((await supervisor.get('/console/reports/conferences?period=2026-11&lang=vi')).text).toContain(
    `<strong>${report.headline.vi}</strong>`,
  );
});

test('when a supervisor opens the reception duty for November, then the flagged leaders and their figures equal the API', async () => {
  const page = await supervisor.get('/console/reports/obligations?period=2026-11');
  expect(page.status).toBe(200);
  const duty = (await api('/reception/obligations?period=2026-11')).body as {
    flagged: string[];
    rows: { personId: string; fullName: string; windows: number; shortWindows: unknown[]; daysHeld: number }[];
  };
  expect(duty.flagged).toEqual([h.org.communeLeader.id]);
  const flaggedList = /<ul id="flagged-leaders">([\s\S]*?)<\/ul>/.exec(page.text)![1]!;
  expect(flaggedList).toContain(`data-person="${h.org.communeLeader.id}"`);
  const row = duty.rows.find((r) => r.personId === h.org.communeLeader.id)!;
  expect(rowCells(page.text, 'person', h.org.communeLeader.id)).toEqual({
    daysHeld: String(row.daysHeld),
    windows: String(row.windows),
    shortWindows: String(row.shortWindows.length),
  });
  expect(row.windows).toBeGreaterThan(4);
  // More than four short weeks fold under their count.
  expect(page.text).toContain(`<summary>${row.shortWindows.length} kỳ</summary>`);
  expect(page.text).toContain('<caption>Số ngày tiếp công dân của từng lãnh đạo so với quy định, kỳ');

  // The same table as CSV and XLSX, like every other report: the page's columns, the API's figures.
  expect(page.text).toContain('href="/console/reports/obligations/download?period=2026-11&amp;format=xlsx"');
  const csv = await supervisor.get('/console/reports/obligations/download?period=2026-11&format=csv');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Lãnh đạo,Đơn vị,Chức vụ,Quy định,Số ngày đã tiếp,Số kỳ đã xét,Số kỳ chưa đủ,Các kỳ chưa đủ,Cần nhắc nhở,Căn cứ',
  );
  expect(lines).toHaveLength(duty.rows.length + 1);
  const leaderLine = lines.find((l) => l.startsWith(`${row.fullName},`))!;
  expect(leaderLine).toContain(`,${row.daysHeld},${row.windows},${row.shortWindows.length},`);
  expect(leaderLine).toMatch(/,Có,/);
  const xlsx = await supervisor.agent
    .get('/console/reports/obligations/download?period=2026-11&format=xlsx')
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.body as never);
  const sheet = book.worksheets[0]!;
  expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^Nghĩa vụ tiếp công dân định kỳ — /);
  expect(sheet.rowCount).toBe(duty.rows.length + 2);
  // In English too; the choice is remembered, so it is set back for the tests after this one.
  const english = await supervisor.get('/console/reports/obligations/download?period=2026-11&format=csv&lang=en');
  expect(english.text).toContain('Leader,Unit,Post,Duty,Days received,Periods judged,Periods short');
  await supervisor.get('/console/reports/obligations?period=2026-11&lang=vi');
});

test('when the search is narrowed by each filter of the list, then only the matching case is listed and the filter stays in the links', async () => {
  const listed = async (query: string) => {
    const res = await supervisor.get(`/console/petitions?${query}`);
    expect(res.status).toBe(200);
    return { a: res.text.includes(`>${codeA}</a>`), b: res.text.includes(`>${codeB}</a>`), text: res.text };
  };
  const everything = await listed('');
  expect([everything.a, everything.b]).toEqual([true, true]);
  const cases: [string, boolean, boolean][] = [
    ['field=land', true, false],
    [`unitId=${h.org.otherCommuneId}`, false, true],
    ['overdue=true', true, false],
    ['overdue=false', false, true],
    ['escalated=true', true, false],
    ['forwarded=true', true, false],
    ['forwarded=false', false, true],
    ['receivedFrom=2026-11-01&receivedTo=2026-11-30', false, true],
    ['receivedTo=2026-10-05', true, false],
    [`assigneeId=${h.org.officer.id}`, true, false],
  ];
  for (const [query, a, b] of cases) {
    const got = await listed(query);
    expect([query, got.a, got.b]).toEqual([query, a, b]);
  }
  const shared = await listed('field=land&escalated=true&receivedFrom=2026-10-01');
  // The sort links of the table carry the filters, so the search is a URL to share.
  expect(shared.text).toMatch(
    /href="\/console\/petitions\?[^"]*field=land[^"]*escalated=true[^"]*receivedFrom=2026-10-01/,
  );
  expect(shared.text).toContain('<option value="true" selected');
  const wrongDay = await listed('receivedFrom=2026-02-30');
  expect([wrongDay.a, wrongDay.b]).toEqual([true, true]);
  expect(wrongDay.text).toContain('Ngày nhận không hợp lệ');
});
