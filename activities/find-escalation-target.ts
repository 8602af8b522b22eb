import type { PrismaClient } from '../src/db/prisma';

export interface EscalationTarget {
  unitId: string;
  unitName: string;
  leaderId: string | null;
}

/** "Escalate to the level above" is a walk up the unit tree (DOMAIN.md: levels are data). */
export function makeFindEscalationTarget(deps: { prisma: PrismaClient }) {
  return async function findEscalationTarget(input: { unitId: string }): Promise<EscalationTarget | null> {
    const unit = await deps.prisma.unit.findUnique({ where: { id: input.unitId }, include: { parent: true } });
    if (!unit?.parent) return null;
    return { unitId: unit.parent.id, unitName: unit.parent.name, leaderId: unit.parent.responsibleLeaderId };
  };
}
