// Every workflow the worker runs.
export { petitionWorkflow } from './petition/petition-workflow';
export { receptionCycleWorkflow } from './reception/cycle-workflow';
export { receptionSessionWorkflow } from './reception/session-workflow';
