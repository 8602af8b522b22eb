// Report figures against a seeded dataset. The expected numbers are counted in this file straight from
// the seed list, not by the code under test.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let supervisor: string;
let otherLeader: string;
let officer: string;

interface SeedEvent {
  type: 'accept' | 'resolve' | 'forward' | 'escalated' | 'withdraw';
  at: string;
  dueBefore?: string;
}
interface Seed {
  unit: 'c1' | 'c2';
  kind: 'complaint' | 'denunciation' | 'recommendation' | 'feedback';
  field: string;
  received: string;
  dueAt: string | null;
  closed: boolean;
  events: SeedEvent[];
}

const T = (d: string) => `${d}T10:00:00+07:00`;
const SEEDS: Seed[] = [
  {
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-11-03',
    dueAt: null,
    closed: true,
    events: [
      { type: 'accept', at: '2026-11-04' },
      { type: 'resolve', at: '2026-11-20', dueBefore: '2026-12-04' },
    ],
  },
  {
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-11-05',
    dueAt: null,
    closed: true,
    events: [
      { type: 'accept', at: '2026-11-06' },
      { type: 'resolve', at: '2026-11-28', dueBefore: '2026-11-25' },
    ],
  },
  {
    unit: 'c1',
    kind: 'denunciation',
    field: 'officials',
    received: '2026-11-10',
    dueAt: '2026-11-15',
    closed: false,
    events: [
      { type: 'accept', at: '2026-11-11' },
      { type: 'escalated', at: '2026-11-17' },
    ],
  },
  {
    unit: 'c1',
    kind: 'feedback',
    field: 'roads',
    received: '2026-11-12',
    dueAt: '2030-01-30',
    closed: false,
    events: [{ type: 'forward', at: '2026-11-13' }],
  },
  {
    unit: 'c2',
    kind: 'recommendation',
    field: 'roads',
    received: '2026-11-02',
    dueAt: null,
    closed: true,
    events: [{ type: 'withdraw', at: '2026-11-03' }],
  },
  {
    unit: 'c2',
    kind: 'complaint',
    field: 'land',
    received: '2026-10-20',
    dueAt: '2026-11-01',
    closed: false,
    events: [
      { type: 'accept', at: '2026-11-02' },
      { type: 'escalated', at: '2026-11-03' },
      { type: 'escalated', at: '2026-11-09' },
    ],
  },
  {
    unit: 'c2',
    kind: 'complaint',
    field: 'planning',
    received: '2026-11-25',
    dueAt: '2030-06-01',
    closed: false,
    events: [],
  },
  {
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-12-02',
    dueAt: '2030-01-01',
    closed: false,
    events: [{ type: 'accept', at: '2026-12-03' }],
  },
];

