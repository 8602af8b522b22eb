// A unit's letterhead: the body above it, its name and level, and the lines its admin wrote (address,
// telephone, e-mail). Every e-mail a unit sends is printed under it.
import type { PrismaClient } from '../platform/db/prisma';
import { levelWords, type Letterhead } from '../platform/mail/letter';

export async function loadLetterhead(prisma: PrismaClient, unitId: string): Promise<Letterhead> {
  const unit = await prisma.unit.findUnique({
    where: { id: unitId },
    include: { parent: { select: { name: true } }, letterhead: { select: { lines: true } } },
  });
  if (!unit) return { superior: null, unitName: unitId, level: levelWords('agency'), lines: [] };
  return {
    superior: unit.parent?.name ?? null,
    unitName: unit.name,
    level: levelWords(unit.level),
    lines: unit.letterhead?.lines ?? (unit.email ? [`E-mail: ${unit.email}`] : []),
  };
}
