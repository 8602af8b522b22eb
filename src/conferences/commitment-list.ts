// The commitments made at dialogue conferences that the caller may read (the units they read), each with
// its promised date, progress and conference, soonest due first; the open ones before the fulfilled.
import { readableUnits, UnitTree, type Principal } from '../org/access';
import type { ConferenceDeps } from './conferences';

export async function listCommitments(
  deps: Pick<ConferenceDeps, 'prisma'>,
  principal: Principal,
  query: { status?: 'open' | 'fulfilled' } = {},
) {
  const tree = await UnitTree.load(deps.prisma);
  const rows = await deps.prisma.commitment.findMany({
    where: { unitId: { in: [...readableUnits(principal, tree)] }, ...(query.status ? { status: query.status } : {}) },
    include: { conference: { select: { id: true, title: true } } },
    orderBy: [{ status: 'desc' }, { dueAt: 'asc' }],
    take: 500,
  });
  return {
    items: rows.map((c) => ({
      id: c.id,
      conference: c.conference,
      opinionId: c.opinionId,
      unitId: c.unitId,
      assigneeId: c.assigneeId,
      description: c.description,
      promisedBy: c.promisedBy,
      dueAt: c.dueAt.toISOString(),
      status: c.status,
      progress: c.progress,
      escalated: c.escalated,
      fulfilledAt: c.fulfilledAt?.toISOString() ?? null,
    })),
  };
}
