// The only code that starts or updates the conference, commitment and proposal workflows.
import { WorkflowNotFoundError } from '@temporalio/client';
import { AppError } from '../errors';
import {
  followUpdateOrPending,
  startOnce,
  updateOrUnavailable,
  type StartOnceResult,
  type TemporalCaller,
  type WorkflowStarter,
} from '../platform/temporal/start-once';
import {
  commitmentActionUpdate,
  COMMITMENT_WORKFLOW_TYPE,
  commitmentWorkflowId,
  conferenceActionUpdate,
  CONFERENCE_WORKFLOW_TYPE,
  conferenceWorkflowId,
  PROPOSAL_WORKFLOW_TYPE,
  proposalWorkflowId,
  type CommitmentAction,
  type CommitmentInput,
  type CommitmentSnapshot,
  type ConferenceAction,
  type ConferenceInput,
  type ConferenceSnapshot,
  type OpinionOutcome,
} from '../../workflows/conference/messages';

export type {
  CommitmentAction,
  CommitmentInput,
  CommitmentSnapshot,
  ConferenceAction,
  ConferenceInput,
  ConferenceSnapshot,
  OpinionOutcome,
};

export function startConferenceWorkflow(
  deps: WorkflowStarter,
  input: ConferenceInput,
  compensate?: () => Promise<unknown>,
): Promise<StartOnceResult> {
  return startOnce(deps, {
    workflowType: CONFERENCE_WORKFLOW_TYPE,
    workflowId: conferenceWorkflowId(input.conferenceId),
    args: [input],
    compensate,
  });
}

export function startCommitmentWorkflow(
  deps: WorkflowStarter,
  input: CommitmentInput,
  compensate?: () => Promise<unknown>,
): Promise<StartOnceResult> {
  return startOnce(deps, {
    workflowType: COMMITMENT_WORKFLOW_TYPE,
    workflowId: commitmentWorkflowId(input.commitmentId),
    args: [input],
    compensate,
  });
}

/** The workflow id is the proposal's: a growing cluster, or a retry, does not tell the leader twice. */
export function startProposalWorkflow(deps: WorkflowStarter, proposalId: string): Promise<StartOnceResult> {
  return startOnce(deps, {
    workflowType: PROPOSAL_WORKFLOW_TYPE,
    workflowId: proposalWorkflowId(proposalId),
    args: [{ proposalId }],
  });
}

export function sendConferenceAction(
  deps: TemporalCaller,
  conferenceId: string,
  action: ConferenceAction,
  updateId?: string,
): Promise<ConferenceSnapshot> {
  return updateOrUnavailable(deps, conferenceWorkflowId(conferenceId), conferenceActionUpdate, [action], updateId);
}

export async function sendCommitmentAction(
  deps: TemporalCaller,
  commitmentId: string,
  action: CommitmentAction,
  updateId?: string,
): Promise<CommitmentSnapshot> {
  return updateOrUnavailable(
    deps,
    commitmentWorkflowId(commitmentId),
    commitmentActionUpdate,
    [action],
    updateId,
  ).catch((error: unknown) => {
    // A fulfilled commitment's workflow has completed: the server answers "not found".
    if (error instanceof WorkflowNotFoundError && /already completed/i.test(error.message)) {
      throw new AppError(
        'Conflict',
        'the commitment is fulfilled; no further report is possible / cam kết đã hoàn thành, không thể báo cáo thêm',
      );
    }
    throw error;
  });
}

/** A conference action answered pending earlier: the conference's snapshot once applied. */
export function followConferenceAction(
  deps: TemporalCaller,
  conferenceId: string,
  updateId: string,
): Promise<ConferenceSnapshot> {
  return followUpdateOrPending(deps, conferenceWorkflowId(conferenceId), updateId);
}

/** A commitment report answered pending earlier: the commitment's snapshot once applied. */
export function followCommitmentAction(
  deps: TemporalCaller,
  commitmentId: string,
  updateId: string,
): Promise<CommitmentSnapshot> {
  return followUpdateOrPending(deps, commitmentWorkflowId(commitmentId), updateId);
}
