import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../../activities';
import type { AesGcmPayloadCodec } from './encryption-codec';
import { dataConverterFor } from './connection';
import type { WorkerTracing } from '../tracing/temporal-tracing';

export interface PetitionWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  codec: AesGcmPayloadCodec;
  activityDeps: ActivityDeps;
  /** On: activity and workflow spans, the workflow code with the tracing interceptors in it. */
  tracing?: WorkerTracing;
}

/**
 * Compiled (`npm run build`), the workflows come bundled beside dist/src/, with and without the tracing
 * interceptors (an interceptor module cannot be added to a prebuilt bundle); from sources they are bundled
 * at start.
 */
const prebuiltBundle = (traced: boolean) =>
  path.join(__dirname, '..', '..', '..', traced ? 'workflow-bundle-traced.js' : 'workflow-bundle.js');

function workflowCode(
  tracing?: WorkerTracing,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'> {
  const prebuilt = prebuiltBundle(tracing !== undefined);
  if (__filename.endsWith('.js') && existsSync(prebuilt)) return { workflowBundle: { codePath: prebuilt } };
  return {
    workflowsPath: require.resolve('../../../workflows'),
    ...(tracing ? { interceptors: { workflowModules: tracing.workflowModules } } : {}),
  };
}

export function createPetitionWorker(options: PetitionWorkerOptions): Promise<Worker> {
  const code = workflowCode(options.tracing);
  const traced = options.tracing;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...code,
    ...(traced ? { sinks: traced.sinks, interceptors: { ...code.interceptors, ...traced.interceptors } } : {}),
    activities: createActivities(options.activityDeps),
    dataConverter: dataConverterFor(options.codec),
  });
}
