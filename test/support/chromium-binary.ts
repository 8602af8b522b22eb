// The Chromium inside @sparticuz/chromium, unpacked into node_modules/.cache (nothing is downloaded), or
// CHROMIUM_PATH when set. Unpacked once, by jest's global setup: two e2e files starting together on a fresh
// clone would otherwise both unpack it, and one would run the binary while the other still writes it
// (spawn ETXTBSY).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'sparticuz-143.0.4');

export function chromiumExecutablePath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  mkdirSync(CACHE_DIR, { recursive: true });
  // The package unpacks into $TMPDIR, so a child process with its own TMPDIR keeps the copy in our cache.
  const script =
    "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: CACHE_DIR },
    encoding: 'utf8',
  }).trim();
  if (!existsSync(out)) throw new Error(`Chromium was not unpacked: ${out}`);
  return out;
}
