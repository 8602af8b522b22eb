// `npm run cluster` (outside `npm test`): the production engine instead of the dev server. One embedded PostgreSQL
// holds Temporal's persistence and visibility and danvan's database; a real Temporal server (built once from the
// Go module proxy) runs its four services in one process; two danvan workers and two API processes connect to it,
// a round-robin proxy in front of the APIs. Then the end-to-end integration test runs against it, the cluster
// is restarted on a fresh database and namespace, and the service benchmark runs against it; each phase's
// danvan processes must exit 0 on SIGTERM. Stops in order at the end and on Ctrl-C: API processes, workers
// (they drain), the Temporal server, PostgreSQL.
//
//   npm run cluster                                  # build if missing, test, bench (intake 20/80/200, 100 actions, 1000 open)
//   npm run cluster -- --skip-test | --skip-bench   # one phase only
//   npm run cluster -- --intake=30,100,200 --actions=200 --open=10000
//
// State and logs: .data/cluster (wiped at the next start). Binaries: .tools/cluster/bin (DANVAN_CLUSTER_BIN).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/platform/runtime/embedded-postgres';
import { isPortFree } from '../../src/platform/runtime/free-port';
import { registerSearchAttributes } from '../../src/platform/temporal/register-search-attributes';
import { benchService, type ServiceRow } from '../bench/service-bench';
import { startManaged, waitForLine, rssByName, type Managed } from './processes';
import { startRoundRobinProxy, type Proxy } from './round-robin-proxy';
import { CLUSTER_PORTS as P, DYNAMIC_CONFIG, renderServerConfig } from './server-config';
import { ensureTemporalBuild, TEMPORAL_SERVER_VERSION } from './temporal-build';

const ROOT = path.join(__dirname, '..', '..');
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const flag = (name: string) => process.argv.includes(`--${name}`);
const DIR = path.resolve(arg('dir', path.join(ROOT, '.data', 'cluster')));
const BIN = path.resolve(process.env.DANVAN_CLUSTER_BIN ?? path.join(ROOT, '.tools', 'cluster', 'bin'));
const PG_USER = 'danvan';
const PG_PASSWORD = 'danvan-local';
const FRONTEND = `127.0.0.1:${P.frontend}`;

const log = (line: string) => process.stderr.write(`[cluster] ${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${what}: not within ${timeoutMs / 1000} s: ${error instanceof Error ? error.message : error}`);
      await sleep(1_000);
    }
  }
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  logFile?: string,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const out = logFile ? openSync(logFile, 'a') : 'inherit';
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (typeof out === 'number') closeSync(out);
      resolve(code);
    });
  });
}

/** What runs, in start order; stopped in reverse. */
const stack: { name: string; stop: () => Promise<unknown> }[] = [];
let stopping: Promise<void> | null = null;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const item of stack.splice(0).reverse()) {
      log(`stopping ${item.name}…`);
      await item.stop().catch((error: unknown) => log(`  ${item.name}: ${error instanceof Error ? error.message : error}`));
    }
  })();
  return stopping;
}

/** After Ctrl-C the phases still running must not start processes that nothing would stop. */
function refuseWhileStopping(): void {
  if (stopping) throw new Error('stopping');
}

async function startPostgres(): Promise<EmbeddedPostgresHandle> {
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(DIR, 'pg'),
    port: P.postgres,
    database: 'danvan_e2e',
    log: () => undefined,
  });
  stack.push({ name: 'PostgreSQL', stop: pg.stop });
  const admin = new PgClient({ connectionString: pg.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    for (const db of ['temporal', 'temporal_visibility', 'danvan_bench']) await admin.query(`CREATE DATABASE ${db}`);
  } finally {
    await admin.end();
  }
  return pg;
}

