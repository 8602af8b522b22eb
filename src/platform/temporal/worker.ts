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

export function createPetitionWorker(options: PetitionWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../../../workflows'),
    activities: createActivities(options.activityDeps),
    dataConverter: dataConverterFor(options.codec),
  });
}
