// Every workflow the worker runs.
export { petitionWorkflow } from './petition/petition-workflow';
