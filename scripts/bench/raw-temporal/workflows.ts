// The floor the service is measured against: a workflow that only waits, a bare Update, and an Update that
// runs three activities in turn (what an officer's action did before it recorded locally). Bench only.
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RawActivities } from './activities';

export const bareUpdate = defineUpdate<number, [number]>('bare');
export const threeActivitiesUpdate = defineUpdate<number, [number]>('threeActivities');

const { step } = proxyActivities<RawActivities>({ startToCloseTimeout: '30 seconds' });

export async function rawWorkflow(): Promise<void> {
  setHandler(bareUpdate, (n: number) => n + 1);
  setHandler(threeActivitiesUpdate, async (n: number) => step(await step(await step(n))));
  // Open for the whole run, as an open petition is.
  await condition(() => false);
}
