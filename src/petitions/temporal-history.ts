// The Temporal event history of a petition in readable form for supervisors: each event with its time
// and a one-line summary. Payloads are decoded with the service's codec (they are encrypted at rest).
import type { Client, WorkflowHandle } from '@temporalio/client';
import { type Payload, type PayloadCodec, defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

export interface ReadableEvent {
  eventId: string;
  time: string | null;
  type: string;
  summary: string;
}

function tsToIso(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): string | null {
  if (!ts?.seconds) return null;
  return new Date(Number(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6)).toISOString();
}

function durationText(d: { seconds?: unknown } | null | undefined): string {
  const s = Number(d?.seconds ?? 0);
  if (s >= 86_400) return `${(s / 86_400).toFixed(s % 86_400 ? 2 : 0)} d`;
  if (s >= 3_600) return `${(s / 3_600).toFixed(s % 3_600 ? 2 : 0)} h`;
  return `${s} s`;
}

async function decodeFirst(codecs: PayloadCodec[], payloads: Payload[] | null | undefined): Promise<unknown> {
  if (!payloads?.length) return undefined;
  let decoded = payloads;
  for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
  return defaultPayloadConverter.fromPayload(decoded[0]!);
}

function describeValue(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  // Only the shape of the call is summarised; free text (reasons, names) stays out of this view.
  const parts: string[] = [];
  if (typeof v.template === 'string') parts.push(`template=${v.template}`);
  if (v.recipient && typeof v.recipient === 'object') parts.push(`to=${(v.recipient as { type: string }).type}`);
  if (typeof v.type === 'string') parts.push(`event=${v.type}`);
  if (typeof v.action === 'string') parts.push(`action=${v.action}`);
  if (typeof v.unitId === 'string') parts.push(`unit=${v.unitId}`);
  return parts.join(' ');
}

export async function readableHistory(
  client: Client,
  workflowId: string,
  codecs: PayloadCodec[],
): Promise<{ status: string; events: ReadableEvent[] }> {
  const handle: WorkflowHandle = client.workflow.getHandle(workflowId);
  const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
  const scheduled = new Map<string, string>();
  const events: ReadableEvent[] = [];
  for (const event of history.events ?? []) {
    const id = String(event.eventId ?? '');
    const typeName = EventType[event.eventType ?? 0]?.replace(/^EVENT_TYPE_/, '') ?? String(event.eventType);
    events.push({
      eventId: id,
      time: tsToIso(event.eventTime as never),
      type: typeName,
      summary: await summarise(event, scheduled, codecs),
    });
  }
  return { status: description.status.name, events };
}

async function summarise(e: HistoryEvent, scheduled: Map<string, string>, codecs: PayloadCodec[]): Promise<string> {
  switch (e.eventType) {
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
      return `workflow ${e.workflowExecutionStartedEventAttributes?.workflowType?.name ?? ''} started`;
    case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const a = e.activityTaskScheduledEventAttributes;
      const name = a?.activityType?.name ?? 'activity';
      scheduled.set(String(e.eventId), name);
      const input = await decodeFirst(codecs, a?.input?.payloads as Payload[] | undefined).catch(() => undefined);
      return `${name} scheduled ${describeValue(input)}`.trim();
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
      const a = e.activityTaskStartedEventAttributes;
      return `${scheduled.get(String(a?.scheduledEventId)) ?? 'activity'} started (attempt ${a?.attempt ?? 1})`;
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
      return `${scheduled.get(String(e.activityTaskCompletedEventAttributes?.scheduledEventId)) ?? 'activity'} completed`;
    case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
      return `${scheduled.get(String(e.activityTaskFailedEventAttributes?.scheduledEventId)) ?? 'activity'} failed: ${e.activityTaskFailedEventAttributes?.failure?.message ?? ''}`;
    case EventType.EVENT_TYPE_TIMER_STARTED:
      return `deadline timer set for ${durationText(e.timerStartedEventAttributes?.startToFireTimeout as never)}`;
    case EventType.EVENT_TYPE_TIMER_FIRED:
      return 'deadline timer fired';
    case EventType.EVENT_TYPE_TIMER_CANCELED:
      return 'deadline timer re-armed (state changed)';
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const a = e.workflowExecutionUpdateAcceptedEventAttributes;
      const input = await decodeFirst(codecs, a?.acceptedRequest?.input?.args?.payloads as Payload[] | undefined).catch(
        () => undefined,
      );
      return `update ${a?.acceptedRequest?.input?.name ?? ''} accepted ${describeValue(input)}`.trim();
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
      return 'update completed';
    case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
      return `search attributes: ${Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).join(', ')}`;
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      return 'workflow completed';
    case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
    case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
    case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
      return 'workflow task';
    default:
      return '';
  }
}
