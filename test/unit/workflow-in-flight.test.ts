// The check the time-skipping tests settle on before they end a workflow (test/support/workflow-in-flight.ts).
import { temporal } from '@temporalio/proto';
import { nothingInFlight } from '../support/workflow-in-flight';

const { EventType } = temporal.api.enums.v1;
type Event = temporal.api.history.v1.IHistoryEvent;

type Step = [temporal.api.enums.v1.EventType, Record<string, unknown>?];

/** Events numbered from 1, as protobuf decodes them (ids as Long). */
function history(...steps: Step[]): Event[] {
  return steps.map(([eventType, rest], i) =>
    temporal.api.history.v1.HistoryEvent.fromObject({ eventId: i + 1, eventType, ...rest }),
  );
}

// Started, a first workflow task that schedules an e-mail (event 5), the e-mail done, a second task.
const afterSecondTask: Step[] = [
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, { activityTaskStartedEventAttributes: { scheduledEventId: 5 } }],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, { activityTaskCompletedEventAttributes: { scheduledEventId: 5 } }],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED],
];

test('when every activity is closed and the last workflow task completed, then nothing is in flight', () => {
  expect(nothingInFlight(history(...afterSecondTask))).toBe(true);
});

test('when the last workflow task scheduled the next e-mail, then that e-mail is in flight', () => {
  expect(nothingInFlight(history(...afterSecondTask, [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]))).toBe(false);
});

test('when a workflow task is scheduled or running (its local activities with it), then it is in flight', () => {
  const scheduled = history(...afterSecondTask, [EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED]);
  expect(nothingInFlight(scheduled)).toBe(false);
  expect(nothingInFlight(history(...afterSecondTask.slice(0, 3)))).toBe(false);
});

test('when an activity failed or timed out for good, then it is closed', () => {
  const failed = history(
    ...afterSecondTask.slice(0, 5),
    [EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, { activityTaskFailedEventAttributes: { scheduledEventId: 5 } }],
    [EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED],
    [EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED],
    [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED],
  );
  expect(nothingInFlight(failed)).toBe(true);
});

test('when the workflow is closed, then nothing is in flight whatever was pending', () => {
  const terminated = history(
    ...afterSecondTask,
    [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED],
    [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED],
  );
  expect(nothingInFlight(terminated)).toBe(true);
});
