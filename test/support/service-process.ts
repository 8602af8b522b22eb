// Runs the service in a child process with its own data folder, ports and process group, as its compiled
// build runs in production (the suite's build from global setup, test/support/service-build.ts) or, given
// SOURCE_ENTRY or run without that build, exactly as `npm start` does; and waits for its ready line. `kill()` ends the child's group and
// the groups of its embedded PostgreSQL and Temporal, for a test's cleanup after a failure.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { mainOf, suiteServiceBuild } from './service-build';

const ROOT = path.join(__dirname, '..', '..');

export interface ServiceProcess {
  apiUrl: string;
  /** The embedded database of the child, for tests that inspect what was stored. */
  databaseUrl: string;
  temporalAddress: string;
  ports: { http: number; pg: number; temporal: number; smtp: number };
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit code: the ordered stop under test. */
  stop: () => Promise<number | null>;
  /** SIGKILL to every process group the service and its embedded children run in; a no-op once they are gone. */
  kill: () => Promise<void>;
}

/** What `npm start` execs: one Node process, the signal goes straight to it. */
export const SOURCE_ENTRY = ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')];

/** `node <build>/src/main.js` when global setup built the service, else the source entry. */
export function defaultEntry(): string[] {
  const build = suiteServiceBuild();
  return build ? [mainOf(build)] : SOURCE_ENTRY;
}

/** The process groups of the direct children of `pid` (embedded PostgreSQL and Temporal run in their own). */
function childGroupIds(pid: number): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pgid=', '--ppid', String(pid)], { encoding: 'utf8' });
    return [
      ...new Set(
        out
          .split('\n')
          .map(Number)
          .filter((g) => g > 1),
      ),
    ];
  } catch {
    return []; // no children (ps exits 1)
  }
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export async function startServiceProcess(
  env: Record<string, string>,
  entry: string[] = defaultEntry(),
): Promise<ServiceProcess> {
  const [http, pg, temporal, ui, smtp] = await Promise.all([
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
  ]);
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    // A group of its own, so a cleanup can end it with whatever it left, without touching jest's group.
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HTTP_PORT: String(http),
      EMBEDDED_PG_PORT: String(pg),
      TEMPORAL_DEV_PORT: String(temporal),
      TEMPORAL_UI_PORT: String(ui),
      TEMPORAL_DEV_HEADLESS: 'true',
      SMTP_SINK_PORT: String(smtp),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  // 'exit' can come before the last lines are read from the pipes (a stop's last log lines were missed under
  // load): wait for them to end, bounded, since a grandchild could hold them open.
  const ended = (stream: NodeJS.ReadableStream & { readableEnded?: boolean }) =>
    stream.readableEnded ? Promise.resolve() : new Promise<void>((r) => stream.once('end', () => r()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      const drained = Promise.all([child.stdout, child.stderr].map((s) => (s ? ended(s) : Promise.resolve())));
      void Promise.race([drained, new Promise((r) => setTimeout(r, 5_000))]).then(() => resolve(code));
    }),
  );
  const groups = new Set<number>([child.pid!]);
  const kill = async () => {
    for (const pgid of childGroupIds(child.pid!)) groups.add(pgid);
    for (const pgid of groups) killGroup(pgid);
    if (child.exitCode === null && child.signalCode === null) await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`service not ready within 90 s:\n${out}`));
      void kill();
    }, 90_000);
    const check = () => {
      if (out.includes('DANVAN_READY')) {
        clearTimeout(timer);
        // Remembered now: once the service is gone its children's groups are no longer found by its pid.
        for (const pgid of childGroupIds(child.pid!)) groups.add(pgid);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    apiUrl: `http://127.0.0.1:${http}/api/v1`,
    databaseUrl: `postgresql://danvan:danvan-local@127.0.0.1:${pg}/danvan`,
    temporalAddress: `127.0.0.1:${temporal}`,
    ports: { http, pg, temporal, smtp },
    child,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill,
  };
}
