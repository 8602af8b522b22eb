// Where an officer's action spends its time: `npm run bench:action-anatomy` starts the service as the service
// bench does, registers petitions, accepts them at c=20 and, for the slowest and the median actions, prints the
// petition workflow's history events from the moment the request left, so the gap between "request sent",
// "Update accepted", the workflow tasks, the local-activity markers and "Update completed" is read, not guessed.
// It also prints the CPU each accept costs in the service's processes (Node, PostgreSQL, Temporal) and the
// statements it makes, next to a bare Update on the same server; the registrations before them likewise. Options: --actions=N --concurrency=C
// --no-email (petitioners without an address: the e-mail's share) --cpu-prof=DIR (the service's V8 profile).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import pg from 'pg';
import { petitionWorkflowId } from '../../workflows/petition/messages';
import { Api, petitionBody, startService } from './service-bench';
import { rawActivities } from './raw-temporal/activities';
import { bareUpdate } from './raw-temporal/workflows';

/** CPU milliseconds (user + system) of a process and its live descendants, summed by command name. */
function cpuByName(root: number): Map<string, number> {
  const stats = new Map<number, { ppid: number; ms: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100, name });
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<string, number>();
  const walk = (pid: number) => {
    const s = stats.get(pid);
    if (s) out.set(s.name, (out.get(s.name) ?? 0) + s.ms);
    for (const [child, c] of stats) if (c.ppid === pid) walk(child);
  };
  walk(root);
  return out;
}

const cpuDelta = (before: Map<string, number>, after: Map<string, number>, n: number) =>
  [...after]
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / n] as const)
    .filter(([, ms]) => ms > 0)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');

const arg = (name: string, dflt: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : dflt;
};