async function applyTemporalSchema(sqlTool: string, moduleDir: string): Promise<void> {
  const common = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(P.postgres), '-u', PG_USER, '--pw', PG_PASSWORD];
  for (const [db, dir] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    const versioned = path.join(moduleDir, 'schema', 'postgresql', 'v12', dir, 'versioned');
    for (const args of [
      ['--db', db, 'setup-schema', '-v', '0.0'],
      ['--db', db, 'update-schema', '-d', versioned],
    ]) {
      const logFile = path.join(DIR, 'logs', 'temporal-sql-tool.log');
      const code = await run(sqlTool, [...common, ...args], process.env, logFile);
      if (code !== 0) throw new Error(`temporal sql tool ${args.join(' ')} exited with ${code}; see ${logFile}`);
    }
    log(`schema applied to ${db} from ${path.relative(moduleDir, versioned)}`);
  }
}

async function startTemporalServer(server: string): Promise<Managed> {
  const configFile = path.join(DIR, 'temporal', 'config.yaml');
  const dynamicConfigFile = path.join(DIR, 'temporal', 'dynamic-config.yaml');
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  writeFileSync(
    configFile,
    renderServerConfig({ pgPort: P.postgres, user: PG_USER, password: PG_PASSWORD, dynamicConfigFile }),
  );
  const t = Date.now();
  refuseWhileStopping();
  const proc = startManaged('temporal-server', server, ['--config-file', configFile, '--allow-no-auth', 'start'], {
    cwd: DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    logFile: path.join(DIR, 'logs', 'temporal-server.log'),
  });
  stack.push({ name: 'Temporal server', stop: () => proc.stop(30_000) });
  await until('Temporal frontend', 180_000, async () => {
    if (proc.child.exitCode !== null) throw new Error(`exited with ${proc.child.exitCode}; see ${proc.logFile}`);
    const c = await Connection.connect({ address: FRONTEND, connectTimeout: 2_000 });
    try {
      await c.workflowService.getSystemInfo({});
    } finally {
      await c.close();
    }
  });
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} answers on ${FRONTEND} after ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return proc;
}

const GRPC_ALREADY_EXISTS = 6;

async function registerNamespace(namespace: string): Promise<void> {
  const connection = await Connection.connect({ address: FRONTEND });
  try {
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('3 days') })
      .catch((error: { code?: number }) => {
        if (error.code !== GRPC_ALREADY_EXISTS) throw error;
      });
    // The frontend's namespace cache refreshes on a timer: wait until the namespace is served.
    await until(`namespace ${namespace}`, 60_000, () =>
      connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 }),
    );
    const added = await until(`search attributes on ${namespace}`, 60_000, () =>
      registerSearchAttributes(connection, namespace),
    );
    log(`namespace ${namespace} registered${added.length ? `, search attributes ${added.join(', ')}` : ''}`);
  } finally {
    await connection.close();
  }
}

interface Danvan {
  apis: Managed[];
  workers: Managed[];
  proxy: Proxy;
  dataDir: string;
  logFiles: string[];
  /** Stops APIs, then workers; every exit code. */
  stop: () => Promise<{ name: string; code: number | null }[]>;
}