beforeAll(async () => {
  h = await startApiHarness();
  [supervisor, otherLeader, officer] = await Promise.all([
    h.login(h.org.supervisor.username),
    h.login(h.org.otherCommuneLeader.username),
    h.login(h.org.officer.username),
  ]);
  for (const s of SEEDS) {
    const id = randomUUID();
    const unitId = s.unit === 'c1' ? h.org.communeId : h.org.otherCommuneId;
    await h.db.prisma.petition.create({
      data: {
        id,
        trackingCode: `DV-T${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
        kind: s.kind,
        channel: 'online',
        field: s.field,
        subject: 's',
        body: 'b',
        receivingUnitId: unitId,
        unitId,
        receivedAt: new Date(T(s.received)),
        createdById: h.org.officer.id,
        workflowId: `seed-${id}`,
        dueAt: s.dueAt ? new Date(T(s.dueAt)) : null,
        closedAt: s.closed ? new Date(T(s.received)) : null,
        events: {
          create: s.events.map((e, i) => ({
            key: `seed-${id}-${i}`,
            type: e.type,
            at: new Date(T(e.at)),
            data: e.dueBefore ? { dueBefore: new Date(`${e.dueBefore}T23:59:59.999+07:00`).toISOString() } : undefined,
          })),
        },
      },
    });
  }
});

afterAll(async () => {
  await h?.stop();
});

const inNov = (d: string) => d >= '2026-11-01' && d <= '2026-11-30';

/** The expected row for a set of seeds, counted directly from the seed list. */
function expected(seeds: Seed[]) {
  const events = (type: SeedEvent['type']) =>
    seeds.flatMap((s) => s.events.filter((e) => e.type === type && inNov(e.at)));
  const received = seeds.filter((s) => inNov(s.received)).length;
  const resolved = events('resolve');
  const onTime = resolved.filter((e) => e.at <= e.dueBefore!).length;
  const escalated = seeds.filter((s) => s.events.some((e) => e.type === 'escalated' && inNov(e.at))).length;
  return {
    received,
    accepted: events('accept').length,
    resolved: resolved.length,
    resolvedOnTime: onTime,
    resolvedOnTimePct: resolved.length ? Math.round((onTime / resolved.length) * 1000) / 10 : null,
    overdueNow: seeds.filter((s) => !s.closed && s.dueAt !== null && s.dueAt < '2026-11-23').length,
    forwarded: events('forward').length,
    escalated,
    escalatedPct: received ? Math.round((escalated / received) * 1000) / 10 : null,
    withdrawn: events('withdraw').length,
  };
}

test('the November report by unit matches the figures counted from the seed', async () => {
  const res = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=unit')
    .set(auth(supervisor))
    .expect(200);
  expect(res.body.period.from).toBe('2026-10-31T17:00:00.000Z');
  expect(res.body.period.to).toBe('2026-11-30T16:59:59.999Z');
  const byUnit = Object.fromEntries(res.body.rows.map((r: { key: string }) => [r.key, r]));
  expect(byUnit[h.org.communeId]).toMatchObject(expected(SEEDS.filter((s) => s.unit === 'c1')));
  expect(byUnit[h.org.otherCommuneId]).toMatchObject(expected(SEEDS.filter((s) => s.unit === 'c2')));
  expect(res.body.total).toMatchObject(expected(SEEDS));
  // Spot-check the seed arithmetic by hand as well: 6 received in November, 1 of 2 resolved on time.
  expect(res.body.total).toMatchObject({
    received: 6,
    resolved: 2,
    resolvedOnTime: 1,
    resolvedOnTimePct: 50,
    escalated: 2,
    withdrawn: 1,
    forwarded: 1,
  });
});

test('grouping by kind and field, a leader sees only their unit, an officer none', async () => {
  const byKind = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=kind')
    .set(auth(supervisor))
    .expect(200);
  const complaint = byKind.body.rows.find((r: { key: string }) => r.key === 'complaint');
  expect(complaint).toMatchObject(expected(SEEDS.filter((s) => s.kind === 'complaint')));
  const byField = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=field')
    .set(auth(supervisor))
    .expect(200);
  expect(byField.body.rows.find((r: { key: string }) => r.key === 'roads')).toMatchObject(
    expected(SEEDS.filter((s) => s.field === 'roads')),
  );
  const leaderView = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=none')
    .set(auth(otherLeader))
    .expect(200);
  expect(leaderView.body.total).toMatchObject(expected(SEEDS.filter((s) => s.unit === 'c2')));
  const byLeader = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=leader')
    .set(auth(supervisor))
    .expect(200);
  expect(byLeader.body.rows.find((r: { key: string }) => r.key === h.org.communeLeader.id)).toMatchObject(
    expected(SEEDS.filter((s) => s.unit === 'c1')),
  );
  await request(h.app).get('/api/v1/reports/petitions?period=2026-11').set(auth(officer)).expect(403);
});

test('periods: quarter, nine months, year and ranges; bad ones are refused', async () => {
  const year = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026&groupBy=none')
    .set(auth(supervisor))
    .expect(200);
  expect(year.body.total.received).toBe(SEEDS.length);
  const nine = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-9M&groupBy=none')
    .set(auth(supervisor))
    .expect(200);
  expect(nine.body.total.received).toBe(0);
  const q4 = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-Q4&groupBy=none')
    .set(auth(supervisor))
    .expect(200);
  expect(q4.body.total.received).toBe(SEEDS.length);
  const range = await request(h.app)
    .get('/api/v1/reports/petitions?from=2026-11-01&to=2026-11-10&groupBy=none')
    .set(auth(supervisor))
    .expect(200);
  expect(range.body.total.received).toBe(
    SEEDS.filter((s) => s.received >= '2026-11-01' && s.received <= '2026-11-10').length,
  );
  await request(h.app).get('/api/v1/reports/petitions?period=2026-13').set(auth(supervisor)).expect(400);
  await request(h.app).get('/api/v1/reports/petitions').set(auth(supervisor)).expect(400);
});

test('CSV has Vietnamese headings by default and English on request; XLSX is a real workbook', async () => {
  const csv = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=none&format=csv')
    .set(auth(supervisor))
    .expect(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const [head, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(head).toBe(
    'Nhóm,Tiếp nhận,Thụ lý,Đã giải quyết,Giải quyết đúng hạn,Tỷ lệ đúng hạn (%),Quá hạn hiện tại,Chuyển đơn,Báo cáo lên cấp trên,Tỷ lệ lên cấp trên (%),Rút đơn,Đơn đông người',
  );
  const e = expected(SEEDS);
  expect(row).toBe(
    `Tổng / Total,${e.received},${e.accepted},${e.resolved},${e.resolvedOnTime},${e.resolvedOnTimePct},${e.overdueNow},${e.forwarded},${e.escalated},${e.escalatedPct},${e.withdrawn},0`,
  );
  const en = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=none&format=csv&lang=en')
    .set(auth(supervisor))
    .expect(200);
  expect(en.text).toContain('Group,Received,Accepted,Resolved');

  const xlsx = await request(h.app)
    .get('/api/v1/reports/petitions?period=2026-11&groupBy=unit&format=xlsx')
    .set(auth(supervisor))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as never);
  const sheet = workbook.getWorksheet('Báo cáo')!;
  expect(sheet.getRow(2).getCell(2).value).toBe('Tiếp nhận');
  const last = sheet.getRow(sheet.rowCount);
  expect(last.getCell(1).value).toBe('Tổng / Total');
  expect(last.getCell(2).value).toBe(e.received);
});
