// The service's compiled build (scripts/build.mjs: what `node dist/src/main.js` runs in production), made once
// in global setup for every file that starts the service in a child process. From sources each start spent
// ~2 s loading TypeScript through tsx and 2–4 s bundling the workflows with webpack (measured on this 2-core
// machine: 15.3 s to ready from sources, 9.0 s compiled, back to back); the build bundles them once. The
// source entry (`npm start`) keeps a test of its own (test/integration/service-stop.test.ts).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..');
const BUILD_ENV = 'DANVAN_TEST_SERVICE_BUILD';
const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build.mjs');

/** Inside the project (the build requires it: node_modules, .tools and prisma/migrations are found upward). */
export const buildDirFor = (name: string) => path.join(ROOT, 'dist', `test-build-${name}-${process.pid}`);

export const mainOf = (outDir: string) => path.join(outDir, 'src', 'main.js');

/** In global setup: builds while PostgreSQL and Temporal start, and tells the test workers where. */
export async function buildSuiteService(): Promise<string> {
  const outDir = buildDirFor('suite');
  await promisify(execFile)(process.execPath, [BUILD_SCRIPT, outDir]);
  process.env[BUILD_ENV] = outDir;
  return outDir;
}

/** The suite's build, when global setup made one (a file run some other way gets undefined). */
export function suiteServiceBuild(): string | undefined {
  const dir = process.env[BUILD_ENV];
  return dir && existsSync(mainOf(dir)) ? dir : undefined;
}

/**
 * A build for a test of the compiled service: the suite's, or one made now into a folder of this file's own.
 * `remove` deletes only a folder made here.
 */
export function compiledService(name: string): { outDir: string; remove: () => void } {
  const shared = suiteServiceBuild();
  if (shared) return { outDir: shared, remove: () => undefined };
  const outDir = buildDirFor(name);
  execFileSync(process.execPath, [BUILD_SCRIPT, outDir], { stdio: 'pipe' });
  return {
    outDir,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
