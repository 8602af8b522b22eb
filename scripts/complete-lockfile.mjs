// The npm registry reachable from these machines lacks some other-platform builds of optional native
// packages (@swc/core-darwin-*, @unrs/resolver-binding-*), so `npm install` leaves them out of
// package-lock.json and `npm ci` then calls the lock out of sync. This adds an entry for each missing
// optional platform package, marked optional with its os/cpu, so `npm ci` skips it on other platforms
// and fetches it on its own. Run after `npm install` changes the lock: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = path === '' ? '' : `${path}/`;
    const target = `${prefix}node_modules/${name}`.replace(/^node_modules\/.*?node_modules\//, (m) => m);
    const candidates = [target, `node_modules/${name}`];
    if (candidates.some((c) => lock.packages[c])) continue;
    const os = OS.find((o) => name.includes(`-${o}`));
    const cpu = CPU.find((c) => new RegExp(`-${c}(-|$)`).test(name)) ?? (name.includes('-arm-') ? 'arm' : undefined);
    if (!os) continue; // not a platform build: leave it to npm
    lock.packages[`node_modules/${name}`] = {
      version: String(version).replace(/^[\^~]/, ''),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`added ${added} optional platform entries to package-lock.json\n`);