async function startDanvan(phase: string, database: string, namespace: string, extra: Record<string, string>): Promise<Danvan> {
  const base = path.join(DIR, phase);
  const dir = (name: string) => {
    const d = path.join(base, name);
    mkdirSync(d, { recursive: true });
    chmodSync(d, 0o755);
    return d;
  };
  const api1 = dir('api-1');
  // One payload key and one outbox folder for all four: the sinks run in the API processes (a development
  // stand-in for the relay that production's SMTP_URL names) and the workers relay their mail through them.
  const keyFile = path.join(api1, 'payload.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  mkdirSync(path.join(api1, 'outbox'), { recursive: true, mode: 0o700 });
  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${P.postgres}/${database}`,
    TEMPORAL_ADDRESS: FRONTEND,
    TEMPORAL_NAMESPACE: namespace,
    PAYLOAD_KEY_FILE: keyFile,
    SEED_DEMO: 'true',
    // As the bench sets them: on a loaded machine the defaults (2 s, 5 s) turn the slow tail into 503s and 202s.
    TEMPORAL_CALL_TIMEOUT_MS: '10000',
    ACTION_WAIT_MS: '30000',
    ...extra,
  };
  const start = (name: string, env: NodeJS.ProcessEnv) => {
    refuseWhileStopping();
    const proc = startManaged(name, process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...common, ...env, DANVAN_DATA_DIR: name === 'api-1' ? api1 : dir(name) },
      logFile: path.join(DIR, 'logs', `${phase}-${name}.log`),
    });
    return { proc, ready: waitForLine(proc, 'DANVAN_READY', 180_000) };
  };
  const apiEnv = (i: number) => ({ DANVAN_PROCESS_ROLES: 'api', HTTP_PORT: String(P.api[i]), SMTP_SINK_PORT: String(P.smtp[i]) });
  // Worker e-mails link to the proxy, the address citizens and officers would use.
  const workerEnv = (i: number) => ({
    DANVAN_PROCESS_ROLES: 'worker',
    HTTP_PORT: String(P.proxy),
    SMTP_URL: `smtp://127.0.0.1:${P.smtp[i]}`,
  });
  const t = Date.now();
  // The first process applies the migrations and seeds; the other three then start side by side.
  const first = start('api-1', apiEnv(0));
  const apis = [first.proc];
  const workers: Managed[] = [];
  const stopProcesses = async () => {
    const codes: { name: string; code: number | null }[] = [];
    for (const group of [apis, workers])
      for (const result of await Promise.all(group.map(async (p) => ({ name: p.name, code: await p.stop() }))))
        codes.push(result);
    return codes;
  };
  stack.push({ name: `danvan ${phase} processes`, stop: stopProcesses });
  await first.ready;
  const api2dir = path.join(base, 'api-2');
  mkdirSync(api2dir, { recursive: true });
  chmodSync(api2dir, 0o755);
  symlinkSync(path.join(api1, 'outbox'), path.join(api2dir, 'outbox'));
  const rest = [start('worker-1', workerEnv(0)), start('worker-2', workerEnv(1)), start('api-2', apiEnv(1))];
  workers.push(rest[0]!.proc, rest[1]!.proc);
  apis.push(rest[2]!.proc);
  await Promise.all(rest.map((r) => r.ready));
  const proxy = await startRoundRobinProxy(P.proxy, [...P.api]);
  stack.push({ name: 'proxy', stop: proxy.stop });
  log(`${phase}: 2 API processes (${P.api.join(', ')}) behind ${proxy.url}, 2 workers, ready in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return {
    apis,
    workers,
    proxy,
    dataDir: api1,
    logFiles: [...apis, ...workers].map((p) => p.logFile),
    stop: async () => {
      // Out of the stack: this phase is over, the next one starts on its own.
      for (const name of ['proxy', `danvan ${phase} processes`]) {
        const i = stack.findIndex((s) => s.name === name);
        if (i >= 0) stack.splice(i, 1);
      }
      await proxy.stop();
      return stopProcesses();
    },
  };
}

function reportStops(phase: string, codes: { name: string; code: number | null }[]): boolean {
  log(`${phase}: stopped ${codes.map((c) => `${c.name} → ${c.code}`).join(', ')}`);
  return codes.every((c) => c.code === 0);
}

async function testPhase(): Promise<boolean> {
  const danvan = await startDanvan('e2e', 'danvan_e2e', 'default', {
    POLICY_FILE: path.join(ROOT, 'test', 'fixtures', 'policy-seconds.json'),
  });
  const target = path.join(DIR, 'e2e', 'target.json');
  writeFileSync(
    target,
    JSON.stringify({
      apiUrl: `${danvan.proxy.url}/api/v1`,
      databaseUrl: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${P.postgres}/danvan_e2e`,
      temporalAddress: FRONTEND,
      dataDir: danvan.dataDir,
      logFiles: danvan.logFiles,
    }),
  );
  log('running test/integration/service-end-to-end.test.ts against the cluster…');
  const t = Date.now();
  const code = await run(process.execPath, [require.resolve('jest/bin/jest'), 'test/integration/service-end-to-end.test.ts'], {
    ...process.env,
    DANVAN_TEST_CLUSTER: target,
  });
  log(`integration test exited with ${code} in ${((Date.now() - t) / 1000).toFixed(0)} s; proxy served ${danvan.proxy.served.join(' + ')} requests`);
  const stopped = reportStops('e2e', await danvan.stop());
  return code === 0 && stopped;
}

