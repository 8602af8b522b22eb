import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../../activities';
import type { AesGcmPayloadCodec } from './encryption-codec';
import { dataConverterFor } from './connection';

export interface PetitionWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  codec: AesGcmPayloadCodec;
  activityDeps: ActivityDeps;
}

/** Compiled (`npm run build`), the workflows come bundled beside dist/src/; from sources they are bundled at start. */
const PREBUILT_BUNDLE = path.join(__dirname, '..', '..', '..', 'workflow-bundle.js');

function workflowCode() {
  if (__filename.endsWith('.js') && existsSync(PREBUILT_BUNDLE))
    return { workflowBundle: { codePath: PREBUILT_BUNDLE } };
  return { workflowsPath: require.resolve('../../../workflows') };
}

export function createPetitionWorker(options: PetitionWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...workflowCode(),
    activities: createActivities(options.activityDeps),
    dataConverter: dataConverterFor(options.codec),
  });
}
