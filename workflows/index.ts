// Every workflow the worker runs.
export { petitionWorkflow } from './petition/petition-workflow';
export { receptionCycleWorkflow } from './reception/cycle-workflow';
export { receptionSessionWorkflow } from './reception/session-workflow';
export { conferenceWorkflow } from './conference/conference-workflow';
export { commitmentWorkflow } from './conference/commitment-workflow';
export { conferenceProposalWorkflow } from './conference/proposal-workflow';
export { nationalSyncWorkflow } from './national/national-sync-workflow';
