// The report of what the national sync sent, for the admins and supervisors of the province (or a unit above
// it), and the record a case would be sent as. Nothing here names a denouncer: the records and deliveries
// hold none (national-record.ts).
import { AppError } from '../errors';
import type { PrismaClient } from '../platform/db/prisma';
import { readableUnits, requireRoleOn, rolesOver, UnitTree, type Principal } from '../org/access';
import { loadCaseFiles } from './case-file-loader';
import { summarise, type RunSummary } from './national-records';
import { toNationalRecordContent, type NationalRecordContent } from './national-record';

const READERS = ['admin', 'supervisor'] as const;

export interface DeliveryView {
  idempotencyKey: string;
  petitionId: string;
  trackingCode: string;
  version: number;
  contentHash: string;
  outcome: string;
  httpStatus: number;
  attempts: number;
  error: string | null;
  deliveredAt: string;
}

function unitsReadBy(principal: Principal, tree: UnitTree): string[] {
  const units = new Set<string>();
  for (const b of principal.bindings)
    if ((READERS as readonly string[]).includes(b.role)) for (const id of tree.subtreeOf(b.unitId)) units.add(id);
  return [...units];
}

export async function listSyncRuns(
  prisma: PrismaClient,
  principal: Principal,
  query: { unitId?: string; limit: number },
): Promise<RunSummary[]> {
  let units: string[];
  if (query.unitId) {
    await requireRoleOn(prisma, principal, query.unitId, [...READERS], 'the national sync report');
    units = [query.unitId];
  } else {
    units = unitsReadBy(principal, await UnitTree.load(prisma));
    if (units.length === 0)
      throw new AppError('Forbidden', 'the national sync report needs role admin or supervisor on a unit');
  }
  const runs = await prisma.nationalSyncRun.findMany({
    where: { unitId: { in: units } },
    orderBy: { startedAt: 'desc' },
    take: query.limit,
  });
  return Promise.all(runs.map((run) => summarise(prisma, run)));
}

export async function getSyncRun(
  prisma: PrismaClient,
  principal: Principal,
  runId: string,
): Promise<RunSummary & { deliveries: DeliveryView[] }> {
  const run = await prisma.nationalSyncRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError('NotFound', `no national sync run ${runId}`);
  await requireRoleOn(prisma, principal, run.unitId, [...READERS], 'the national sync report');
  const deliveries = await prisma.nationalSyncDelivery.findMany({ where: { runId }, orderBy: { deliveredAt: 'asc' } });
  return {
    ...(await summarise(prisma, run)),
    deliveries: deliveries.map((d) => ({
      idempotencyKey: d.idempotencyKey,
      petitionId: d.petitionId,
      trackingCode: d.trackingCode,
      version: d.version,
      contentHash: d.contentHash,
      outcome: d.outcome,
      httpStatus: d.httpStatus,
      attempts: d.attempts,
      error: d.error,
      deliveredAt: d.deliveredAt.toISOString(),
    })),
  };
}

/** The record a case is sent as now, with the version the receiver last took. */
export async function previewRecord(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
): Promise<{ record: NationalRecordContent; version: number | null; sentVersion: number | null }> {
  const [file] = await loadCaseFiles(prisma, [petitionId]);
  if (!file) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(prisma);
  const roles = rolesOver(principal, file.receivingUnit.id, tree);
  if (!readableUnits(principal, tree).has(file.receivingUnit.id) || !READERS.some((r) => roles.includes(r)))
    throw new AppError(
      'Forbidden',
      `the national record of this case needs role admin or supervisor over unit ${file.receivingUnit.id}`,
    );
  const row = await prisma.nationalRecord.findUnique({ where: { petitionId } });
  return {
    record: toNationalRecordContent(file),
    version: row?.version ?? null,
    sentVersion: row?.sentVersion ?? null,
  };
}
