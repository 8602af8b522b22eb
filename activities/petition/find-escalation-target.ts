import type { PrismaClient } from '../../src/platform/db/prisma';

export interface EscalationTarget {
  unitId: string;
  unitName: string;
  leaderId: string | null;
}

/** "Escalate to the level above" is a walk up the unit tree (DOMAIN.md: levels are data). */
export function makeFindEscalationTarget(deps: { prisma: PrismaClient }) {
  return async function findEscalationTarget(input: {
    unitId: string;
    levels?: number;
  }): Promise<EscalationTarget | null> {
    let unit = await deps.prisma.unit.findUnique({ where: { id: input.unitId } });
    for (let i = 0; i < (input.levels ?? 1) && unit; i++) {
      unit = unit.parentId ? await deps.prisma.unit.findUnique({ where: { id: unit.parentId } }) : null;
    }
    if (!unit) return null;
    return { unitId: unit.id, unitName: unit.name, leaderId: unit.responsibleLeaderId };
  };
}
