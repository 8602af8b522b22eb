// The only code that starts or signals the national sync workflows (one per province: national-sync-<unit>).
import type { PrismaClient } from '../platform/db/prisma';
import { signalWorkflow, startOnce, type TemporalCaller, type WorkflowStarter } from '../platform/temporal/start-once';
import { UnitTree } from '../org/access';
import {
  NATIONAL_SYNC_WORKFLOW_TYPE,
  nationalSyncWorkflowId,
  syncNowSignal,
  type NationalSyncInput,
} from '../../workflows/national/messages';
import type { NationalSyncConfig } from './national-sync-config';

export { nationalSyncWorkflowId };

/**
 * Starts the sync of every top unit (a province, or the instance's top units) that has none running. A new
 * run numbering continues after the runs already reported, so a restarted sync never reuses a report row.
 */
export async function ensureNationalSyncs(
  deps: WorkflowStarter & { prisma: PrismaClient },
  config: Pick<NationalSyncConfig, 'intervalMinutes' | 'batchSize'>,
): Promise<string[]> {
  const tree = await UnitTree.load(deps.prisma);
  const units = await deps.prisma.unit.findMany({ select: { id: true, level: true }, orderBy: { id: 'asc' } });
  const started: string[] = [];
  // A central body in the tree (the government inspectorate a province escalates to) is not administered here.
  for (const { id } of units.filter((u) => u.level !== 'central' && tree.isTop(u.id))) {
    const run = (await deps.prisma.nationalSyncRun.count({ where: { unitId: id } })) + 1;
    const input: NationalSyncInput = {
      unitId: id,
      intervalMinutes: config.intervalMinutes,
      batchSize: config.batchSize,
      run,
    };
    const result = await startOnce(deps, {
      workflowType: NATIONAL_SYNC_WORKFLOW_TYPE,
      workflowId: nationalSyncWorkflowId(id),
      args: [input],
    });
    if (result.started) started.push(id);
  }
  return started;
}

/** Starts the province's next run now. */
export function syncNow(deps: TemporalCaller, unitId: string): Promise<void> {
  return signalWorkflow(deps, nationalSyncWorkflowId(unitId), syncNowSignal);
}
