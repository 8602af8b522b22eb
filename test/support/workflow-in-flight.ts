// Whether a workflow has a workflow task or an activity in flight on the time-skipping test server, read
// from its history alone. The test server holds a time-skipping lock for each of them, and keeps it if the
// workflow is terminated meanwhile; every later `env.sleep` of the file then runs on the wall clock.
//
// One history is one snapshot. Combining describe() (pending activities) with a later history read (last
// workflow task) is not: a workflow task that schedules the next e-mail can complete between the two reads,
// and both then say "nothing in flight" while an activity is pending (seen: extensions.test.ts, an
// extension's two e-mails chained after the Update's answer, terminated with the second one scheduled).
import { temporal } from '@temporalio/proto';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const WORKFLOW_TASK_EVENTS = new Set<unknown>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
]);

const CLOSED_EVENTS = new Set<unknown>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
]);

/** The scheduled event an activity's closing event points at, or undefined for any other event. */
function closedActivity(e: HistoryEvent): number | undefined {
  const attributes =
    e.activityTaskCompletedEventAttributes ??
    e.activityTaskFailedEventAttributes ??
    e.activityTaskTimedOutEventAttributes ??
    e.activityTaskCanceledEventAttributes;
  return attributes?.scheduledEventId == null ? undefined : Number(attributes.scheduledEventId);
}

/** Closed, or every scheduled activity closed and the last workflow task completed. */
export function nothingInFlight(events: HistoryEvent[]): boolean {
  if (events.some((e) => CLOSED_EVENTS.has(e.eventType))) return true;
  const open = new Set<number>();
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) open.add(Number(e.eventId));
    const closed = closedActivity(e);
    if (closed !== undefined) open.delete(closed);
  }
  if (open.size > 0) return false;
  const lastTask = events.filter((e) => WORKFLOW_TASK_EVENTS.has(e.eventType)).pop();
  return lastTask?.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;
}

export interface HistorySource {
  fetchHistory: () => Promise<temporal.api.history.v1.IHistory>;
}

/** Nothing in flight, and the history did not grow while it was read (a paged read is not one snapshot). */
export async function isSettled(handle: HistorySource): Promise<boolean> {
  const events = (await handle.fetchHistory()).events ?? [];
  if (!nothingInFlight(events)) return false;
  return ((await handle.fetchHistory()).events?.length ?? 0) === events.length;
}
