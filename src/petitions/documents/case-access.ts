// The read access of a case, shared by its documents and notes: the same rule as reading the petition,
// and for a denunciation's sealed material the same rule as opening the denouncer's identity.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import { holdsIdentityGrant } from '../../org/identity-grants';
import { requireReadable, rolesOver, UnitTree, type Principal } from '../../org/access';
import type { Role } from '../../domain/petition/petition-stages';
import { canSeeIdentity, PETITION_INCLUDE } from '../petition-views';

export async function loadReadableCase(prisma: PrismaClient, principal: Principal, petitionId: string) {
  const petition = await prisma.petition.findUnique({ where: { id: petitionId }, include: PETITION_INCLUDE });
  if (!petition) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(prisma);
  requireReadable(principal, tree, petition.unitId, 'petition');
  const roles: Role[] = rolesOver(principal, petition.unitId, tree);
  return { petition, tree, roles };
}

export type ReadableCase = Awaited<ReturnType<typeof loadReadableCase>>;

/** Whether the caller may open a denunciation's sealed material (identity or documents). */
export async function mayOpenSealed(prisma: PrismaClient, principal: Principal, c: ReadableCase): Promise<boolean> {
  if (canSeeIdentity(c.petition, principal, c.roles)) return true;
  return (
    c.petition.kind === 'denunciation' &&
    c.roles.includes('supervisor') &&
    (await holdsIdentityGrant(prisma, c.tree, principal.personId, c.petition))
  );
}

export function requireCaseWriter(c: ReadableCase, what: string): void {
  if (!c.roles.includes('officer') && !c.roles.includes('leader')) {
    throw new AppError('Forbidden', `${what} needs role officer or leader on unit ${c.petition.unitId}`);
  }
}
