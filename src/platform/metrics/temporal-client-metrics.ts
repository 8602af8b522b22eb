// A Temporal client interceptor that counts workflow starts and Updates, with the Update's outcome:
// a validator's refusal comes back as a failure whose type is the refusal code.
import type { WorkflowClientInterceptor, WorkflowStartUpdateOutput } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { workflowStarts, workflowUpdateRefusals, workflowUpdates } from './registry';

const startOutcome = (error: unknown) =>
  error instanceof WorkflowExecutionAlreadyStartedError ? 'already_started' : 'failed';

function countUpdate(update: string, outcome: WorkflowStartUpdateOutput['outcome'] | null | undefined): void {
  if (!outcome) return void workflowUpdates.inc({ update, outcome: 'pending' });
  if (!outcome.failure) return void workflowUpdates.inc({ update, outcome: 'completed' });
  const reason = outcome.failure.applicationFailureInfo?.type;
  if (reason) {
    workflowUpdates.inc({ update, outcome: 'refused' });
    workflowUpdateRefusals.inc({ update, reason });
  } else workflowUpdates.inc({ update, outcome: 'failed' });
}

/** A start (plain or with a signal) counted by its outcome: started, already started, or failed. */
async function countedStart<T>(workflowType: string, start: () => Promise<T>): Promise<T> {
  try {
    const out = await start();
    workflowStarts.inc({ workflow_type: workflowType, outcome: 'started' });
    return out;
  } catch (error) {
    workflowStarts.inc({ workflow_type: workflowType, outcome: startOutcome(error) });
    throw error;
  }
}

export function workflowClientMetrics(): WorkflowClientInterceptor {
  return {
    startWithDetails: (input, next) => countedStart(input.workflowType, () => next(input)),
    signalWithStart: (input, next) => countedStart(input.workflowType, () => next(input)),
    async startUpdate(input, next) {
      try {
        const out = await next(input);
        countUpdate(input.updateName, out.outcome);
        return out;
      } catch (error) {
        workflowUpdates.inc({ update: input.updateName, outcome: 'failed' });
        throw error;
      }
    },
    async startUpdateWithStart(input, next) {
      try {
        const out = await next(input);
        workflowStarts.inc({ workflow_type: input.workflowType, outcome: 'started' });
        countUpdate(input.updateName, out.updateOutcome);
        return out;
      } catch (error) {
        workflowUpdates.inc({ update: input.updateName, outcome: 'failed' });
        throw error;
      }
    },
  };
}
