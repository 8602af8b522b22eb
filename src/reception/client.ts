// The only code that starts, signals or updates the reception workflows (schedule cycles and sessions).
import { randomUUID } from 'node:crypto';
import {
  followUpdateOrPending,
  signalWorkflow,
  startOnce,
  updateOrUnavailable,
  type StartOnceResult,
  type TemporalCaller,
  type WorkflowStarter,
} from '../platform/temporal/start-once';
import {
  cycleWorkflowId,
  RECEPTION_CYCLE_WORKFLOW_TYPE,
  scheduleChangedSignal,
  sessionActionUpdate,
  stopCycleSignal,
  type ReceptionCycleInput,
  type ReceptionSpec,
  type SessionAction,
  type SessionSnapshot,
} from '../../workflows/reception/messages';

export type { ReceptionCycleInput, ReceptionSpec, SessionAction, SessionSnapshot };

export function startReceptionCycle(deps: WorkflowStarter, input: ReceptionCycleInput): Promise<StartOnceResult> {
  return startOnce(deps, {
    workflowType: RECEPTION_CYCLE_WORKFLOW_TYPE,
    workflowId: cycleWorkflowId(input.spec.scheduleId),
    args: [input],
  });
}

export function signalScheduleChanged(deps: TemporalCaller, spec: ReceptionSpec): Promise<void> {
  return signalWorkflow(deps, cycleWorkflowId(spec.scheduleId), scheduleChangedSignal, spec);
}

export function stopReceptionCycle(deps: TemporalCaller, scheduleId: string): Promise<void> {
  return signalWorkflow(deps, cycleWorkflowId(scheduleId), stopCycleSignal);
}

/** A session's id is its workflow's id. */
export function sendSessionAction(
  deps: TemporalCaller,
  sessionId: string,
  action: SessionAction,
  updateId: string = randomUUID(),
): Promise<SessionSnapshot> {
  return updateOrUnavailable(deps, sessionId, sessionActionUpdate, [action], updateId);
}

/** An action answered pending earlier: the session's snapshot once applied. */
export function followSessionAction(
  deps: TemporalCaller,
  sessionId: string,
  updateId: string,
): Promise<SessionSnapshot> {
  return followUpdateOrPending(deps, sessionId, updateId);
}
