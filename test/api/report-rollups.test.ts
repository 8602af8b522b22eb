// The periodic report counted two ways in PostgreSQL (the trigger-kept rollups and the events
// themselves) against a count made here from the seed list, on the edges: the first and last
// millisecond of a period, resolved exactly at the deadline and one millisecond late, no or an
// unreadable deadline, forwards, escalations (a petition escalated twice counts once), and rows that
// change after they were written.
import { randomUUID } from 'node:crypto';
import { buildTestOrg, type TestOrg } from '../support/org';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { petitionReport, type Grouping, type ReportRow } from '../../src/reports/reports';
import { parsePeriod, rangePeriod, type Period } from '../../src/domain/report-period';
import type { Principal } from '../../src/org/access';

let db: TestDatabase;
let org: TestOrg;
let supervisor: Principal;

const NOW = new Date('2026-11-23T12:00:00.000Z');
const ms = (local: string) => Date.parse(local);

interface SeedEvent {
  type: string;
  at: string;
  dueBefore?: string;
}
interface Seed {
  id: string;
  unit: 'c1' | 'c2';
  kind: 'complaint' | 'denunciation' | 'recommendation' | 'feedback';
  field: string;
  received: string;
  dueAt: string | null;
  closed: boolean;
  events: SeedEvent[];
}

const seed = (s: Omit<Seed, 'id'>): Seed => ({ id: randomUUID(), ...s });
const SEEDS: Seed[] = [
  // First millisecond of November; resolved in its last millisecond, exactly at the deadline: on time.
  seed({
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-11-01T00:00:00.000+07:00',
    dueAt: null,
    closed: true,
    events: [
      { type: 'accept', at: '2026-11-01T00:00:00.000+07:00' },
      { type: 'resolve', at: '2026-11-30T23:59:59.999+07:00', dueBefore: '2026-11-30T23:59:59.999+07:00' },
    ],
  }),
  // Last millisecond of October; resolved one millisecond after its deadline.
  seed({
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-10-31T23:59:59.999+07:00',
    dueAt: null,
    closed: true,
    events: [
      { type: 'accept', at: '2026-10-31T23:59:59.999+07:00' },
      { type: 'reminder', at: '2026-11-09T08:00:00.000+07:00' },
      { type: 'resolve', at: '2026-11-10T10:00:00.000+07:00', dueBefore: '2026-11-10T09:59:59.999+07:00' },
    ],
  }),
  // Last millisecond of November, open and overdue; escalated on two November days and once in October.
  seed({
    unit: 'c1',
    kind: 'denunciation',
    field: 'officials',
    received: '2026-11-30T23:59:59.999+07:00',
    dueAt: '2026-11-20T10:00:00.000+07:00',
    closed: false,
    events: [
      { type: 'escalated', at: '2026-10-30T10:00:00.000+07:00' },
      { type: 'escalated', at: '2026-11-12T10:00:00.000+07:00' },
      { type: 'escalated', at: '2026-11-21T10:00:00.000+07:00' },
    ],
  }),
  // First millisecond of December; forwarded an hour before midnight and again at midnight; escalated twice on one day.
  seed({
    unit: 'c2',
    kind: 'feedback',
    field: 'roads',
    received: '2026-12-01T00:00:00.000+07:00',
    dueAt: '2030-01-01T10:00:00.000+07:00',
    closed: false,
    events: [
      { type: 'forward', at: '2026-11-30T23:00:00.000+07:00' },
      { type: 'forward', at: '2026-12-01T00:00:00.000+07:00' },
      { type: 'escalated', at: '2026-11-15T08:00:00.000+07:00' },
      { type: 'escalated', at: '2026-11-15T17:00:00.000+07:00' },
    ],
  }),
  // Resolved with no deadline recorded (late), then withdrawn.
  seed({
    unit: 'c2',
    kind: 'complaint',
    field: 'land',
    received: '2026-11-05T09:00:00.000+07:00',
    dueAt: null,
    closed: true,
    events: [
      { type: 'resolve', at: '2026-11-06T09:00:00.000+07:00' },
      { type: 'withdraw', at: '2026-11-07T09:00:00.000+07:00' },
    ],
  }),
  // Received in September, escalated only in October, resolved under an unreadable deadline (late), due later.
  seed({
    unit: 'c2',
    kind: 'recommendation',
    field: 'planning',
    received: '2026-09-15T09:00:00.000+07:00',
    dueAt: '2027-02-01T10:00:00.000+07:00',
    closed: false,
    events: [
      { type: 'escalated', at: '2026-10-02T09:00:00.000+07:00' },
      { type: 'resolve', at: '2026-11-02T09:00:00.000+07:00', dueBefore: 'soon' },
    ],
  }),
  // Open with no deadline, and closed with a past one: neither is overdue.
  seed({
    unit: 'c1',
    kind: 'complaint',
    field: 'land',
    received: '2026-11-20T09:00:00.000+07:00',
    dueAt: null,
    closed: false,
    events: [],
  }),
  seed({
    unit: 'c1',
    kind: 'complaint',
    field: 'roads',
    received: '2026-11-21T09:00:00.000+07:00',
    dueAt: '2026-11-22T09:00:00.000+07:00',
    closed: true,
    events: [{ type: 'withdraw', at: '2026-11-22T08:00:00.000+07:00' }],
  }),
  // Due exactly now (not yet overdue) and one millisecond before now (overdue).
  seed({
    unit: 'c2',
    kind: 'complaint',
    field: 'land',
    received: '2026-08-01T09:00:00.000+07:00',
    dueAt: NOW.toISOString(),
    closed: false,
    events: [],
  }),
  seed({
    unit: 'c2',
    kind: 'denunciation',
    field: 'land',
    received: '2026-08-02T09:00:00.000+07:00',
    dueAt: new Date(NOW.getTime() - 1).toISOString(),
    closed: false,
    events: [{ type: 'accept', at: '2026-08-03T09:00:00.000+07:00' }],
  }),
];

