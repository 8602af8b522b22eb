// Stopping and starting the whole service as `npm start` runs it, and as its compiled build runs in
// production: SIGTERM stops everything in order (HTTP, then the worker drains, then the embedded Temporal dev
// server and PostgreSQL, which run in process groups of their own so a terminal's Ctrl-C does not reach them
// first); a taken HTTP port stops the start. A failed assertion still ends every process a test started.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { compiledService } from '../support/service-build';
import { SOURCE_ENTRY, startServiceProcess, type ServiceProcess } from '../support/service-process';

const dirs: string[] = [];
const services: ServiceProcess[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'danvan-stop-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  // After a failure the service (and its PostgreSQL and Temporal) would outlive the test otherwise.
  await Promise.all(services.splice(0).map((s) => s.kill()));
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** pid → process group of the direct children of `pid`. */
function childGroups(pid: number): Map<string, number> {
  const out = execFileSync('ps', ['-o', 'pgid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  const groups = new Map<string, number>();
  for (const line of out.trim().split('\n')) {
    const [pgid, ...args] = line.trim().split(/\s+/);
    const command = args.join(' ');
    if (/bin\/postgres /.test(command)) groups.set('postgres', Number(pgid));
    if (/temporal server start-dev/.test(command)) groups.set('temporal', Number(pgid));
  }
  return groups;
}

async function expectOrderedStop(service: ServiceProcess): Promise<void> {
  const groups = childGroups(service.child.pid!);
  // Embedded children are not in the service's group: a terminal's SIGINT reaches the service only.
  expect([...groups.keys()].sort()).toEqual(['postgres', 'temporal']);
  for (const pgid of groups.values()) expect(pgid).not.toBe(service.child.pid);
  expect((await fetch(`${service.apiUrl}/ready`)).status).toBe(200);

  expect(await service.stop()).toBe(0);
  const order = [...service.output().matchAll(/"msg":"stopped ([a-z-]+)"/g)].map((m) => m[1]);
  const at = (name: string) => order.indexOf(name);
  expect(at('http')).toBeGreaterThanOrEqual(0);
  expect(at('http')).toBeLessThan(at('worker'));
  expect(at('worker')).toBeLessThan(at('temporal-dev-server'));
  expect(at('temporal-dev-server')).toBeLessThan(at('postgres'));
  expect(await accepts(service.ports.temporal)).toBe(false);
  expect(await accepts(service.ports.pg)).toBe(false);
  expect(await accepts(service.ports.http)).toBe(false);
}

test('when the entry point gets SIGTERM, then HTTP, the worker, Temporal and PostgreSQL stop in that order and it exits 0', async () => {
  // Spelled out: the other files start the suite's compiled build by default.
  const service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir() }, SOURCE_ENTRY);
  services.push(service);
  const command = execFileSync('ps', ['-o', 'args=', '-p', String(service.child.pid)], { encoding: 'utf8' });
  expect(command.trim()).toBe(`${process.execPath} ${SOURCE_ENTRY.join(' ')}`);
  await expectOrderedStop(service);
});

test('when the compiled entry (node dist/src/main.js) gets SIGTERM, then it stops in the same order and exits 0', async () => {
  // The real build (scripts/build.mjs, ~1 s of transpiling plus the workflow bundles) in a folder inside
  // dist/, where node_modules and prisma/migrations resolve as they do in production: the suite's, made in
  // global setup, or this file's own when run without it.
  const { outDir, remove } = compiledService('stop');
  try {
    // At debug the SDK's own INFO lines are logged, "Workflow bundle created" among them when it bundles.
    const service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir(), LOG_LEVEL: 'debug' }, [
      path.join(outDir, 'src', 'main.js'),
    ]);
    services.push(service);
    const command = execFileSync('ps', ['-o', 'args=', '-p', String(service.child.pid)], { encoding: 'utf8' });
    expect(command.trim()).toBe(`${process.execPath} ${path.join(outDir, 'src', 'main.js')}`);
    // The worker took the prebuilt bundle: no workflow bundling (webpack) at start.
    expect(service.output()).toContain('"sdk":true');
    expect(service.output()).not.toContain('Workflow bundle created');
    await expectOrderedStop(service);
  } finally {
    remove();
  }
});

test('when the HTTP port is taken, then the start fails at once naming the port, with nothing left running', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = (blocker.address() as net.AddressInfo).port;
  const [pg, temporal] = [await findFreePort(), await findFreePort()];
  try {
    const failure = await startServiceProcess({
      DANVAN_DATA_DIR: dataDir(),
      HTTP_PORT: String(taken),
      EMBEDDED_PG_PORT: String(pg),
      TEMPORAL_DEV_PORT: String(temporal),
    }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited with 1 before it was ready/);
    expect(failure).toContain(`HTTP port 127.0.0.1:${taken} is already in use`);
    expect(failure).not.toContain('DANVAN_READY');
    // Checked before PostgreSQL and Temporal start, which take most of a start (a time bound would depend on load).
    expect(failure).not.toContain('starting embedded PostgreSQL');
    expect(failure).not.toContain('starting the Temporal dev server');
    expect(await accepts(pg)).toBe(false);
    expect(await accepts(temporal)).toBe(false);
  } finally {
    blocker.close();
  }
});
