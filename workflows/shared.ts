// What every workflow does the same way: keys that make a retried activity write or send once, business
// refusals that a client sees as a stable type, and the wait for the next due time or the next change.
import { ApplicationFailure, condition, log, patched, workflowInfo } from '@temporalio/workflow';

/** An entry of a case's audit trail, as the workflow states it. */
export interface CaseEvent {
  type: string;
  actorId?: string;
  note?: string;
  data?: Record<string, unknown>;
}

/** The idempotency key of one step of this workflow: workflow id + step, the same on every retry. */
export function stepKey(step: string): string {
  return `${workflowInfo().workflowId}:${step}`;
}

/**
 * Numbers this workflow's events (`<workflowId>:e<n>`), so a retried write finds its row. The numbering
 * follows the order the workflow records in, which replay reproduces.
 */
export function keyedEvents<R>(write: (key: string, event: CaseEvent, at: string) => Promise<R>) {
  let seq = 0;
  return (type: string, extra: Omit<CaseEvent, 'type'> = {}): Promise<R> => {
    seq += 1;
    return write(stepKey(`e${seq}`), { type, ...extra }, new Date(Date.now()).toISOString());
  };
}

/** A refusal of an officer's action: not retryable, and its type is the error code the API answers with. */
export function refuse(message: string, type = 'IllegalTransition'): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/** Waits until `wakeAt` (measured from `now`), or until `changed()` holds; forever when nothing is due. */
export async function waitUntilDueOrChanged(
  changed: () => boolean,
  now: number,
  wakeAt: number | undefined,
): Promise<void> {
  if (wakeAt === undefined) await condition(changed);
  else await condition(changed, Math.max(1, wakeAt - now));
}

/**
 * The patch of the reception, conference and commitment workflows under which a reminder given or a
 * deadline breached is recorded when due and its e-mail sent after, on its own path. Histories from
 * before it sent first and recorded after (a relay that was down held the fact back).
 */
export const RECORDED_BEFORE_MAIL = 'breach-recorded-before-mail';

/**
 * E-mails the workflow does not wait for: a reminder or breach is recorded when due, and its e-mail goes
 * on its own retry path (MAIL_SEND retries until the relay is back), so a relay that is down delays the
 * e-mail, not the fact. The workflow waits for `allDelivered()` before it completes.
 */
/**
 * The patch under which the e-mails that follow a fact (a session or conference announced, a commitment
 * assigned, an officer's action on them) go on their own path too. Before it, the workflow waited for each:
 * with the relay down, a commitment created then waited for its "assigned" e-mail before its clock ran, so its
 * lapse was recorded minutes late (chaos run, relay down 2 min: up to 575 s), and the officer's action waited.
 */
export const MAIL_AFTER_FACT = 'mail-after-fact';

export function mailOnItsOwnPath() {
  const inFlight: Promise<void>[] = [];
  const later = (what: string, sending: Promise<unknown>): void => {
    inFlight.push(
      sending.then(
        () => undefined,
        // Only a refusal ends a send: the case goes on without that e-mail.
        (error: unknown) =>
          log.warn('e-mail given up', { what, error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  };
  return {
    later,
    /**
     * Sends an e-mail that follows a fact: on its own path (MAIL_AFTER_FACT), or, in histories from before
     * the patch, waited for. `send` is called after the patch is asked, so the marker precedes the activity.
     */
    async after(what: string, send: () => Promise<unknown>): Promise<void> {
      if (patched(MAIL_AFTER_FACT)) later(what, send());
      else await send();
    },
    /** Until every e-mail handed over so far is done, including any handed over while waiting. */
    async allDelivered(): Promise<void> {
      let waited = -1;
      while (waited !== inFlight.length) {
        waited = inFlight.length;
        await Promise.all(inFlight);
      }
    },
  };
}
