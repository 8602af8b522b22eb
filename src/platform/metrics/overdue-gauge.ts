import type { PrismaClient } from '../db/prisma';
import { overdueCases } from './registry';

/** One query per scrape: open petitions past their deadline, by the unit holding them. */
export async function refreshOverdueGauge(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<{ unitId: string; n: bigint }[]>`
    SELECT "unitId", COUNT(*) AS n FROM "Petition" WHERE "closedAt" IS NULL AND "dueAt" < (now() AT TIME ZONE 'UTC') GROUP BY 1`;
  // A unit with nothing overdue any more must not keep its last value.
  overdueCases.reset();
  for (const r of rows) overdueCases.set({ unit_id: r.unitId }, Number(r.n));
}
