// The national sync report in the console, on the real app: admins and supervisors of the province see its
// runs and each run's records — sent, refused, and invalid with the place of the fault — in Vietnamese and
// in English; officers and leaders are refused, and no one reads the run of a province not theirs.
import { randomBytes } from 'node:crypto';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
let supervisor: ConsoleClient;
let admin: ConsoleClient;
let runId: string;
let foreignRunId: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor, admin] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.provinceLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
    signIn(h.app, h.org.admin.username, PASSWORD),
  ]);
  // The report's rows as a sync run leaves them (the run itself: test/workflows/national-sync-invalid.test.ts).
  runId = `national-sync-${h.org.provinceId}:7`;
  const startedAt = new Date('2026-11-30T01:00:00.000Z');
  const delivery = (n: number, outcome: string, httpStatus: number, error: string | null, attempts = 1) => ({
    idempotencyKey: `case-${n}-${randomBytes(3).toString('hex')}:v1`,
    petitionId: `case-${n}`,
    trackingCode: `KN-2026-000${n}`,
    version: 1,
    contentHash: 'h',
    outcome,
    httpStatus,
    attempts,
    error,
    deliveredAt: new Date(startedAt.getTime() + n * 1000),
  });
  await h.db.prisma.nationalSyncRun.create({
    data: {
      id: runId,
      unitId: h.org.provinceId,
      startedAt,
      finishedAt: new Date('2026-11-30T01:05:00.000Z'),
      found: 3,
      deliveries: {
        create: [
          delivery(1, 'accepted', 201, null, 3),
          delivery(2, 'rejected', 422, '{"errors":["refused"]}'),
          delivery(3, 'invalid', 0, '/round: must be <= 2'),
        ],
      },
    },
  });
  const elsewhere = await h.db.prisma.unit.create({
    data: {
      id: `other-${randomBytes(3).toString('hex')}`,
      name: 'Tỉnh Khác',
      level: 'province',
      parentId: h.org.centralId,
    },
  });
  foreignRunId = `national-sync-${elsewhere.id}:1`;
  await h.db.prisma.nationalSyncRun.create({ data: { id: foreignRunId, unitId: elsewhere.id, startedAt } });
});
afterAll(async () => {
  await h?.stop();
});

const runPath = (id: string) => `/console/national-sync/runs/${encodeURIComponent(id)}`;
const rowOf = (html: string, attr: string, value: string) =>
  new RegExp(`<tr ${attr}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ??
  '';
const cells = (row: string) =>
  [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

test('when an admin or a supervisor opens the sync report, then the province’s runs are listed with what was sent, refused and invalid, in Vietnamese and English', async () => {
  for (const client of [supervisor, admin]) {
    const home = await client.get('/console');
    expect(home.text).toContain('href="/console/national-sync"');

    const vi = await client.get('/console/national-sync?lang=vi');
    expect(vi.status).toBe(200);
    expect(vi.text).toContain('<h1>Đồng bộ CSDL quốc gia về khiếu nại, tố cáo</h1>');
    expect(vi.text).toContain('<caption>Các lần đồng bộ, mới nhất trước</caption>');
    // found, sent, refused, invalid, retried
    expect(cells(rowOf(vi.text, 'data-run', runId)).slice(4)).toEqual(['3', '1', '1', '1', '1']);
    expect(vi.text).not.toContain(foreignRunId);

    const en = await client.get('/console/national-sync?lang=en');
    expect(en.text).toContain('<h1>Sync to the national complaints database</h1>');
    expect(en.text).toContain('<th scope="col">Invalid</th>');
  }
});

test('when a run is opened, then each record shows its outcome, and an invalid one the path of its first fault', async () => {
  const page = await supervisor.get(`${runPath(runId)}?lang=vi`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('<h1>Lần đồng bộ 7</h1>');
  expect(page.text).toContain('<caption>Lần đồng bộ này: tỉnh, thời gian và số bản ghi</caption>');
  const invalid = page.text.match(/<tr data-delivery="[^"]+" data-outcome="invalid">([\s\S]*?)<\/tr>/)?.[1] ?? '';
  expect(cells(invalid).slice(0, 6)).toEqual([
    'KN-2026-0003',
    '1',
    'không hợp lệ, không gửi',
    '—',
    '1',
    '/round: must be &lt;= 2',
  ]);
  const accepted = page.text.match(/<tr data-delivery="[^"]+" data-outcome="accepted">([\s\S]*?)<\/tr>/)?.[1] ?? '';
  expect(cells(accepted).slice(0, 5)).toEqual(['KN-2026-0001', '1', 'đã nhận', '201', '3']);
  const en = await admin.get(`${runPath(runId)}?lang=en`);
  expect(en.text).toContain('<h1>Sync run 7</h1>');
  expect(en.text).toContain('<caption>This run: province, times and record counts</caption>');
  expect(en.text).toContain('invalid, not sent');
  expect(en.text).toContain('refused');
});

test('when an officer or a leader asks for the sync report, then it is refused with 403 and the nav has no entry', async () => {
  for (const client of [officer, leader]) {
    expect((await client.get('/console')).text).not.toContain('href="/console/national-sync"');
    const list = await client.get('/console/national-sync');
    expect(list.status).toBe(403);
    expect(list.text).toContain('Báo cáo đồng bộ dành cho quản trị và thanh tra.');
    expect((await client.get(runPath(runId))).status).toBe(403);
    expect((await client.get(`/console/national-sync?lang=en`)).text).toContain(
      'The sync report is for admins and supervisors.',
    );
  }
});

test('when a supervisor opens the run of another province, then it is refused with 403', async () => {
  expect((await supervisor.get(runPath(foreignRunId))).status).toBe(403);
  expect((await supervisor.get(runPath(`national-sync-${h.org.provinceId}:999`))).status).toBe(404);
});
