import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ActivityContext } from '../shared/deps';
import { RECEPTION_SESSION_WORKFLOW_TYPE, type ReceptionSessionInput } from '../../workflows/reception/messages';
import { CONFERENCE_WORKFLOW_TYPE, type ConferenceInput } from '../../workflows/conference/messages';

type StartDeps = Pick<ActivityContext, 'prisma' | 'temporal' | 'conferencePolicy'>;

/** The workflow id names the session: a repeated start finds it already running and does nothing. */
async function startOnce(temporal: Client, workflowType: string, workflowId: string, args: unknown[]): Promise<void> {
  try {
    await temporal.workflow.start(workflowType, { taskQueue: Context.current().info.taskQueue, workflowId, args });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/**
 * Starts a session as a workflow of its own rather than a child of the cycle: the cycle continues as
 * new right after, and a session must not depend on any one run of it. The workflow id is the
 * session id, so a retry finds the session already started and does nothing.
 */
export function makeStartReceptionSession(deps: StartDeps) {
  return async function startReceptionSession(input: ReceptionSessionInput): Promise<void> {
    const temporal = deps.temporal;
    if (!temporal)
      throw ApplicationFailure.create({
        type: 'NotConfigured',
        message: 'the worker has no Temporal client for starting sessions',
        nonRetryable: true,
      });
    const schedule = await deps.prisma.receptionSchedule.findUnique({
      where: { id: input.scheduleId },
      select: { kind: true },
    });
    if (schedule?.kind === 'conference') await startScheduledConference(deps, temporal, input);
    else await startOnce(temporal, RECEPTION_SESSION_WORKFLOW_TYPE, input.sessionId, [input]);
  };
}

/** A schedule of kind conference: each occurrence is a regular dialogue conference with its own workflow. */
async function startScheduledConference(
  deps: StartDeps,
  temporal: Client,
  input: ReceptionSessionInput,
): Promise<void> {
  const id = input.sessionId.replace(/^reception-/, 'conf-');
  const unit = await deps.prisma.unit.findUniqueOrThrow({ where: { id: input.unitId }, select: { name: true } });
  const startsAt = new Date(Date.parse(`${input.day}T${input.startTime}:00+07:00`));
  await deps.prisma.conference.upsert({
    where: { id },
    create: {
      id,
      unitId: input.unitId,
      kind: 'regular',
      title: `Hội nghị đối thoại định kỳ năm ${input.day.slice(0, 4)} — ${unit.name}`,
      startsAt,
      location: input.location,
      chairId: input.leaderId,
      status: 'announced',
      createdById: `schedule:${input.scheduleId}`,
    },
    update: {},
  });
  const policy = deps.conferencePolicy ?? { resultsWithinDays: 10, remindResultsBeforeDays: 3 };
  const conference: ConferenceInput = {
    conferenceId: id,
    unitId: input.unitId,
    chairId: input.leaderId,
    startsAt: startsAt.toISOString(),
    ...policy,
  };
  await startOnce(temporal, CONFERENCE_WORKFLOW_TYPE, id, [conference]);
}
