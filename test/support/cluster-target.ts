// `npm run cluster` runs the end-to-end test against a real Temporal server with two danvan workers and two API
// processes behind a round-robin proxy; it names them in the file DANVAN_TEST_CLUSTER points at. Without that
// variable the test starts its own single service, as in `npm test`.
import { readFileSync } from 'node:fs';

export interface ClusterTarget {
  /** The proxy in front of the API processes, `…/api/v1`. */
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  /** The first API process's data folder: its instance lock, the shared payload key and outbox. */
  dataDir: string;
  /** Every danvan process's log, for the checks on what the service writes. */
  logFiles: string[];
}

export interface AttachedCluster extends Omit<ClusterTarget, 'logFiles'> {
  output: () => string;
}

export function clusterTarget(env: NodeJS.ProcessEnv = process.env): AttachedCluster | null {
  const file = env.DANVAN_TEST_CLUSTER;
  if (!file) return null;
  const { logFiles, ...target } = JSON.parse(readFileSync(file, 'utf8')) as ClusterTarget;
  return { ...target, output: () => logFiles.map((f) => readFileSync(f, 'utf8')).join('\n') };
}
