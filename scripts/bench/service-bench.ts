// The service's request paths under load, each next to raw Temporal on the same dev server in the same run:
// intake (`POST /petitions`) against raw workflow starts, an officer's action (`POST …/actions`) against a
// bare Update and an Update that runs three activities, then list and history with the open petitions the
// run created, and the memory the service holds for them. The service runs as `npm start` runs it, in a
// child process with its own data folder and ports, so its figures are not the load generator's.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { rawActivities } from './raw-temporal/activities';
import { bareUpdate, threeActivitiesUpdate } from './raw-temporal/workflows';

const ROOT = path.join(__dirname, '..', '..');

export interface ServiceBenchOptions {
  /** Petitions per intake level (c=1, 8, 20). */
  intake: [number, number, number];
  /** Actions timed at c=20 (each on its own petition). */
  actions: number;
  /** Open petitions held when list, history and memory are measured. */
  open: number;
  /** Folder for the service's V8 CPU profile (`node --cpu-prof`), if wanted. */
  cpuProfDir?: string;
  /** A service already running elsewhere (`npm run cluster`): its API processes take the officers in turn. */
  external?: ExternalService;
}

export interface ExternalService {
  apiUrls: string[];
  temporalAddress: string;
  namespace: string;
  /** The memory row's two cells, read when the run has settled. */
  memory: () => { danvan: string; raw: string };
}

export interface ServiceRow {
  what: string;
  danvan: string;
  raw: string;
  note?: string;
}

interface Timed {
  ms: number[];
  wallMs: number;
  failures: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** Runs `n` calls, `c` at a time; each call's latency and the whole run's wall time. */
async function load(c: number, n: number, call: (i: number) => Promise<void>): Promise<Timed> {
  const ms: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(c, n) }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        try {
          await call(i);
          ms.push(performance.now() - t);
        } catch (error) {
          failures += 1;
          if (failures <= 3) process.stderr.write(`  call failed: ${error instanceof Error ? error.message : error}\n`);
        }
      }
    }),
  );
  ms.sort((a, b) => a - b);
  return { ms, wallMs: performance.now() - t0, failures };
}

const rate = (t: Timed) =>
  `${((t.ms.length / t.wallMs) * 1000).toFixed(1)}/s (p50 ${quantile(t.ms, 0.5).toFixed(0)} ms)`;
const pcts = (t: Timed) =>
  `${quantile(t.ms, 0.5).toFixed(0)} / ${quantile(t.ms, 0.95).toFixed(0)} / ${quantile(t.ms, 0.99).toFixed(0)} ms`;
const failed = (...ts: Timed[]) => {
  const n = ts.reduce((s, t) => s + t.failures, 0);
  return n ? `${n} failed` : undefined;
};

