// The one way the service starts and updates workflows. A business id is the workflow id, so a second start
// finds the run already there and is treated as that run; a start that fails undoes what the use case wrote,
// unless the run exists after all; every call from a request path has a short deadline, so an unreachable
// Temporal answers within seconds instead of after the SDK's ~20 s of retries.
import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { AppError } from '../../errors';
import type { KeptActions } from './kept-actions';

export interface TemporalDeadlines {
  /** A start, signal, query or history read from a request path. */
  callMs: number;
  /** How long an officer's action waits for the workflow's answer before it is answered `202` with the update's id. */
  updateWaitMs: number;
}

export const DEFAULT_TEMPORAL_DEADLINES: TemporalDeadlines = { callMs: 2_000, updateWaitMs: 5_000 };

export interface TemporalCaller {
  temporal: Client;
  deadlines?: TemporalDeadlines;
  /** Where an Update answered 202 is written down to be sent again until it applies (kept-actions.ts). */
  keptActions?: KeptActions;
}

export interface WorkflowStarter extends TemporalCaller {
  taskQueue: string;
}

const deadlinesOf = (deps: { deadlines?: TemporalDeadlines }): TemporalDeadlines =>
  deps.deadlines ?? DEFAULT_TEMPORAL_DEADLINES;

/** Runs Temporal calls with the request-path deadline. */
export function withinCallDeadline<R>(deps: TemporalCaller, fn: () => Promise<R>): Promise<R> {
  return deps.temporal.withDeadline(Date.now() + deadlinesOf(deps).callMs, fn);
}

export interface StartOnceOptions<Args extends unknown[]> {
  workflowType: string;
  workflowId: string;
  args: Args;
  /** Undoes what the use case wrote for this start; called only when the start failed and no run exists. */
  compensate?: () => Promise<unknown>;
}

export interface StartOnceResult {
  /** False: the workflow was already running (a repeated request, or the reconciler got there first). */
  started: boolean;
}

export async function startOnce<Args extends unknown[]>(
  deps: WorkflowStarter,
  options: StartOnceOptions<Args>,
): Promise<StartOnceResult> {
  try {
    await withinCallDeadline(deps, () =>
      deps.temporal.workflow.start(options.workflowType, {
        taskQueue: deps.taskQueue,
        workflowId: options.workflowId,
        args: options.args,
      }),
    );
    return { started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { started: false };
    // A deadline hit after the server accepted the start leaves a live run: its rows must stay.
    if (await runExists(deps, options.workflowId)) return { started: true };
    if (options.compensate) await options.compensate().catch(() => undefined);
    throw error;
  }
}

async function runExists(deps: TemporalCaller, workflowId: string): Promise<boolean> {
  try {
    await withinCallDeadline(deps, () => deps.temporal.workflow.getHandle(workflowId).describe());
    return true;
  } catch {
    return false;
  }
}

export async function signalWorkflow<Args extends unknown[]>(
  deps: TemporalCaller,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  await withinCallDeadline(deps, () => deps.temporal.workflow.getHandle(workflowId).signal(signal, ...args));
}

export type UpdateOutcome<Ret> =
  { status: 'completed'; updateId: string; result: Ret } | { status: 'pending'; updateId: string };

/**
 * Sends an Update under a stable id and waits for its result at most `updateWaitMs`. Past that (no worker,
 * a slow one) the caller gets the id to follow; the server keeps the Update and a repeat with the same id
 * is the same Update, never a second action.
 */
export async function updateWithin<Ret, Args extends [unknown, ...unknown[]]>(
  deps: TemporalCaller,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId: string = randomUUID(),
): Promise<UpdateOutcome<Ret>> {
  const handle: WorkflowHandle = deps.temporal.workflow.getHandle(workflowId);
  // Asked first, with the short deadline: an unreachable server is a 503 now, not after the whole wait, and
  // a wait that then runs out means the Update is with a live server (no worker has taken it yet).
  await withinCallDeadline(deps, () => handle.describe());
  try {
    const result = await deps.temporal.withDeadline(Date.now() + deadlinesOf(deps).updateWaitMs, () =>
      handle.executeUpdate(update, { args, updateId }),
    );
    return { status: 'completed', updateId, result };
  } catch (error) {
    if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
    // Not written down (the database is down too): the server may still hold the Update, so the caller is
    // still told it is kept; only its resend after a server restart is lost.
    await deps.keptActions?.keep({ updateId, workflowId, updateName: update.name, args }).catch(() => undefined);
    return { status: 'pending', updateId };
  }
}

/** The result of an Update sent earlier: completed, still pending, or unknown to the workflow (NotFound). */
export async function followUpdate<Ret>(
  deps: TemporalCaller,
  workflowId: string,
  updateId: string,
): Promise<UpdateOutcome<Ret>> {
  const workflow = deps.temporal.workflow.getHandle(workflowId);
  await withinCallDeadline(deps, () => workflow.describe());
  const handle = workflow.getUpdateHandle<Ret>(updateId);
  try {
    const result = await withinCallDeadline(deps, () => handle.result());
    return { status: 'completed', updateId, result };
  } catch (error) {
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { status: 'pending', updateId };
    throw error;
  }
}

/**
 * An Update the workflow has not answered within the wait: the server keeps it and it applies when a worker
 * takes it. The HTTP edge answers it `202` with a URL to follow; a caller that cannot follow (the console)
 * sees a 503-like "not yet", never a refusal, since the action may still apply.
 */
export class UpdatePending extends AppError {
  constructor(readonly updateId: string) {
    super(
      'Unavailable',
      `the workflow has not answered yet; action ${updateId} is kept and applies when it does / hệ thống chưa phản hồi, thao tác sẽ được áp dụng sau`,
      { updateId },
    );
  }
}

/** The result within the deadline, or UpdatePending that names the kept Update. */
export async function updateOrUnavailable<Ret, Args extends [unknown, ...unknown[]]>(
  deps: TemporalCaller,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId?: string,
): Promise<Ret> {
  const outcome = await updateWithin(deps, workflowId, update, args, updateId);
  if (outcome.status === 'completed') return outcome.result;
  throw new UpdatePending(outcome.updateId);
}

/** The result of an Update answered UpdatePending earlier: the snapshot, or UpdatePending again while it still waits. */
export async function followUpdateOrPending<Ret>(
  deps: TemporalCaller,
  workflowId: string,
  updateId: string,
): Promise<Ret> {
  const outcome = await followUpdate<Ret>(deps, workflowId, updateId).catch((error: unknown) => {
    if (error instanceof WorkflowNotFoundError && !/already completed/i.test(error.message))
      throw new AppError('NotFound', `no action ${updateId} on ${workflowId}`);
    throw error;
  });
  if (outcome.status === 'completed') return outcome.result;
  throw new UpdatePending(outcome.updateId);
}
