// The national sync's id, input and messages, shared by the workflow and src/national/client.ts.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const NATIONAL_SYNC_WORKFLOW_TYPE = 'nationalSyncWorkflow';

/** One sync per province: its business id. */
export const nationalSyncWorkflowId = (unitId: string) => `national-sync-${unitId}`;

export interface NationalSyncInput {
  unitId: string;
  intervalMinutes: number;
  batchSize: number;
  /** The run number within this workflow id: the run's report row is `<workflow id>:<run>`. */
  run: number;
  /** Set when a run too long for one history goes on in a new one: the same run, no wait before it. */
  resumingRun?: boolean;
}

export interface NationalSyncState {
  run: number;
  phase: 'syncing' | 'waiting';
  pushed: number;
  nextRunAt: string | null;
}

/** Starts the next run now instead of at the end of the interval (an admin's "sync now", a test). */
export const syncNowSignal = defineSignal('nationalSyncNow');
export const nationalSyncStateQuery = defineQuery<NationalSyncState>('nationalSyncState');
