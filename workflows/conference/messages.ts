// The contract of the conference and commitment workflows. Only ids, counts and dates travel here;
// participants' names and contacts stay in the database.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const CONFERENCE_WORKFLOW_TYPE = 'conferenceWorkflow';
export const COMMITMENT_WORKFLOW_TYPE = 'commitmentWorkflow';
export const PROPOSAL_WORKFLOW_TYPE = 'conferenceProposalWorkflow';
export const proposalWorkflowId = (proposalId: string) => `proposal-${proposalId}`;
// Conference ids (`conf-…`) and commitment ids (`commitment-…`) carry their prefix already and are the
// workflow ids of the runs started so far.
export const conferenceWorkflowId = (conferenceId: string) => conferenceId;
export const commitmentWorkflowId = (commitmentId: string) => commitmentId;

export interface ConferenceInput {
  conferenceId: string;
  unitId: string;
  chairId: string;
  startsAt: string;
  /** Results are published within this many days of the conference (DOMAIN.md: 10). */
  resultsWithinDays: number;
  /** The chair is reminded this many days before the results are due. */
  remindResultsBeforeDays: number;
}

export type ConferenceStatus = 'announced' | 'held' | 'published';
export type OpinionOutcome = 'answered' | 'commitment' | 'explained' | 'referred';

export type ConferenceAction =
  | { action: 'hold'; attendeeCount: number; actorId: string }
  | {
      action: 'recordOpinion';
      opinionId: string;
      outcome: OpinionOutcome;
      commitmentId?: string;
      referredToUnitId?: string;
      actorId: string;
    }
  | { action: 'publish'; actorId: string };

export interface ConferenceSnapshot {
  conferenceId: string;
  status: ConferenceStatus;
  attendeeCount: number | null;
  opinions: Record<OpinionOutcome, number>;
  resultsDueAt: string | null;
  escalated: boolean;
  version: number;
}

export const conferenceActionUpdate = defineUpdate<ConferenceSnapshot, [ConferenceAction]>('conferenceAction');
export const conferenceStateQuery = defineQuery<ConferenceSnapshot>('conferenceState');

export interface CommitmentInput {
  commitmentId: string;
  conferenceId: string;
  opinionId: string;
  unitId: string;
  assigneeId: string | null;
  /** End of the promised day, Asia/Ho_Chi_Minh. */
  dueAt: string;
  remindBeforeDays: number;
}

export type CommitmentStatus = 'open' | 'fulfilled';

export type CommitmentAction =
  | { action: 'progress'; percent: number; note: string; actorId: string }
  | { action: 'fulfil'; note: string; actorId: string };

export interface CommitmentSnapshot {
  commitmentId: string;
  status: CommitmentStatus;
  progress: number;
  escalated: boolean;
  fulfilledOnTime: boolean | null;
  version: number;
}

export const commitmentActionUpdate = defineUpdate<CommitmentSnapshot, [CommitmentAction]>('commitmentAction');
export const commitmentStateQuery = defineQuery<CommitmentSnapshot>('commitmentState');
