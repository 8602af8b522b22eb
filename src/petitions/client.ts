// The only code that starts, signals or updates a petition workflow; use cases call it, never the SDK.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { AppError } from '../errors';
import type { CalendarYear } from '../domain/calendar/holidays';
import {
  followUpdate,
  signalWorkflow,
  startOnce,
  updateWithin,
  withinCallDeadline,
  type StartOnceResult,
  type UpdateOutcome,
  type TemporalCaller,
  type WorkflowStarter,
} from '../platform/temporal/start-once';
import {
  actionUpdate,
  calendarChangedSignal,
  calendarPreviewQuery,
  linkDuplicateUpdate,
  PETITION_WORKFLOW_TYPE,
  snapshotQuery,
  petitionWorkflowId,
  type CalendarPreview,
  type LinkDuplicateInput,
  type PetitionActionInput,
  type PetitionSnapshot,
  type PetitionWorkflowInput,
} from '../../workflows/petition/messages';

export { petitionWorkflowId };
export type { LinkDuplicateInput, PetitionActionInput, PetitionSnapshot, PetitionWorkflowInput };
export type PetitionActionOutcome = UpdateOutcome<PetitionSnapshot>;

export function startPetitionWorkflow(
  deps: WorkflowStarter,
  workflowId: string,
  input: PetitionWorkflowInput,
  compensate?: () => Promise<unknown>,
): Promise<StartOnceResult> {
  return startOnce(deps, { workflowType: PETITION_WORKFLOW_TYPE, workflowId, args: [input], compensate });
}

/** A retried request (same Idempotency-Key) gets the same update id, so the workflow answers it with the first result. */
export const petitionUpdateId = (petitionId: string, idempotencyKey?: string): string =>
  idempotencyKey ? `${petitionId}:${idempotencyKey}` : randomUUID();

export async function sendPetitionAction(
  deps: TemporalCaller,
  workflowId: string,
  input: PetitionActionInput,
  updateId: string,
): Promise<PetitionActionOutcome> {
  return updateWithin(deps, workflowId, actionUpdate, [input], updateId).catch(closedAsConflict);
}

export async function sendLinkDuplicate(
  deps: TemporalCaller,
  workflowId: string,
  input: LinkDuplicateInput,
  updateId: string,
): Promise<PetitionActionOutcome> {
  return updateWithin(deps, workflowId, linkDuplicateUpdate, [input], updateId).catch(closedAsConflict);
}

export async function followPetitionAction(
  deps: TemporalCaller,
  workflowId: string,
  updateId: string,
): Promise<PetitionActionOutcome> {
  return followUpdate<PetitionSnapshot>(deps, workflowId, updateId).catch((error: unknown) => {
    if (error instanceof WorkflowNotFoundError && !/already completed/i.test(error.message))
      throw new AppError('NotFound', `no action ${updateId} on this petition`);
    return closedAsConflict(error);
  });
}

export function signalCalendarChanged(deps: TemporalCaller, workflowId: string, table: CalendarYear): Promise<void> {
  return signalWorkflow(deps, workflowId, calendarChangedSignal, table);
}

/** What the petition's running due time would become under `table`, as the workflow itself computes it. */
export function queryCalendarPreview(
  deps: TemporalCaller,
  workflowId: string,
  table: CalendarYear,
): Promise<CalendarPreview | null> {
  return withinCallDeadline(deps, () =>
    deps.temporal.workflow.getHandle(workflowId).query(calendarPreviewQuery, table),
  );
}

/** The workflow's own view of the case: its clock, the ladder and extensions (the read model keeps only the due time). */
export function queryPetitionSnapshot(deps: TemporalCaller, workflowId: string): Promise<PetitionSnapshot> {
  return withinCallDeadline(deps, () => deps.temporal.workflow.getHandle(workflowId).query(snapshotQuery));
}

function closedAsConflict(error: unknown): never {
  // A resolved, refused or withdrawn petition's workflow has completed: the server answers "not found".
  if (error instanceof WorkflowNotFoundError && /already completed/i.test(error.message)) {
    throw new AppError(
      'PetitionClosed',
      'the petition is closed (resolved, refused or withdrawn); no further action is possible / đơn đã đóng, không thể thao tác thêm',
    );
  }
  throw error;
}
