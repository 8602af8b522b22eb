// The suite's workflow bundle: built once in global setup from today's workflows/, and read by every test
// file's worker instead of each file running webpack again (5–9 s of CPU a file, ~50 files). A file run
// without the global setup (or a bundle gone missing) still bundles its own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';

const BUNDLE_ENV = 'DANVAN_TEST_WORKFLOW_BUNDLE';
const workflowsPath = () => require.resolve('../../workflows');
const quiet = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} };

/** In global setup: bundles once into the scratch folder and tells the test workers where. */
export async function buildSuiteWorkflowBundle(scratch: string): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quiet });
  const file = path.join(scratch, 'workflow-bundle.js');
  writeFileSync(file, code);
  process.env[BUNDLE_ENV] = file;
}

/** The suite's bundle, or this file's own when run without the global setup. */
export async function suiteWorkflowBundle(): Promise<WorkflowBundle> {
  const file = process.env[BUNDLE_ENV];
  if (file && existsSync(file)) return { code: readFileSync(file, 'utf8') };
  return bundleWorkflowCode({ workflowsPath: workflowsPath() });
}
