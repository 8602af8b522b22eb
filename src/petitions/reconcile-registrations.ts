// Crash-safe registration: a petition is written, then its workflow started. A process that dies in
// between leaves a row with a tracking code and no workflow; this finds such rows and starts their
// workflows. The workflow id is the petition's, so a row whose workflow does run is left as it is.
import type { Logger } from 'pino';
import { registeredFromRow } from './petition-registration';
import { startPetitionWorkflow } from './client';
import type { PetitionServiceDeps } from './petitions';

export type ReconcileDeps = Pick<
  PetitionServiceDeps,
  'prisma' | 'temporal' | 'taskQueue' | 'policies' | 'identityKey' | 'deadlines'
>;

export interface ReconcileOptions {
  /** Rows younger than this may still be inside a request that is about to start them. */
  olderThanMs: number;
  limit?: number;
  now?: () => Date;
}

export async function startMissingWorkflows(
  deps: ReconcileDeps,
  options: ReconcileOptions,
  logger?: Logger,
): Promise<{ checked: number; started: number }> {
  const now = (options.now ?? (() => new Date()))();
  // The workflow's first act is the "received" entry: an open petition without any entry never ran.
  const rows = await deps.prisma.petition.findMany({
    where: { closedAt: null, events: { none: {} }, createdAt: { lt: new Date(now.getTime() - options.olderThanMs) } },
    include: { petitioners: true },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 200,
  });
  let started = 0;
  for (const row of rows) {
    try {
      const policy = await deps.policies.resolve(row.receivedAt.getTime(), row.receivingUnitId);
      const registered = await registeredFromRow(deps.prisma, policy, row, { identityKey: deps.identityKey });
      // No compensation: the row was accepted; only its workflow is missing.
      if ((await startPetitionWorkflow(deps, registered.workflowId, registered.workflowInput)).started) started += 1;
    } catch (error) {
      logger?.warn(
        { err: error, petitionId: row.id },
        'could not start the workflow of a registered petition; retried on the next pass',
      );
    }
  }
  if (started) logger?.warn({ started }, 'started the workflows of petitions registered without one');
  return { checked: rows.length, started };
}
