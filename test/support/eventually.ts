// Waits for something the system does asynchronously (a worker finishing an activity), polling with a
// bound, instead of sleeping a fixed time.
import type { WorkflowHandle } from '@temporalio/client';
import { isSettled } from './workflow-in-flight';

export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${options.what ?? 'a condition'}${last ? `: ${String(last)}` : ''}`);
}

/**
 * The time-skipping server does not skip time while an activity or a workflow task is running (local
 * activities run inside the workflow task: a pending-activity count misses them), so tests wait for the
 * workflow to be idle before `env.sleep`.
 */
export async function waitForIdle(handle: WorkflowHandle): Promise<void> {
  await eventually(() => isSettled(handle), { what: `${handle.workflowId} to be idle` });
}
