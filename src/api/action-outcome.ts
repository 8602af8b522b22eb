// An officer's action never hangs: the workflow's answer within ACTION_WAIT_MS, or `202` with the Update's
// id and a URL that gives its result once a worker has taken it. One shape for every workflow's actions.
import type { Response } from 'express';
import { UpdatePending } from '../platform/temporal/start-once';

/** `202`, the Update's id and where to follow it (Location too). */
export function sendPending(res: Response, href: string | null, updateId: string): void {
  res.status(202).setHeader('Retry-After', '2');
  if (href) res.location(href);
  res.json({
    status: 'pending',
    updateId,
    ...(href ? { href } : {}),
    message: 'the action is waiting for the workflow; follow href for its result / thao tác đang chờ xử lý',
  });
}

/**
 * Runs an action (or the follow-up of one) and answers its result with `status`, or `202` when the workflow
 * has not answered yet. `followAt` names the URL of an Update's result; null where the caller cannot follow.
 */
export async function answerAction(
  res: Response,
  followAt: ((updateId: string) => string) | null,
  run: () => Promise<unknown>,
  status = 200,
): Promise<void> {
  try {
    const result = await run();
    res.status(status).json(result);
  } catch (error) {
    if (!(error instanceof UpdatePending)) throw error;
    sendPending(res, followAt ? followAt(error.updateId) : null, error.updateId);
  }
}

/** `/api/v1/<base>/<id>/updates/<updateId>`: where a pending action's result is read. */
export const updatesOf =
  (base: string, id: string) =>
  (updateId: string): string =>
    `/api/v1/${base}/${encodeURIComponent(id)}/updates/${encodeURIComponent(updateId)}`;
