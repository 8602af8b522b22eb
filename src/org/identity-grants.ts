// Explicit grants that let a supervisor open denouncers' identities (DOMAIN.md, "Secrecy": only named
// roles may see them). The handling officer and the unit's leaders are entitled by their role; a supervisor
// only through a grant from a leader with authority over the case, for one petition or for a unit's subtree.
import type { PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import { personHoldsRoleOver, rolesOver, UnitTree, type Principal } from './access';

export interface GrantRequest {
  personId: string;
  petitionId?: string;
  unitId?: string;
  reason: string;
  expiresAt?: string;
}

type GrantRow = Awaited<ReturnType<PrismaClient['identityGrant']['findFirstOrThrow']>>;

export async function grantIdentityAccess(
  prisma: PrismaClient,
  principal: Principal,
  input: GrantRequest,
  now = new Date(),
) {
  if (Boolean(input.petitionId) === Boolean(input.unitId)) {
    throw invalidField('petitionId', 'give either petitionId or unitId');
  }
  const tree = await UnitTree.load(prisma);
  let unitId = input.unitId;
  if (input.petitionId) {
    const petition = await prisma.petition.findUnique({
      where: { id: input.petitionId },
      select: { unitId: true, kind: true },
    });
    if (!petition) throw new AppError('NotFound', `no petition ${input.petitionId}`);
    if (petition.kind !== 'denunciation') throw invalidField('petitionId', 'only a denunciation has a sealed identity');
    unitId = petition.unitId;
  } else if (!tree.has(unitId!)) {
    throw invalidField('unitId', 'no such unit');
  }
  if (!rolesOver(principal, unitId!, tree).includes('leader')) {
    throw new AppError(
      'Forbidden',
      `granting access to denouncers' identities needs role leader on unit ${unitId} or a unit above it`,
    );
  }
  if (!(await personHoldsRoleOver(prisma, tree, input.personId, unitId!, 'supervisor'))) {
    throw invalidField('personId', `not an active supervisor over unit ${unitId}`);
  }
  if (input.expiresAt && Date.parse(input.expiresAt) <= now.getTime()) {
    throw invalidField('expiresAt', 'must be in the future');
  }
  const row = await prisma.identityGrant.create({
    data: {
      personId: input.personId,
      petitionId: input.petitionId ?? null,
      unitId: input.petitionId ? null : unitId!,
      reason: input.reason.trim(),
      grantedById: principal.personId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
  });
  return view(row, now);
}

/** Grants the caller may see: those they gave, received, or that concern units they lead. */
export async function listIdentityGrants(prisma: PrismaClient, principal: Principal, now = new Date()) {
  const tree = await UnitTree.load(prisma);
  const rows = await prisma.identityGrant.findMany({ orderBy: { createdAt: 'desc' } });
  const petitionUnits = new Map(
    (
      await prisma.petition.findMany({
        where: { id: { in: rows.map((r) => r.petitionId).filter((x): x is string => Boolean(x)) } },
        select: { id: true, unitId: true },
      })
    ).map((p) => [p.id, p.unitId]),
  );
  return rows
    .filter((r) => {
      if (r.personId === principal.personId || r.grantedById === principal.personId) return true;
      const unitId = r.unitId ?? petitionUnits.get(r.petitionId ?? '');
      return unitId ? rolesOver(principal, unitId, tree).includes('leader') : false;
    })
    .map((r) => view(r, now));
}

export async function revokeIdentityGrant(prisma: PrismaClient, principal: Principal, id: string, now = new Date()) {
  const row = await prisma.identityGrant.findUnique({ where: { id } });
  if (!row) throw new AppError('NotFound', `no identity grant ${id}`);
  const unitId =
    row.unitId ??
    (await prisma.petition.findUnique({ where: { id: row.petitionId! }, select: { unitId: true } }))?.unitId;
  const tree = await UnitTree.load(prisma);
  if (row.grantedById !== principal.personId && !(unitId && rolesOver(principal, unitId, tree).includes('leader'))) {
    throw new AppError('Forbidden', `revoking this grant needs role leader on unit ${unitId}`);
  }
  if (!row.revokedAt)
    await prisma.identityGrant.update({ where: { id }, data: { revokedAt: now, revokedById: principal.personId } });
}

/** Whether the person holds a live grant covering this petition (its own, or one on a unit above it). */
export async function holdsIdentityGrant(
  prisma: PrismaClient,
  tree: UnitTree,
  personId: string,
  petition: { id: string; unitId: string },
  now = new Date(),
): Promise<boolean> {
  const live = await prisma.identityGrant.findFirst({
    where: {
      personId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      AND: [{ OR: [{ petitionId: petition.id }, { unitId: { in: tree.ancestorsOf(petition.unitId) } }] }],
    },
    select: { id: true },
  });
  return live !== null;
}

function view(row: GrantRow, now: Date) {
  const active = !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
  return {
    id: row.id,
    personId: row.personId,
    petitionId: row.petitionId,
    unitId: row.unitId,
    reason: row.reason,
    grantedById: row.grantedById,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active,
  };
}