async function main() {
  const n = arg('actions', 100);
  const c = arg('concurrency', 20);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'danvan-action-anatomy-'));
  const profDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.split('=')[1];
  const service = await startService(path.join(scratch, 'data'), profDir);
  try {
    const officer = await new Api(service.apiUrl).login('can-bo-kinh-bac');
    const db = new pg.Client({ connectionString: service.databaseUrl });
    await db.connect();
    const tableStats = async () =>
      new Map(
        (
          await db.query<{ t: string; v: string }>(
            `SELECT 'xact' AS t, xact_commit::text AS v FROM pg_stat_database WHERE datname = current_database()
             UNION ALL SELECT relname || ' ' || k, v::text FROM pg_stat_user_tables,
               LATERAL (VALUES ('ins', n_tup_ins), ('upd', n_tup_upd), ('seq', seq_scan), ('idx', coalesce(idx_scan, 0))) AS x(k, v)`,
          )
        ).rows.map((r) => [r.t, Number(r.v)]),
      );
    const perOp = (before: Map<string, number>, after: Map<string, number>, ops: number) =>
      [...after]
        .map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / ops] as const)
        .filter(([, v]) => v >= 0.05)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`);
    const waitQuiet = async () => {
      for (let i = 0, last = -1; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 1_000));
        const now = (await tableStats()).get('xact') ?? 0;
        if (last >= 0 && now - last < 15) break;
        last = now;
      }
    };
    await waitQuiet();
    const regDbBefore = await tableStats();
    const regCpuBefore = cpuByName(service.child.pid!);
    const regStarted = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < n; i += c) {
      await Promise.all(
        Array.from({ length: Math.min(c, n - i) }, async (_, k) => {
          const full = petitionBody(i + k, 'phuong-kinh-bac');
          // --no-email: petitioners without an address, so the accept sends no e-mail (its share of the cost).
          const body = process.argv.includes('--no-email')
            ? { ...full, petitioners: full.petitioners.map((p) => ({ fullName: p.fullName })) }
            : full;
          const r = (await officer.call('POST', '/petitions', body)) as { id: string };
          ids.push(r.id);
        }),
      );
    }
    const regMs = performance.now() - regStarted;
    // Registration with its tail (the acknowledgement, the first events): counted once the database is quiet.
    await waitQuiet();
    console.log(
      `registration c=${c} n=${ids.length}: ${((ids.length / regMs) * 1000).toFixed(1)}/s; CPU ms per registration, with its tail: ${cpuDelta(regCpuBefore, cpuByName(service.child.pid!), ids.length)}`,
    );
    console.log(
      `  PostgreSQL per registration, with its tail: ${perOp(regDbBefore, await tableStats(), ids.length).join('; ')}`,
    );
    const dbBefore = await tableStats();
    const cpuBefore = cpuByName(service.child.pid!);
    const timed: { id: string; sentAt: number; ms: number }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const sentAt = Date.now();
          const t = performance.now();
          await officer.call('POST', `/petitions/${id}/actions`, { action: 'accept' });
          timed.push({ id, sentAt, ms: performance.now() - t });
        }
      }),
    );
    const cpuAfter = cpuByName(service.child.pid!);
    await new Promise((r) => setTimeout(r, 1_500));
    const dbAfter = await tableStats();
    const perAccept = perOp(dbBefore, dbAfter, ids.length);
    console.log(`  PostgreSQL per accept (commits, rows inserted/updated, scans): ${perAccept.join('; ')}`);
    await db.end();
    timed.sort((a, b) => a.ms - b.ms);
    const q = (p: number) => timed[Math.min(timed.length - 1, Math.ceil(p * timed.length) - 1)]!.ms.toFixed(0);
    console.log(`accept c=${c} n=${timed.length}: p50 ${q(0.5)} / p95 ${q(0.95)} / p99 ${q(0.99)} ms`);
    console.log(`  CPU ms per accept (service tree, while timed): ${cpuDelta(cpuBefore, cpuAfter, timed.length)}`);
    const connection = await Connection.connect({ address: service.temporalAddress });
    const client = new Client({ connection });

    // The floor: a bare Update on raw workflows of the same server, worker in this process.
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address: service.temporalAddress }),
      taskQueue: `anatomy-raw-${randomUUID().slice(0, 8)}`,
      workflowsPath: require.resolve('./raw-temporal/workflows'),
      activities: rawActivities,
    });
    const running = worker.run();
    const raw = await Promise.all(
      Array.from({ length: n }, async () => {
        const id = `raw-${randomUUID()}`;
        await client.workflow.start('rawWorkflow', { taskQueue: worker.options.taskQueue, workflowId: id });
        return id;
      }),
    );
    await new Promise((r) => setTimeout(r, 2_000));
    const rawBefore = cpuByName(service.child.pid!);
    const selfBefore = process.cpuUsage();
    const bare: number[] = [];
    let nextRaw = 0;
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (nextRaw < raw.length) {
          const id = raw[nextRaw++]!;
          const t = performance.now();
          await client.workflow.getHandle(id).executeUpdate(bareUpdate, { args: [1] });
          bare.push(performance.now() - t);
        }
      }),
    );
    const self = process.cpuUsage(selfBefore);
    bare.sort((a, b) => a - b);
    const bq = (p: number) => bare[Math.min(bare.length - 1, Math.ceil(p * bare.length) - 1)]!.toFixed(0);
    console.log(`bare Update c=${c} n=${bare.length}: p50 ${bq(0.5)} / p95 ${bq(0.95)} / p99 ${bq(0.99)} ms`);
    console.log(
      `  CPU ms per bare Update: ${cpuDelta(rawBefore, cpuByName(service.child.pid!), bare.length)}, this process (client + raw worker) ${((self.user + self.system) / 1000 / bare.length).toFixed(1)}`,
    );
    worker.shutdown();
    await running;
    const picks = [...timed.slice(-3).reverse(), timed[Math.floor(timed.length / 2)]!];
    for (const pick of picks) {
      const handle = client.workflow.getHandle(petitionWorkflowId(pick.id));
      const history = await handle.fetchHistory();
      console.log(`\n${pick.id}: ${pick.ms.toFixed(0)} ms`);
      for (const e of history.events ?? []) {
        const at = Number(e.eventTime!.seconds) * 1000 + Math.floor((e.eventTime!.nanos ?? 0) / 1e6);
        if (at < pick.sentAt - 50) continue;
        const type = temporal.api.enums.v1.EventType[e.eventType!] ?? e.eventType;
        const marker = e.markerRecordedEventAttributes?.markerName ?? '';
        console.log(`  +${String(at - pick.sentAt).padStart(6)} ms  ${type} ${marker}`);
      }
    }
    await connection.close();
  } finally {
    await service.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
