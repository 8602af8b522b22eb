// Who the cycle forms offer to choose from (the use cases check the choice again), and names for ids.
import type { Role } from '../../domain/petition/petition-stages';
import type { PrismaClient } from '../../platform/db/prisma';
import type { UnitTree } from '../../org/access';
import { compareNames } from '../../web/format';

export interface PersonOption {
  id: string;
  fullName: string;
}

/** Active people holding `role` over any of the units (a binding on the unit or a unit above it). */
export async function peopleWithRoleOver(
  prisma: PrismaClient,
  tree: UnitTree,
  unitIds: string[],
  role: Role,
): Promise<PersonOption[]> {
  const above = [...new Set(unitIds.flatMap((u) => (role === 'officer' ? [u] : tree.ancestorsOf(u))))];
  const people = await prisma.person.findMany({
    where: { active: true, roleBindings: { some: { role, unitId: { in: above } } } },
    select: { id: true, fullName: true },
  });
  return people.sort((a, b) => compareNames(a.fullName, b.fullName));
}

export async function namesOf(prisma: PrismaClient, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const rows = await prisma.person.findMany({ where: { id: { in: wanted } }, select: { id: true, fullName: true } });
  return new Map(rows.map((p) => [p.id, p.fullName]));
}

/** Units where the principal leads: each leader binding's unit and the units below it. */
export function ledUnits(bindings: { role: Role; unitId: string }[], tree: UnitTree): string[] {
  return [...new Set(bindings.filter((b) => b.role === 'leader').flatMap((b) => tree.subtreeOf(b.unitId)))];
}
