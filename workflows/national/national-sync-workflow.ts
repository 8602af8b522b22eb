// The sync of one province's case files to the national complaints database (CSDL quốc gia về khiếu nại,
// tố cáo — NĐ 55/2022): a long-running loop whose id is the province's (national-sync-<unit>). Each run
// makes new record versions of the cases that changed, pushes every version the receiver lacks, closes the
// run's report, waits on a durable timer (or a "sync now" signal) and continues as new, so a restart loses
// nothing and histories stay short. A receiver that is down holds a push in its activity's retries
// (NATIONAL_PUSH) and never fails the workflow; nothing but ids and version numbers is in the history.
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { NationalSyncActivities } from '../../activities';
import { KEYED_WRITE, NATIONAL_PUSH } from '../activity-options';
import { nationalSyncStateQuery, syncNowSignal, type NationalSyncInput, type NationalSyncState } from './messages';

const { prepareNationalRecords, finishNationalSyncRun } = proxyActivities<NationalSyncActivities>(KEYED_WRITE);
const { pushNationalRecord } = proxyActivities<NationalSyncActivities>(NATIONAL_PUSH);

export async function nationalSyncWorkflow(input: NationalSyncInput): Promise<void> {
  const runId = `${workflowInfo().workflowId}:${input.run}`;
  let syncNow = false;
  const state: NationalSyncState = { run: input.run, phase: 'syncing', pushed: 0, nextRunAt: null };
  setHandler(syncNowSignal, () => {
    syncNow = true;
  });
  setHandler(nationalSyncStateQuery, () => state);

  for (;;) {
    const batch = await prepareNationalRecords({ runId, unitId: input.unitId, batchSize: input.batchSize });
    // A batch goes out at once; the receiver sees at most batchSize requests in flight.
    await Promise.all(batch.pending.map((p) => pushNationalRecord({ runId, petitionId: p.petitionId })));
    state.pushed += batch.pending.length;
    if (!batch.more) break;
    if (workflowInfo().continueAsNewSuggested)
      await continueAsNew<typeof nationalSyncWorkflow>({ ...input, resumingRun: true });
  }
  await finishNationalSyncRun({ runId });

  const intervalMs = input.intervalMinutes * 60_000;
  state.phase = 'waiting';
  state.nextRunAt = new Date(Date.now() + intervalMs).toISOString();
  await condition(() => syncNow, intervalMs);
  await continueAsNew<typeof nationalSyncWorkflow>({ ...input, run: input.run + 1, resumingRun: false });
}
