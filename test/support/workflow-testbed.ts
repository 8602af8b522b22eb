// The shared setup of time-skipping workflow tests: the real test server (registered search
// attributes), a fresh database with a small organisation, and the suite's workflow bundle (suite-workflow-bundle.ts).
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { ActivityDeps } from '../../activities/shared/deps';
import { resolveTemporalTestServer } from '../../src/platform/runtime/temporal-binaries';
import { registerSearchAttributes } from '../../src/platform/temporal/register-search-attributes';
import { eventually } from './eventually';
import { isSettled, type HistorySource } from './workflow-in-flight';
import { suiteWorkflowBundle } from './suite-workflow-bundle';
import { TEST_IDENTITY_KEY } from './keys';
import { buildTestOrg, type TestOrg } from './org';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface WorkflowTestbed {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  org: TestOrg;
  bundle: WorkflowBundle;
  /** Remembers a workflow the test started, to end it after the test. */
  track: (handle: Terminable) => void;
  /** Workflows a test leaves open have no worker afterwards; their timers would hold up time skipping. */
  terminateTracked: () => Promise<void>;
  /**
   * Waits, while the test's worker still runs, until no tracked workflow has a workflow task or an activity
   * in flight. The test server holds a time-skipping lock for each of them and does not release it when the
   * workflow is terminated: a test that ends while an e-mail is still going out (an action's e-mails go after
   * its answer) would leave time skipping off for the rest of the file, every later `env.sleep` then running
   * on the wall clock.
   */
  settleTracked: () => Promise<void>;
  teardown: () => Promise<void>;
  /** A worker on the test server with every activity, over the testbed's database and the test identity key. */
  createWorker: (taskQueue: string, deps: WorkerDeps) => Promise<Worker>;
}

/** What a test chooses for its worker's activities; the rest is the testbed's. */
export type WorkerDeps = Pick<ActivityDeps, 'mailer'> & Partial<Omit<ActivityDeps, 'prisma'>>;

interface Terminable extends HistorySource {
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
    suiteWorkflowBundle(),
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
    settleTracked: async () => {
      await eventually(async () => (await Promise.all(tracked.map(isSettled))).every(Boolean), {
        what: 'the tracked workflows to have nothing in flight',
      });
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
