// Starts the real servers the suite shares: an embedded PostgreSQL (each test file then makes its own
// database) and a Temporal CLI dev server in memory. Nothing is downloaded: the binaries come from
// `npm ci`. Connection details reach the test workers through the environment.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/platform/runtime/embedded-postgres';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { resolveTemporalCli } from '../../src/platform/runtime/temporal-binaries';
import { startTemporalDevServer } from '../../src/platform/runtime/temporal-dev-server';
import { PETITION_SEARCH_ATTRIBUTES } from '../../workflows/petition/search-attributes';
import { buildSuiteWorkflowBundle } from './suite-workflow-bundle';
import { buildSuiteService } from './service-build';
import { prepareSharedServer } from './shared-database-server';
import { chromiumExecutablePath } from './chromium-binary';

declare global {
  var __DANVAN_TEST_SERVERS__: { stop: () => Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'danvan-test-'));
  chmodSync(scratch, 0o755);
  const quiet = () => undefined;
  const [pg, temporal, , serviceBuild] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'danvan_template', log: quiet }),
    (async () =>
      startTemporalDevServer({
        cliPath: resolveTemporalCli(process.env.TEMPORAL_CLI_PATH),
        port: await findFreePort(),
        uiPort: 0,
        headless: true,
        namespace: 'default',
        searchAttributes: PETITION_SEARCH_ATTRIBUTES,
        log: quiet,
      }))(),
    buildSuiteWorkflowBundle(scratch),
    buildSuiteService(),
  ]);
  // Once, before any test file: the e2e files then launch the same unpacked binary.
  process.env.CHROMIUM_PATH = chromiumExecutablePath();
  process.env.DANVAN_TEST_PG_URL = pg.url;
  await prepareSharedServer(pg.url);
  process.env.DANVAN_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.DANVAN_TEST_SCRATCH = scratch;
  globalThis.__DANVAN_TEST_SERVERS__ = {
    stop: async () => {
      await Promise.allSettled([temporal.stop(), pg.stop()]);
      rmSync(serviceBuild, { recursive: true, force: true });
    },
  };
}