function printTable(rows: ServiceRow[]): void {
  const w = Math.max(...rows.map((r) => r.what.length));
  process.stdout.write(
    [
      '',
      `| ${'figure'.padEnd(w)} | danvan (2 API + 2 workers, Temporal ${TEMPORAL_SERVER_VERSION} on PostgreSQL) | raw Temporal, same server, same run | note |`,
      `|${'-'.repeat(w + 2)}|---|---|---|`,
      ...rows.map((r) => `| ${r.what.padEnd(w)} | ${r.danvan} | ${r.raw} | ${r.note ?? ''} |`),
      '',
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average after the run ${load()}; Node ${process.version}`,
      '',
    ].join('\n'),
  );
}

async function benchPhase(server: Managed): Promise<boolean> {
  // warn: the bench times requests, not the log lines about them (as the dev-server bench runs the service).
  const danvan = await startDanvan('bench', 'danvan_bench', 'danvan-bench', { LOG_LEVEL: 'warn' });
  const intake = arg('intake', '20,80,200').split(',').map(Number);
  log(`bench: load average before ${load()}`);
  const names = new Map<number, string>([
    ...[...danvan.apis, ...danvan.workers].map((p) => [p.child.pid!, p.name] as [number, string]),
    [server.child.pid!, 'temporal-server'],
  ]);
  const rows = await benchService({
    intake: [intake[0] ?? 20, intake[1] ?? 80, intake[2] ?? 200],
    actions: Number(arg('actions', '100')),
    open: Number(arg('open', '1000')),
    external: {
      apiUrls: P.api.map((port) => `http://127.0.0.1:${port}/api/v1`),
      temporalAddress: FRONTEND,
      namespace: 'danvan-bench',
      memory: () => {
        const rss = rssByName(names);
        const mib = (name: string) => `${(rss.get(name) ?? 0).toFixed(0)}`;
        return {
          danvan: `Node: API ${mib('api-1')} + ${mib('api-2')} MiB, workers ${mib('worker-1')} + ${mib('worker-2')} MiB`,
          raw: `temporal-server ${mib('temporal-server')} MiB, postgres ${mib('postgres')} MiB`,
        };
      },
    },
  });
  printTable(rows);
  return reportStops('bench', await danvan.stop());
}

async function main(): Promise<void> {
  const build = await ensureTemporalBuild(BIN, log);
  const taken = [];
  for (const port of [P.postgres, P.frontend, P.frontendHttp, P.history, P.matching, P.worker, P.proxy, ...P.api, ...P.smtp])
    if (!(await isPortFree(port))) taken.push(port);
  if (taken.length) throw new Error(`ports in use: ${taken.join(', ')} (another \`npm run cluster\`?)`);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(path.join(DIR, 'logs'), { recursive: true });
  chmodSync(DIR, 0o755);
  log(`state and logs in ${path.relative(ROOT, DIR)}; load average ${load()}`);

  await startPostgres();
  log(`PostgreSQL on 127.0.0.1:${P.postgres}: temporal, temporal_visibility, danvan_e2e, danvan_bench`);
  await applyTemporalSchema(build.sqlTool, build.moduleDir);
  const server = await startTemporalServer(build.server);
  await registerNamespace('default');
  await registerNamespace('danvan-bench');

  let ok = true;
  if (!flag('skip-test')) ok = (await testPhase()) && ok;
  if (!flag('skip-bench')) ok = (await benchPhase(server)) && ok;
  await stopAll();
  log(ok ? 'done' : 'FAILED (see above and the logs in .data/cluster/logs)');
  process.exitCode = ok ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    // tsx passes the terminal's Ctrl-C on as well: one stop is enough.
    if (stopping) return;
    log(`${signal}: stopping in order…`);
    void stopAll().then(() => process.exit(130));
  });

main().catch(async (error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopAll();
  process.exit(1);
});
