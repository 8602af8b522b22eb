// `npm run bench`: two suites, each printing one table; nothing here runs in `npm test`.
// service (service-bench.ts): the service started as `npm start` runs it, on its own ports and data folder,
// its request paths next to raw Temporal on the same dev server in the same run.
// reports: reports over 100 k and 1 M petitions seeded straight into an embedded PostgreSQL that
// this script starts in a scratch folder on a free port (and removes afterwards), timed through the
// service's own report code next to one raw aggregate SQL over the same rows and the report as it was
// before (rows loaded into JavaScript).
//
//   npm run bench                          # both suites: intake 30/100/200, 200 actions, 10 k open; 100 k and 1 M
//   npm run bench -- --suites=service --intake=20,80,200 --actions=100 --open=3000 [--cpu-prof=DIR]
//   npm run bench -- --suites=reports --sizes=100000 --runs=5 --legacy=1000000
//
// --legacy: the largest size the old report is timed at (once; it needs several GB at 1 M).
// --cpu-prof: the service runs with `node --cpu-prof` and leaves its profile in DIR when it stops.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { applyMigrations } from '../../src/platform/db/migrate';
import { createPrismaClient } from '../../src/platform/db/prisma';
import { startEmbeddedPostgres } from '../../src/platform/runtime/embedded-postgres';
import { parsePeriod, rangePeriod, type Period } from '../../src/domain/report-period';
import { petitionReport } from '../../src/reports/reports';
import { leaderScorecard } from '../../src/reports/leader-scorecard';
import type { Principal } from '../../src/org/access';
import { legacyPetitionReport } from './legacy-petition-report';
import { seedPetitions } from './seed-petitions';
import { benchService, type ServiceRow } from './service-bench';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number);
const RUNS = Number(arg('runs', '7'));
const LEGACY_UP_TO = Number(arg('legacy', '100000'));
const SCORECARD_UP_TO = Number(arg('scorecard', '100000'));
const SUITES = arg('suites', 'service,reports').split(',');
const NOW = new Date('2026-12-01T03:00:00Z');
const SUPERVISOR: Principal = {
  personId: 'b-sv',
  fullName: 'Thanh tra viên',
  unitId: 'b-p',
  bindings: [{ role: 'supervisor', unitId: 'b-p' }],
};
const PERIODS: [string, Period][] = [
  ['all 3 years', rangePeriod('2024-01-01', '2026-12-31')!],
  ['year 2025', parsePeriod('2025')!],
  ['month 2025-06', parsePeriod('2025-06')!],
];

interface Row {
  size: string;
  what: string;
  p50: number;
  p95: number;
  runs: number;
  note?: string;
}
const rows: Row[] = [];
let peakRss = 0;

async function time(
  size: string,
  what: string,
  runs: number,
  fn: () => Promise<unknown>,
  note?: string,
): Promise<void> {
  await fn(); // warm: plans and caches, as a service that has answered once
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  rows.push({ size, what, p50: at(0.5), p95: at(0.95), runs, note });
  process.stderr.write(`  ${size} ${what}: p50 ${at(0.5).toFixed(1)} ms\n`);
}

async function once(size: string, what: string, fn: () => Promise<unknown>): Promise<void> {
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rows.push({ size, what, p50: ms, p95: ms, runs: 1, note: 'cold, once' });
  process.stderr.write(`  ${size} ${what}: ${ms.toFixed(0)} ms\n`);
}

