// The Temporal server and its SQL schema tool, built once from the Go module proxy into a gitignored cache
// folder (about 12 minutes of CPU on two cores), then reused. The module's source, which holds the PostgreSQL
// schema files, stays in Go's module cache.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const TEMPORAL_SERVER_VERSION = 'v1.32.2';
const MODULE = 'go.temporal.io/server';
const PACKAGES = { server: `${MODULE}/cmd/server`, sql: `${MODULE}/cmd/tools/sql` } as const;

export interface TemporalBuild {
  server: string;
  sqlTool: string;
  /** The module's source in the Go module cache: schema/postgresql/v12/… */
  moduleDir: string;
}

function goBinary(): string {
  if (process.env.GO) return process.env.GO;
  for (const candidate of ['/usr/local/go/bin/go', '/usr/lib/go/bin/go']) if (existsSync(candidate)) return candidate;
  return 'go';
}

function goInstall(go: string, pkg: string, binDir: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log(`building ${pkg}@${TEMPORAL_SERVER_VERSION} into ${binDir} (nice 10; the first time takes ~12 min of CPU)…`);
  return new Promise((resolve, reject) => {
    // nice: engineers share two cores; the build must not starve their tests.
    const child = spawn('nice', ['-n', '10', go, 'install', `${pkg}@${TEMPORAL_SERVER_VERSION}`], {
      env: { ...process.env, GOTOOLCHAIN: 'auto', GOBIN: binDir },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`go install ${pkg} exited with ${code}`));
      log(`built ${path.basename(pkg)} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
      resolve();
    });
  });
}

export async function ensureTemporalBuild(binDir: string, log: (line: string) => void): Promise<TemporalBuild> {
  mkdirSync(binDir, { recursive: true });
  const go = goBinary();
  const server = path.join(binDir, 'server');
  const sqlTool = path.join(binDir, 'sql');
  if (!existsSync(server)) await goInstall(go, PACKAGES.server, binDir, log);
  if (!existsSync(sqlTool)) await goInstall(go, PACKAGES.sql, binDir, log);
  const modCache = execFileSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const moduleDir = path.join(modCache, `${MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (!existsSync(path.join(moduleDir, 'schema', 'postgresql', 'v12'))) {
    // Binaries kept from an earlier run, module cache cleaned since: fetch the source alone.
    execFileSync(go, ['mod', 'download', `${MODULE}@${TEMPORAL_SERVER_VERSION}`], {
      env: { ...process.env, GOTOOLCHAIN: 'auto' },
      stdio: 'inherit',
    });
  }
  return { server, sqlTool, moduleDir };
}
