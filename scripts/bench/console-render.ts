// `npm run bench:console`: the console's page render with 10,000 open petitions in the demo database.
// Starts the service exactly as `npm start` does (own data folder and ports), seeds 10,000 open petitions
// straight into its PostgreSQL (rows only: a case page's clock is then read from a real workflow on a
// petition registered through the API), signs in through the console's form and times each page over
// HTTP on localhost — the server's render plus one loopback round trip. Then counts the JavaScript the
// pages load (their <script src>, fetched as a browser would), raw and gzip. Nothing here runs in `npm test`.
//
//   npm run bench:console                 # 10,000 open petitions, 40 runs a page
//   npm run bench:console -- --open=10000 --runs=40
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { startServiceProcess } from '../../test/support/service-process';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { foldName } from '../../src/domain/petitioner/petitioner-name';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const OPEN = Number(arg('open', '10000'));
const RUNS = Number(arg('runs', '40'));
const TARGET_MS = 150;
const TARGET_JS_BYTES = 30 * 1024;

const COMMUNES = ['phuong-kinh-bac', 'xa-tien-du', 'xa-yen-phong'];
const OFFICER_OF: Record<string, string> = {
  'phuong-kinh-bac': 'can-bo-kinh-bac',
  'xa-tien-du': 'can-bo-tien-du',
  'xa-yen-phong': 'can-bo-yen-phong',
};

const LEADER_OF: Record<string, string> = {
  'phuong-kinh-bac': 'chu-tich-kinh-bac',
  'xa-tien-du': 'chu-tich-tien-du',
  'xa-yen-phong': 'chu-tich-yen-phong',
};

/** Open cases in every stage that has a clock, due from 20 days ago to 40 days ahead; a quarter assigned to the commune's officer. */
export async function seedOpen(pg: Client, n: number): Promise<void> {
  await pg.query(`SET session_replication_role = replica`);
  await pg.query(
    `
    CREATE TEMP TABLE seed AS
    SELECT i, 'bc-' || i AS id, (ARRAY['${COMMUNES.join("','")}'])[1 + i % 3] AS unit,
      (ARRAY['complaint', 'denunciation', 'recommendation', 'feedback'])[1 + (abs(hashint4(i + 7)) % 4)]::"PetitionKind" AS kind,
      (ARRAY['land', 'planning', 'site_clearance', 'policy', 'officials_conduct'])[1 + (abs(hashint4(i + 11)) % 5)] AS field,
      (ARRAY['received', 'accepted', 'assigned', 'verifying'])[1 + (abs(hashint4(i + 13)) % 4)]::"PetitionStage" AS stage,
      now() - make_interval(days => 1 + abs(hashint4(i + 17)) % 60) AS r,
      now() + make_interval(hours => (abs(hashint4(i + 19)) % 1440) - 480) AS due
    FROM generate_series(0, $1::int - 1) i
  `,
    [n],
  );
  const officer = `CASE s.unit ${Object.entries(OFFICER_OF)
    .map(([u, p]) => `WHEN '${u}' THEN '${p}'`)
    .join(' ')} END`;
  await pg.query(`
    INSERT INTO "Petition" ("id", "trackingCode", "kind", "channel", "field", "subject", "body", "receivingUnitId", "unitId",
      "receivedAt", "stage", "assigneeId", "currentClock", "dueAt", "createdById", "workflowId", "updatedAt", "stateVersion")
    SELECT s.id, 'DV-BC' || lpad(s.i::text, 6, '0'), s.kind, 'in_person', s.field,
      'Đơn thử tải số ' || s.i || ' về ' || s.field, 'Nội dung', s.unit, s.unit, s.r, s.stage,
      CASE WHEN s.stage IN ('assigned', 'verifying') AND s.i % 2 = 0 THEN ${officer} END,
      CASE WHEN s.stage = 'received' THEN 'acceptance' ELSE 'resolution' END, s.due, ${officer}, 'bench-console-' || s.id, now(), 1
    FROM seed s
  `);
  // Folded as registration folds them (the same function), so the search compares what it would in service.
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Đỗ Thị Giang'];
  await pg.query(
    `
    INSERT INTO "Petitioner" ("id", "petitionId", "position", "fullName", "nameFolded")
    SELECT gen_random_uuid()::text, s.id, 0,
      CASE WHEN s.kind = 'denunciation' THEN 'công dân' ELSE ($1::text[])[1 + s.i % 6] || ' ' || s.i END,
      CASE WHEN s.kind = 'denunciation' THEN NULL ELSE ($2::text[])[1 + s.i % 6] || ' ' || s.i END
    FROM seed s
  `,
    [names, names.map(foldName)],
  );
  await pg.query(`
    INSERT INTO "PetitionEvent" ("id", "key", "petitionId", "type", "actorId", "at")
    SELECT gen_random_uuid()::text, s.id || ':received', s.id, 'received', ${officer}, s.r FROM seed s
  `);
  // The ladder's rungs as the workflow records them: a leader reminder on every 4th case, an escalation to the
  // province on every 10th (the "my reminders" and "escalated to me" queues read these).
  const leader = `CASE s.unit ${Object.entries(LEADER_OF)
    .map(([u, p]) => `WHEN '${u}' THEN '${p}'`)
    .join(' ')} END`;
  await pg.query(`
    INSERT INTO "PetitionEvent" ("id", "key", "petitionId", "type", "at", "data")
    SELECT gen_random_uuid()::text, s.id || ':r:leader', s.id, 'reminder', s.r + interval '1 day',
      jsonb_build_object('rung', 'leaderReminder', 'recipientIds', jsonb_build_array(${leader}))
    FROM seed s WHERE s.i % 4 = 0
    UNION ALL
    SELECT gen_random_uuid()::text, s.id || ':r:escalation', s.id, 'escalated', s.r + interval '2 days',
      jsonb_build_object('level', 1, 'toUnitId', 'tinh-bac-ninh', 'recipientIds', jsonb_build_array('chu-tich-tinh'))
    FROM seed s WHERE s.i % 10 = 0
  `);
  await pg.query(`DROP TABLE seed`);
  await pg.query(`SET session_replication_role = DEFAULT`);
  await pg.query(`VACUUM ANALYZE`);
}