/** One aggregate SQL over the base rows, the floor without rollups: every counted event of the period, joined to its petition. */
const RAW_AGGREGATE = `
  SELECT p."receivingUnitId", p."kind", p."field",
    COUNT(*) FILTER (WHERE e."type" = 'accept') AS accepted, COUNT(*) FILTER (WHERE e."type" = 'resolve') AS resolved,
    COUNT(*) FILTER (WHERE e."type" = 'resolve' AND e."at" <= danvan_try_utc(e."data"->>'dueBefore')) AS on_time,
    COUNT(*) FILTER (WHERE e."type" = 'forward') AS forwarded, COUNT(*) FILTER (WHERE e."type" = 'escalated') AS escalations,
    COUNT(*) FILTER (WHERE e."type" = 'withdraw') AS withdrawn
  FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
  WHERE e."type" IN ('accept', 'resolve', 'forward', 'escalated', 'withdraw') AND e."at" BETWEEN $1 AND $2
  GROUP BY 1, 2, 3`;

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} M` : `${n / 1000} k`);

async function benchSize(baseUrl: string, n: number): Promise<void> {
  const size = label(n);
  const db = `bench_${n}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = baseUrl.replace(/\/[^/]+$/, `/${db}`);
  await applyMigrations({
    connectionString: url,
    migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
    log: () => undefined,
  });
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  try {
    const t = performance.now();
    const seeded = await seedPetitions(pg, n);
    const size_ = await pg.query<{ s: string; r: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS s, (SELECT COUNT(*) FROM "ReportMonthlyRollup") AS r`,
    );
    process.stderr.write(
      `${size}: seeded ${seeded.petitions} petitions, ${seeded.events} events in ${((performance.now() - t) / 1000).toFixed(0)} s; database ${size_.rows[0]!.s}, ${size_.rows[0]!.r} rollup rows\n`,
    );
    for (const [name, period] of PERIODS) {
      await time(size, `report ${name}, by unit (rollups)`, RUNS, () =>
        petitionReport(prisma, SUPERVISOR, period, 'unit', NOW),
      );
    }
    const [, all] = PERIODS[0]!;
    await time(size, 'report all 3 years, by field (rollups)', RUNS, () =>
      petitionReport(prisma, SUPERVISOR, all, 'field', NOW),
    );
    await time(size, 'report all 3 years, by unit (SQL on events)', Math.min(RUNS, 3), () =>
      petitionReport(prisma, SUPERVISOR, all, 'unit', NOW, { source: 'events' }),
    );
    const [, year] = PERIODS[1]!;
    await time(size, 'report year 2025, by unit (SQL on events)', Math.min(RUNS, 3), () =>
      petitionReport(prisma, SUPERVISOR, year, 'unit', NOW, { source: 'events' }),
    );
    const bounds = [
      new Date(all.fromMs).toISOString().replace('T', ' ').replace('Z', ''),
      new Date(all.toMs).toISOString().replace('T', ' ').replace('Z', ''),
    ];
    await time(size, 'one raw aggregate SQL, events of all 3 years', Math.min(RUNS, 3), () =>
      pg.query(RAW_AGGREGATE, bounds),
    );
    if (n <= LEGACY_UP_TO)
      await once(size, 'report all 3 years, before (rows into JS)', () =>
        legacyPetitionReport(prisma, SUPERVISOR, all, 'unit', NOW),
      );
    if (n <= SCORECARD_UP_TO)
      await time(size, 'leader scorecard 2025-06', Math.min(RUNS, 3), () =>
        leaderScorecard(prisma, SUPERVISOR, parsePeriod('2025-06')!, NOW),
      );
  } finally {
    await prisma.$disconnect();
    await pg.end();
  }
}

function printServiceTable(service: ServiceRow[]): void {
  const w = Math.max(...service.map((r) => r.what.length));
  const lines = [
    `| ${'figure'.padEnd(w)} | danvan | raw Temporal, same server, same run | note |`,
    `|${'-'.repeat(w + 2)}|---|---|---|`,
    ...service.map((r) => `| ${r.what.padEnd(w)} | ${r.danvan} | ${r.raw} | ${r.note ?? ''} |`),
  ];
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  process.stdout.write(
    `\n${lines.join('\n')}\n\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average after the run ${load}; Node ${process.version}\n`,
  );
}

async function main(): Promise<void> {
  if (SUITES.includes('service')) {
    const [a, b, c] = arg('intake', '30,100,200').split(',').map(Number);
    const loadBefore = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    process.stderr.write(`service suite; load average before ${loadBefore}\n`);
    const service = await benchService({
      intake: [a ?? 30, b ?? 100, c ?? 200],
      actions: Number(arg('actions', '200')),
      open: Number(arg('open', '10000')),
      cpuProfDir: process.argv.some((x) => x.startsWith('--cpu-prof=')) ? path.resolve(arg('cpu-prof', '')) : undefined,
    });
    printServiceTable(service);
    process.stdout.write(`load average before the service suite ${loadBefore}\n`);
  }
  if (SUITES.includes('reports')) await benchReports();
}

async function benchReports(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'danvan-bench-'));
  // As root PostgreSQL runs as the postgres user, which must be able to enter the folder.
  chmodSync(scratch, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(scratch, 'pg'),
    port: 0,
    database: 'bench',
    log: () => undefined,
  });
  try {
    for (const n of SIZES) await benchSize(server.url, n);
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const w = Math.max(...rows.map((r) => r.what.length));
  const lines = [
    `| size | ${'what'.padEnd(w)} | p50 ms | p95 ms | runs |`,
    `|---|${'-'.repeat(w + 2)}|---:|---:|---:|`,
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.what.padEnd(w)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.runs}${r.note ? ` (${r.note})` : ''} |`,
    ),
  ];
  process.stdout.write(
    `\n${lines.join('\n')}\n\nbench process peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
