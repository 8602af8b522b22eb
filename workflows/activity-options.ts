// The activity options of every workflow, in named groups, each chosen once. A case is a legal obligation
// that lasts weeks: a dependency being down may delay it, never end it. So every infrastructure failure
// is retried until the dependency is back (no maximumAttempts, no scheduleToCloseTimeout), with a capped
// interval so recovery is noticed within that interval; activities log a warning once an attempt count
// passes RETRY_WARNING_ATTEMPT (activities/shared/retry-warning.ts). What must not be retried is a
// business refusal, which the activity throws as ApplicationFailure with nonRetryable: true and a stable type.
import type { ActivityOptions, LocalActivityOptions, RetryPolicy } from '@temporalio/workflow';

/** Backs off to one minute and keeps trying: PostgreSQL being back is picked up within a minute. */
const UNTIL_DATABASE_IS_BACK: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
};

/**
 * Backs off to five minutes: a relay that is down is not hammered, and one that is back is used soon. (One
 * minute was tried: over a day skipped in the time-skipping tests, five times the attempts, each run for real,
 * held a reception test past its timeout; the shorter wait after an outage is not worth that without a
 * redesign of those tests.)
 */
const UNTIL_RELAY_IS_BACK: RetryPolicy = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
};

/**
 * Keyed writes to the read model, events and public notices: idempotent by their unique key, so a retry
 * writes nothing twice. A single transaction takes milliseconds; 30 s only bounds a stuck connection.
 */
export const KEYED_WRITE: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: UNTIL_DATABASE_IS_BACK };

/** Lookups the workflow decides on (escalation target, policy in force, calendar years): reads only. */
export const LOOKUP: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: UNTIL_DATABASE_IS_BACK };

/**
 * Past a few seconds of failures, a local activity's next attempt waits on a durable timer instead of inside
 * the worker's workflow task: an outage then holds no workflow task open (nor a time-skipping test server's
 * clock), and the wait survives a worker restart.
 */
const LOCAL_RETRY_THRESHOLD = '5 seconds';

/**
 * KEYED_WRITE and LOOKUP run as local activities where an officer waits for them (an Update's answer): the
 * worker runs them inside the workflow task, one database transaction instead of a task queue round trip
 * and a workflow task each. Same retry-forever policy: past the first seconds of an outage the SDK spaces
 * the attempts with durable timers, so a long outage still delays the case and never ends it.
 */
export const KEYED_WRITE_LOCAL: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: UNTIL_DATABASE_IS_BACK,
  localRetryThreshold: LOCAL_RETRY_THRESHOLD,
};
export const LOOKUP_LOCAL: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: UNTIL_DATABASE_IS_BACK,
  localRetryThreshold: LOCAL_RETRY_THRESHOLD,
};

/**
 * E-mail through send-mail-once. Every SMTP timeout (src/platform/mail/mailer.ts: SMTP_TIMEOUTS) ends well
 * inside the 2 minutes, so an attempt has finished with the relay before the next one can start, and the
 * claim's lease (the attempt's deadline) is never taken over while its SMTP conversation is still open.
 * The heartbeat lets a crashed worker's attempt be retried after 30 s instead of 2 minutes; the lease still
 * holds the claim until the dead attempt's deadline.
 */
export const MAIL_SEND: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: UNTIL_RELAY_IS_BACK,
};

/** Starting a session's or conference's workflow: the workflow id makes a repeated start a no-op. */
export const WORKFLOW_START: ActivityOptions = { startToCloseTimeout: '1 minute', retry: UNTIL_DATABASE_IS_BACK };

/**
 * A push of one record to the national complaints database (workflows/national/): the receiver being down
 * for hours delays the sync, never ends it. Backs off to ten minutes so a ministry's endpoint coming back
 * is not met by a stampede; the receiver de-duplicates on the Idempotency-Key, so a retry after a lost
 * answer is harmless. 1 minute bounds one request (its own timeout is shorter: NATIONAL_SYNC_TIMEOUT_MS).
 */
export const NATIONAL_PUSH: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/** The attempt from which an activity still failing logs a warning: ~4 minutes into a write's outage, ~13 into a send's. */
export const RETRY_WARNING_ATTEMPT = 10;