/** A console session as a browser holds it: the cookie, and the CSRF token of the last form read. */
async function signIn(
  base: string,
  username: string,
): Promise<{ cookie: string; get: (p: string) => Promise<Response> }> {
  const form = await fetch(`${base}/console/sign-in`);
  const setCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const res = await fetch(`${base}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: setCookie.join('; ') },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, _csrf: csrf }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in of ${username} answered ${res.status}`);
  const cookie = [...setCookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)].join('; ');
  return { cookie, get: (p: string) => fetch(`${base}${p}`, { headers: { cookie } }) };
}

interface Row {
  page: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
  scripts: string[];
}

async function timePage(get: (p: string) => Promise<Response>, page: string, url: string): Promise<Row> {
  const first = await get(url); // warm: plans and caches, as a service that has answered once
  const html = await first.text();
  if (first.status !== 200) throw new Error(`${url} answered ${first.status}: ${html.slice(0, 300)}`);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await get(url);
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  process.stderr.write(`  ${page}: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms\n`);
  return { page, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1]!, bytes: Buffer.byteLength(html), scripts };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-bench-console-'));
  chmodSync(dataDir, 0o755);
  const service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const base = service.apiUrl.replace(/\/api\/v1$/, '');
  const pg = new Client({ connectionString: service.databaseUrl });
  try {
    await pg.connect();
    const t = performance.now();
    await seedOpen(pg, OPEN);
    const open = await pg.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Petition" WHERE "closedAt" IS NULL`);
    process.stderr.write(
      `seeded: ${open.rows[0]!.n} open petitions in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );

    // One petition through the API, so the case page reads a real workflow's clock.
    const login = await fetch(`${service.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'can-bo-kinh-bac', password: DEMO_PASSWORD }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const created = await fetch(`${service.apiUrl}/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        kind: 'complaint',
        receivingUnitId: 'phuong-kinh-bac',
        channel: 'in_person',
        field: 'land',
        subject: 'Khiếu nại đo đạc ranh giới thửa đất',
        body: 'Nội dung đơn',
        receivedAt: new Date().toISOString(),
        petitioners: [{ fullName: 'Ngô Thị Hoa', phone: '0912345678' }],
      }),
    });
    if (created.status !== 201)
      throw new Error(`registering the case answered ${created.status}: ${await created.text()}`);
    const caseId = ((await created.json()) as { id: string }).id;

    const officer = await signIn(base, 'can-bo-kinh-bac');
    const leader = await signIn(base, 'chu-tich-tinh');
    const rows: Row[] = [];
    rows.push(await timePage(officer.get, 'home queue, officer (mine)', '/console'));
    rows.push(await timePage(leader.get, 'home queue, province leader (due soon)', '/console?queue=dueSoon'));
    rows.push(
      await timePage(
        leader.get,
        'home queue, province leader (unassigned, by code)',
        '/console?queue=unassigned&sort=trackingCode&order=desc',
      ),
    );
    rows.push(
      await timePage(leader.get, 'home queue, province leader (escalated to me)', '/console?queue=escalatedToMe'),
    );
    const communeLeader = await signIn(base, 'chu-tich-kinh-bac');
    rows.push(
      await timePage(communeLeader.get, 'home queue, commune leader (my reminders)', '/console?queue=myReminders'),
    );
    rows.push(
      await timePage(
        leader.get,
        'search, subject words',
        `/console/petitions?text=${encodeURIComponent('thử tải số 42')}`,
      ),
    );
    rows.push(
      await timePage(
        leader.get,
        'search, petitioner name (no accents)',
        `/console/petitions?petitioner=${encodeURIComponent('tran thi binh')}`,
      ),
    );
    rows.push(await timePage(officer.get, 'case page (live workflow)', `/console/petitions/${caseId}`));
    rows.push(await timePage(officer.get, 'case page (seeded row)', '/console/petitions/bc-3'));

    const scripts = [...new Set(rows.flatMap((r) => r.scripts))];
    let raw = 0;
    let gzip = 0;
    for (const src of scripts) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    const lines = [
      `| page | p50 ms | p95 ms | max ms | HTML KB |`,
      `|---|---:|---:|---:|---:|`,
      ...rows.map(
        (r) =>
          `| ${r.page} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)}${r.p95 > TARGET_MS ? ' (over 150)' : ''} | ${r.max.toFixed(1)} | ${(r.bytes / 1024).toFixed(1)} |`,
      ),
    ];
    process.stdout.write(
      `\n${OPEN} open petitions seeded into the demo database; ${RUNS} runs a page after one warm-up; timed over HTTP on 127.0.0.1.\n\n${lines.join('\n')}\n\n` +
        `JavaScript the pages load: ${scripts.join(', ') || 'none'} — ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip ` +
        `(target ≤ ${TARGET_JS_BYTES / 1024} KB: ${gzip <= TARGET_JS_BYTES ? 'met gzip' : 'missed gzip'}, ${raw <= TARGET_JS_BYTES ? 'met raw' : 'missed raw'})\n` +
        `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}\n`,
    );
  } finally {
    await pg.end().catch(() => undefined);
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
