// `npm run build`: the service as plain JavaScript in dist/, run in production with `node dist/src/main.js`
// (no tsx, no npm in between). Each file is transpiled on its own (tsconfig has isolatedModules), which takes
// about a second; `npm run typecheck` is the type gate. The workflow bundle is built here once, so a worker
// starts without webpack. Usage: node scripts/build.mjs [outDir inside the project] (default dist).
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { build } = require('esbuild');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
// Inside the project: the compiled code finds node_modules/, .tools/ and prisma/migrations/ by walking up.
if (path.relative(ROOT, outDir).startsWith('..')) throw new Error(`the build goes inside ${ROOT}, not ${outDir}`);
const startedAt = Date.now();

const sources = ['src', 'workflows', 'activities'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(ROOT, dir, f)),
);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: sources,
  outdir: outDir,
  outbase: ROOT,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(path.join(ROOT, 'src', 'web', 'static'), path.join(outDir, 'src', 'web', 'static'), { recursive: true });

// What the worker loads instead of bundling workflows/ at start (src/platform/temporal/worker.ts), and the
// same with the OpenTelemetry workflow interceptors in it, for a worker with tracing on.
const { bundleWorkflowCode } = require('@temporalio/worker');
const quiet = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} };
const workflowsPath = path.join(outDir, 'workflows', 'index.js');
const [plain, traced] = await Promise.all([
  bundleWorkflowCode({ workflowsPath, logger: quiet }),
  bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
    logger: quiet,
  }),
]);
writeFileSync(path.join(outDir, 'workflow-bundle.js'), plain.code);
writeFileSync(path.join(outDir, 'workflow-bundle-traced.js'), traced.code);
process.stdout.write(
  `built ${sources.length} files and the workflow bundles into ${path.relative(ROOT, outDir) || outDir} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
);
