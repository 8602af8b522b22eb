// The shared setup of time-skipping workflow tests: the real test server (registered search
// attributes), a fresh database with a small organisation, and the workflow bundle, built once per file.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { ActivityDeps } from '../../activities/shared/deps';
import { resolveTemporalTestServer } from '../../src/platform/runtime/temporal-binaries';
import { registerSearchAttributes } from '../../src/platform/temporal/register-search-attributes';
import { TEST_IDENTITY_KEY } from './keys';
import { buildTestOrg, type TestOrg } from './org';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface WorkflowTestbed {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  org: TestOrg;
  bundle: WorkflowBundleWithSourceMap;
  /** Remembers a workflow the test started, to end it after the test. */
  track: (handle: Terminable) => void;
  /** Workflows a test leaves open have no worker afterwards; their timers would hold up time skipping. */
  terminateTracked: () => Promise<void>;
  teardown: () => Promise<void>;
  /** A worker on the test server with every activity, over the testbed's database and the test identity key. */
  createWorker: (taskQueue: string, deps: WorkerDeps) => Promise<Worker>;
}

/** What a test chooses for its worker's activities; the rest is the testbed's. */
export type WorkerDeps = Pick<ActivityDeps, 'mailer'> & Partial<Omit<ActivityDeps, 'prisma'>>;

interface Terminable {
  terminate: (reason?: string) => Promise<unknown>;
}

export async function startWorkflowTestbed(): Promise<WorkflowTestbed> {
  const [env, db, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({
      server: {
        executable: { type: 'existing-path', path: resolveTemporalTestServer(process.env.TEMPORAL_TEST_SERVER_PATH) },
      },
    }),
    createTestDatabase(),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') }),
  ]);
  await registerSearchAttributes(env.connection, 'default');
  const org = await buildTestOrg(db.prisma);
  const tracked: Terminable[] = [];
  return {
    env,
    db,
    org,
    bundle,
    track: (handle) => tracked.push(handle),
    terminateTracked: async () => {
      await Promise.all(tracked.splice(0).map((h) => h.terminate('test finished').catch(() => undefined)));
    },
    createWorker: (taskQueue, deps) =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: bundle,
        activities: createActivities({
          prisma: db.prisma,
          appUrl: 'http://danvan.test',
          identityKey: TEST_IDENTITY_KEY,
          ...deps,
        }),
      }),
    teardown: async () => {
      await db.drop();
      await env.teardown();
    },
  };
}