const unitOf = (s: Seed) => (s.unit === 'c1' ? org.communeId : org.otherCommuneId);

async function insert(s: Seed): Promise<void> {
  await db.prisma.petition.create({
    data: {
      id: s.id,
      trackingCode: `DV-R${s.id.slice(0, 3).toUpperCase()}-${s.id.slice(4, 8).toUpperCase()}`,
      kind: s.kind,
      channel: 'online',
      field: s.field,
      subject: 's',
      body: 'b',
      receivingUnitId: unitOf(s),
      unitId: unitOf(s),
      receivedAt: new Date(s.received),
      createdById: org.officer.id,
      workflowId: `seed-${s.id}`,
      dueAt: s.dueAt ? new Date(s.dueAt) : null,
      closedAt: s.closed ? new Date(s.received) : null,
      events: {
        create: s.events.map((e, i) => ({
          key: `seed-${s.id}-${i}`,
          type: e.type,
          at: new Date(e.at),
          data: e.dueBefore
            ? { dueBefore: /^\d/.test(e.dueBefore) ? new Date(e.dueBefore).toISOString() : e.dueBefore }
            : undefined,
        })),
      },
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  org = await buildTestOrg(db.prisma);
  supervisor = {
    personId: org.supervisor.id,
    fullName: 'Đỗ Thanh Tra',
    unitId: org.provinceId,
    bindings: [{ role: 'supervisor', unitId: org.provinceId }],
  };
  for (const s of SEEDS) await insert(s);
});

afterAll(async () => {
  await db?.drop();
});

type Figures = Pick<
  ReportRow,
  'received' | 'accepted' | 'resolved' | 'resolvedOnTime' | 'overdueNow' | 'forwarded' | 'escalated' | 'withdrawn'
>;

/** Counted here, from the seed list, by the rules in DOMAIN.md's reporting section. */
function expected(seeds: Seed[], period: Period, keyOf: (s: Seed) => string): Map<string, Figures> {
  const inPeriod = (t: string) => ms(t) >= period.fromMs && ms(t) <= period.toMs;
  const out = new Map<string, Figures>();
  for (const s of seeds) {
    const events = (type: string) => s.events.filter((e) => e.type === type && inPeriod(e.at));
    const f: Figures = {
      received: inPeriod(s.received) ? 1 : 0,
      accepted: events('accept').length,
      resolved: events('resolve').length,
      resolvedOnTime: events('resolve').filter(
        (e) => e.dueBefore && /^\d/.test(e.dueBefore) && ms(e.at) <= ms(e.dueBefore),
      ).length,
      overdueNow: !s.closed && s.dueAt !== null && ms(s.dueAt) < NOW.getTime() ? 1 : 0,
      forwarded: events('forward').length,
      escalated: events('escalated').length > 0 ? 1 : 0,
      withdrawn: events('withdraw').length,
    };
    if (!Object.values(f).some((n) => n > 0)) continue;
    const row = out.get(keyOf(s)) ?? {
      received: 0,
      accepted: 0,
      resolved: 0,
      resolvedOnTime: 0,
      overdueNow: 0,
      forwarded: 0,
      escalated: 0,
      withdrawn: 0,
    };
    for (const k of Object.keys(f) as (keyof Figures)[]) row[k] += f[k];
    out.set(keyOf(s), row);
  }
  return out;
}

const KEYS: Record<Grouping, (s: Seed) => string> = {
  unit: unitOf,
  kind: (s) => s.kind,
  field: (s) => s.field,
  none: () => 'all',
  level: () => 'commune',
  leader: (s) => (s.unit === 'c1' ? org.communeLeader.id : org.otherCommuneLeader.id),
};

async function expectBothWaysToMatch(seeds: Seed[], period: Period): Promise<void> {
  for (const [groupBy, keyOf] of Object.entries(KEYS) as [keyof typeof KEYS, (s: Seed) => string][]) {
    const want = expected(seeds, period, keyOf);
    for (const source of ['rollup', 'events'] as const) {
      const report = await petitionReport(db.prisma, supervisor, period, groupBy, NOW, { source });
      const got = new Map(
        report.rows.map((r) => [
          r.key,
          {
            received: r.received,
            accepted: r.accepted,
            resolved: r.resolved,
            resolvedOnTime: r.resolvedOnTime,
            overdueNow: r.overdueNow,
            forwarded: r.forwarded,
            escalated: r.escalated,
            withdrawn: r.withdrawn,
          },
        ]),
      );
      expect({ groupBy, source, rows: Object.fromEntries(got) }).toEqual({
        groupBy,
        source,
        rows: Object.fromEntries(want),
      });
    }
  }
}

const NOVEMBER = parsePeriod('2026-11')!;

test('November, by unit, kind, field and in total: rollups, events and the seed count agree on every edge', async () => {
  const want = expected(SEEDS, NOVEMBER, () => 'all').get('all')!;
  // The edges by hand: received P1, P3, P5, P7, P8; resolved P1 (on time), P2 (1 ms late), P5 (no deadline), P6 (unreadable).
  expect(want).toEqual({
    received: 5,
    accepted: 1,
    resolved: 4,
    resolvedOnTime: 1,
    overdueNow: 2,
    forwarded: 1,
    escalated: 2,
    withdrawn: 2,
  });
  await expectBothWaysToMatch(SEEDS, NOVEMBER);
});

test('quarters, the year, a single day and a period that does not start on a local midnight', async () => {
  for (const p of ['2026-Q3', '2026-Q4', '2026', '2026-H1']) await expectBothWaysToMatch(SEEDS, parsePeriod(p)!);
  await expectBothWaysToMatch(SEEDS, {
    label: '30/11',
    fromMs: ms('2026-11-30T00:00:00.000+07:00'),
    toMs: ms('2026-11-30T23:59:59.999+07:00'),
  });
  // Whole November from the rollups, 15–31 October and 1–10 December from the events: P3, escalated on
  // 30 October and in November, still counts once (P3 and P4; P6's was on 2 October).
  const range = rangePeriod('2026-10-15', '2026-12-10')!;
  await expectBothWaysToMatch(SEEDS, range);
  expect(expected(SEEDS, range, () => 'all').get('all')).toMatchObject({ escalated: 2 });
  // One millisecond in from each end: the rollups cannot answer it, the events do.
  const inner = { label: 'inner', fromMs: NOVEMBER.fromMs + 1, toMs: NOVEMBER.toMs - 1 };
  const want = expected(SEEDS, inner, () => 'all').get('all')!;
  expect(want).toMatchObject({ received: 3, accepted: 0, resolved: 3 });
  const auto = await petitionReport(db.prisma, supervisor, inner, 'none', NOW);
  expect(auto.total).toMatchObject(want);
});

test('the rollups follow a deleted petition, a changed field and an event written later', async () => {
  const seeds = [...SEEDS];
  const [withdrawn] = seeds.splice(4, 1) as [Seed];
  await db.prisma.petition.delete({ where: { id: withdrawn.id } });
  await expectBothWaysToMatch(seeds, NOVEMBER);

  const moved = seeds.findIndex((s) => s.field === 'roads' && s.unit === 'c1');
  const before = seeds[moved]!;
  seeds[moved] = { ...before, field: 'planning', kind: 'recommendation' };
  await db.prisma.petition.update({ where: { id: before.id }, data: { field: 'planning', kind: 'recommendation' } });
  await expectBothWaysToMatch(seeds, NOVEMBER);

  const late: SeedEvent = { type: 'escalated', at: '2026-11-25T10:00:00.000+07:00' };
  const first = seeds[0]!;
  seeds[0] = { ...first, events: [...first.events, late] };
  await db.prisma.petitionEvent.create({
    data: { key: `late-${first.id}`, petitionId: first.id, type: late.type, at: new Date(late.at) },
  });
  await expectBothWaysToMatch(seeds, NOVEMBER);
  expect(expected(seeds, NOVEMBER, () => 'all').get('all')!.escalated).toBe(3);
});

test('rebuilding the rollups from the rows gives what the triggers kept', async () => {
  const read = async () => [
    await db.prisma
      .$queryRaw`SELECT * FROM "ReportMonthlyRollup" WHERE "received" + "accepted" + "resolved" + "resolvedOnTime" + "forwarded" + "withdrawn" <> 0 ORDER BY 1, 2, 3, 4`,
    await db.prisma.$queryRaw`SELECT * FROM "ReportEscalationMonth" ORDER BY 1, 2`,
  ];
  const kept = await read();
  expect((kept[0] as unknown[]).length).toBeGreaterThan(5);
  await db.prisma.$executeRaw`SELECT danvan_rebuild_report_rollups()`;
  expect(await read()).toEqual(kept);
});
