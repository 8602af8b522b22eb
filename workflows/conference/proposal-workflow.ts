// Tells the unit's responsible leader that a hot spot proposes an ad hoc dialogue conference. A workflow
// (id proposal-<id>) rather than a send from the API, so the e-mail is retried until it goes, and once.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { MAIL_SEND } from '../activity-options';

const { sendProposalMail } = proxyActivities<Activities>(MAIL_SEND);

export async function conferenceProposalWorkflow(input: { proposalId: string }): Promise<void> {
  await sendProposalMail({ key: workflowInfo().workflowId, proposalId: input.proposalId });
}
