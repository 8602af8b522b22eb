// A dependency that stays down is retried without end (workflows/activity-options.ts); operators must
// still hear of it. From RETRY_WARNING_ATTEMPT on, every attempt logs a warning and counts in a metric
// tagged with the activity type, so an outage shows before a case is late.
import { Context, log } from '@temporalio/activity';
import { RETRY_WARNING_ATTEMPT } from '../../workflows/activity-options';

type AnyActivity = (...args: any[]) => Promise<unknown>;

export function warnWhenRetryingLong<A extends Record<string, AnyActivity>>(activities: A): A {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: unknown[]) => {
      warnIfLongRetry();
      return activity(...args);
    };
  }
  return wrapped as A;
}

function warnIfLongRetry(): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return; // called directly (a test or a script), not as an activity: there is no attempt to count
  }
  const { attempt, activityType, workflowExecution } = context.info;
  if (attempt < RETRY_WARNING_ATTEMPT) return;
  log.warn('activity still failing; retrying until its dependency is back', {
    activityType,
    attempt,
    workflowId: workflowExecution?.workflowId,
  });
  context.metricMeter
    .createCounter('danvan_activity_long_retries', 'attempts', 'activity attempts past the retry warning threshold')
    .add(1);
}