interface ServiceChild {
  apiUrl: string;
  /** The service's embedded PostgreSQL, for benches that read its statistics. */
  databaseUrl: string;
  temporalAddress: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

export async function startService(dataDir: string, cpuProfDir?: string): Promise<ServiceChild> {
  const [http, pg, temporal, ui, smtp] = await Promise.all(Array.from({ length: 5 }, () => findFreePort()));
  const child = spawn(
    process.execPath,
    [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), '--import', 'tsx', 'src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DANVAN_DATA_DIR: dataDir,
        HTTP_PORT: String(http),
        EMBEDDED_PG_PORT: String(pg),
        TEMPORAL_DEV_PORT: String(temporal),
        TEMPORAL_UI_PORT: String(ui),
        TEMPORAL_DEV_HEADLESS: 'true',
        SMTP_SINK_PORT: String(smtp),
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        // Round trips are timed to their answer: on a loaded machine the defaults (2 s, 5 s) would turn the
        // slow tail into 503s and 202s instead of figures.
        TEMPORAL_CALL_TIMEOUT_MS: '10000',
        ACTION_WAIT_MS: '30000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service not ready within 120 s:\n${out}`)), 120_000);
    child.stdout?.on('data', () => {
      if (out.includes('DANVAN_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`service exited before it was ready:\n${out}`)));
  });
  return {
    apiUrl: `http://127.0.0.1:${http}/api/v1`,
    databaseUrl: `postgresql://danvan:danvan-local@127.0.0.1:${pg}/danvan`,
    temporalAddress: `127.0.0.1:${temporal}`,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process and of its descendants (the Temporal dev server, PostgreSQL), in MiB. */
function rssTree(pid: number): { self: number; children: { name: string; mib: number }[] } {
  const rssOf = (p: number) => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  };
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const descendants = (p: number): number[] =>
    [...parentOf].filter(([, pp]) => pp === p).flatMap(([c]) => [c, ...descendants(c)]);
  const byName = new Map<string, number>();
  for (const d of descendants(pid)) {
    try {
      const name = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
      byName.set(name, (byName.get(name) ?? 0) + rssOf(d));
    } catch {
      // gone meanwhile
    }
  }
  return { self: rssOf(pid), children: [...byName].map(([name, mib]) => ({ name, mib })) };
}

export class Api {
  constructor(
    private readonly base: string,
    private token = '',
  ) {}

  async login(username: string): Promise<Api> {
    const body = await this.call('POST', '/auth/login', { username, password: 'danvan-demo' });
    return new Api(this.base, (body as { token: string }).token);
  }

  async call(method: string, route: string, body?: unknown, expect = [200, 201]): Promise<unknown> {
    const res = await fetch(`${this.base}${route}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  }
}

const OFFICERS = [
  { username: 'can-bo-kinh-bac', unitId: 'phuong-kinh-bac' },
  { username: 'can-bo-tien-du', unitId: 'xa-tien-du' },
  { username: 'can-bo-yen-phong', unitId: 'xa-yen-phong' },
];
const FIELDS = ['land', 'environment', 'planning', 'policy'];
const WORDS =
  'đất đai ranh giới lấn chiếm hàng rào tiếng ồn karaoke khói bụi nước thải cống rãnh đèn đường ổ gà cây xanh chợ tạm vỉa hè rác thải trợ cấp học phí bảo hiểm giấy phép xây dựng đền bù giải tỏa'.split(
    ' ',
  );

export function petitionBody(i: number, unitId: string) {
  const pick = (k: number) => WORDS[(i * 7 + k * 13 + Math.floor(i / 3)) % WORDS.length]!;
  return {
    kind: i % 3 === 0 ? 'complaint' : 'feedback',
    receivingUnitId: unitId,
    channel: 'in_person',
    field: FIELDS[i % FIELDS.length],
    subject: `Phản ánh ${pick(1)} ${pick(2)} ${pick(3)} ${pick(4)} số ${i}`,
    body: 'Nội dung đơn dùng cho đo hiệu năng / benchmark petition body.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: `Người dân ${i}`, email: `citizen${i}@example.test` }],
  };
}

export async function benchService(options: ServiceBenchOptions): Promise<ServiceRow[]> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'danvan-bench-service-'));
  chmodSync(scratch, 0o755);
  const rows: ServiceRow[] = [];
  const external = options.external;
  const service = external ? null : await startService(path.join(scratch, 'data'), options.cpuProfDir);
  const apiUrls = external ? external.apiUrls : [service!.apiUrl];
  const temporalAddress = external ? external.temporalAddress : service!.temporalAddress;
  const namespace = external?.namespace ?? 'default';
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await Connection.connect({ address: temporalAddress });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const client = new Client({ connection, namespace });
  const rawQueue = `bench-raw-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue: rawQueue,
    workflowsPath: require.resolve('./raw-temporal/workflows'),
    activities: rawActivities,
  });
  const running = worker.run();
  try {
    const officers = await Promise.all(
      OFFICERS.map(async (o, i) => ({ ...o, api: await new Api(apiUrls[i % apiUrls.length]!).login(o.username) })),
    );
    const supervisor = await new Api(apiUrls[apiUrls.length - 1]!).login('thanh-tra-vien');
    const created: { id: string; officer: number }[] = [];
    let seq = 0;
    const createOne = async () => {
      const i = seq++;
      const o = officers[i % officers.length]!;
      const r = (await o.api.call('POST', '/petitions', petitionBody(i, o.unitId))) as { id: string };
      created.push({ id: r.id, officer: i % officers.length });
    };
    const rawIds: string[] = [];
    const rawStart = async () => {
      const id = `raw-${randomUUID()}`;
      await client.workflow.start('rawWorkflow', { taskQueue: rawQueue, workflowId: id });
      rawIds.push(id);
    };
    // Warm both paths once (bundles, plans, connections), outside the figures.
    await load(1, 3, createOne);
    await load(1, 3, rawStart);

    for (const [c, n] of [
      [1, options.intake[0]],
      [8, options.intake[1]],
      [20, options.intake[2]],
    ] as const) {
      process.stderr.write(`intake c=${c}, ${n} petitions…\n`);
      const danvan = await load(c, n, createOne);
      const raw = await load(c, n, rawStart);
      rows.push({
        what: `intake c=${c} (${n})`,
        danvan: rate(danvan),
        raw: `${rate(raw)} starts`,
        note: failed(danvan, raw),
      });
    }

    process.stderr.write(`actions c=20, ${options.actions}…\n`);
    const targets = created.splice(0, options.actions);
    // Each new petition's workflow has written its first event before its action is timed.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const actions = await load(20, targets.length, async (i) => {
      const t = targets[i]!;
      const r = (await officers[t.officer]!.api.call('POST', `/petitions/${t.id}/actions`, {
        action: 'accept',
      })) as { stage?: string; status?: string };
      if (r.stage !== 'accepted') throw new Error(`action not completed: ${JSON.stringify(r).slice(0, 120)}`);
    });
    const updateTargets = rawIds.splice(0, options.actions);
    const bare = await load(20, updateTargets.length, async (i) => {
      await client.workflow.getHandle(updateTargets[i]!).executeUpdate(bareUpdate, { args: [i] });
    });
    const three = await load(20, updateTargets.length, async (i) => {
      await client.workflow.getHandle(updateTargets[i]!).executeUpdate(threeActivitiesUpdate, { args: [i] });
    });
    rows.push({
      what: `action round trip c=20 p50/p95/p99 (${targets.length})`,
      danvan: pcts(actions),
      raw: `bare Update ${pcts(bare)}; 3 activities ${pcts(three)}`,
      note: failed(actions, bare, three),
    });

    const openNow = async () =>
      ((await supervisor.call('GET', '/petitions?open=true&pageSize=1')) as { total: number }).total;
    const toOpen = Math.max(0, options.open - (await openNow()));
    if (toOpen > 0) {
      process.stderr.write(`filling up to ${options.open} open petitions (${toOpen} more, c=20)…\n`);
      const fill = await load(20, toOpen, createOne);
      rows.push({
        what: `intake c=20 while filling to ${options.open} open`,
        danvan: rate(fill),
        raw: '—',
        note: failed(fill),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const open = await openNow();
    const list = await load(1, 30, async (i) => {
      await supervisor.call('GET', `/petitions?page=${(i % 5) + 1}&pageSize=20`);
    });
    const listOpen = await load(1, 30, async () => {
      await supervisor.call('GET', '/petitions?open=true&sort=dueAt&pageSize=50');
    });
    const sample = created.slice(-30);
    const history = await load(1, sample.length, async (i) => {
      await supervisor.call('GET', `/petitions/${sample[i]!.id}/history`);
    });
    const describeRaw = await load(1, 30, async (i) => {
      await client.workflow.getHandle(rawIds[i % rawIds.length]!).fetchHistory();
    });
    rows.push({
      what: `list, ${open} open, p50/p95/p99`,
      danvan: `${pcts(list)}; open by due ${pcts(listOpen)}`,
      raw: '—',
      note: failed(list, listOpen),
    });
    rows.push({
      what: `history, ${open} open, p50/p95/p99`,
      danvan: pcts(history),
      raw: `fetchHistory ${pcts(describeRaw)}`,
      note: failed(history, describeRaw),
    });
    // Settled: nothing in flight, a collection or two behind.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const mem = external
      ? external.memory()
      : (() => {
          const tree = rssTree(service!.child.pid!);
          return {
            danvan: `Node ${tree.self.toFixed(0)} MiB`,
            raw: tree.children.map((c) => `${c.name} ${c.mib.toFixed(0)} MiB`).join(', '),
          };
        })();
    rows.push({
      what: `memory RSS with ${open} open`,
      ...mem,
      note: `raw workflows open: ${rawIds.length + updateTargets.length}`,
    });
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await nativeConnection.close();
    await connection.close();
    await service?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
