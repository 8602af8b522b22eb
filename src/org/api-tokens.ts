// Tokens for integrations: created by an admin, scoped to one unit and its subtree, revocable, stored as
// a SHA-256 only. A token holds no role of its own: each route declares the scope it needs, and only for
// that request the token acts with the role that scope stands for (never the union of its scopes).
// Admins create, list and revoke tokens inside the units they administer only.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import type { Role } from '../domain/petition/petition-stages';
import { UnitTree, type Principal } from './access';
import { administeredUnits } from './org-admin';

export const TOKEN_PREFIX = 'dvt_';

/** What each scope lets a token do, as the role it holds on its unit. */
export const SCOPE_ROLES: Record<string, Role> = {
  'petitions:read': 'supervisor',
  'petitions:write': 'officer',
  'reports:read': 'supervisor',
};
export const SCOPES = Object.keys(SCOPE_ROLES) as [string, ...string[]];

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** Enough to tell tokens apart in a list (36 of the 256 random bits), nothing to guess the rest from. */
const PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export type Scope = (typeof SCOPES)[number];

/** The principal a token acts as on a route that declared `scope`: that scope's role on its unit, or none. */
export function principalForScope(principal: Principal, scope: string): Principal {
  if (!principal.apiToken) return principal;
  const role = principal.apiToken.scopes.includes(scope) ? SCOPE_ROLES[scope] : undefined;
  return { ...principal, bindings: role ? [{ role, unitId: principal.unitId }] : [] };
}

async function administered(prisma: PrismaClient, admin: Principal): Promise<Set<string>> {
  return administeredUnits(admin, await UnitTree.load(prisma));
}

export async function createApiToken(
  prisma: PrismaClient,
  admin: Principal,
  input: { name: string; scopes: string[]; unitId: string },
) {
  if (!(await prisma.unit.findUnique({ where: { id: input.unitId } }))) {
    throw invalidField('unitId', 'no such unit');
  }
  if (!(await administered(prisma, admin)).has(input.unitId))
    throw new AppError('Forbidden', `a token for unit ${input.unitId} needs role admin on it or a unit above it`);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await prisma.apiToken.create({
    data: {
      name: input.name,
      tokenHash: hashOf(token),
      prefix: token.slice(0, PREFIX_LENGTH),
      scopes: [...new Set(input.scopes)],
      unitId: input.unitId,
      createdById: admin.personId,
    },
  });
  return { ...view(row), token };
}

export async function listApiTokens(prisma: PrismaClient, admin: Principal) {
  const units = await administered(prisma, admin);
  return (await prisma.apiToken.findMany({ where: { unitId: { in: [...units] } }, orderBy: { createdAt: 'asc' } })).map(
    view,
  );
}

export async function revokeApiToken(prisma: PrismaClient, admin: Principal, id: string): Promise<void> {
  const row = await prisma.apiToken.findUnique({ where: { id } });
  // Another unit's token is as unknown as a missing one: its existence is not the admin's business.
  if (!row || !(await administered(prisma, admin)).has(row.unitId)) throw new AppError('NotFound', `no token ${id}`);
  if (!row.revokedAt) await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}

export async function authenticateApiToken(prisma: PrismaClient, token: string): Promise<Principal | null> {
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row || row.revokedAt) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return {
    personId: `apitoken:${row.id}`,
    fullName: `API: ${row.name}`,
    unitId: row.unitId,
    bindings: [],
    apiToken: { id: row.id, scopes: row.scopes },
  };
}

function view(row: {
  id: string;
  name: string;
  prefix: string | null;
  scopes: string[];
  unitId: string;
  createdById: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    unitId: row.unitId,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
