// Waits for something the system does asynchronously (a worker finishing an activity), polling with a
// bound, instead of sleeping a fixed time.
import type { WorkflowHandle } from '@temporalio/client';

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
 * The time-skipping server does not skip time while an activity is running, so tests wait for the
 * workflow to be idle (no pending activity) before `env.sleep`.
 */
export async function waitForIdle(handle: WorkflowHandle): Promise<void> {
  await eventually(async () => ((await handle.describe()).raw.pendingActivities?.length ?? 0) === 0, {
    what: `${handle.workflowId} to be idle`,
  });
}
