// Runs the service exactly as `npm start` does, in a child process with its own data folder and ports,
// and waits for its ready line.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../src/platform/runtime/free-port';

const ROOT = path.join(__dirname, '..', '..');

export interface ServiceProcess {
  apiUrl: string;
  /** The embedded database of the child, for tests that inspect what was stored. */
  databaseUrl: string;
  temporalAddress: string;
  ports: { http: number; pg: number; temporal: number; smtp: number };
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const [http, pg, temporal, ui, smtp] = await Promise.all([
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
  ]);
  // What `npm start` execs: one Node process, the signal goes straight to it.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service not ready within 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes('DANVAN_READY')) {
        clearTimeout(timer);
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
  };
}
