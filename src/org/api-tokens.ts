// Tokens for integrations: created by an admin, scoped to one unit and its subtree, revocable, stored as
// a SHA-256 only. A token acts as a principal whose roles come from its scopes.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import type { Role } from '../domain/petition/petition-stages';
import type { Principal } from './access';

export const TOKEN_PREFIX = 'dvt_';

/** What each scope lets a token do, as the role it holds on its unit. */
export const SCOPE_ROLES: Record<string, Role> = {
  'petitions:read': 'supervisor',
  'petitions:write': 'officer',
  'reports:read': 'supervisor',
};
export const SCOPES = Object.keys(SCOPE_ROLES) as [string, ...string[]];

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiToken(prisma: PrismaClient, input: { name: string; scopes: string[]; unitId: string; createdById: string }) {
  if (!(await prisma.unit.findUnique({ where: { id: input.unitId } }))) {
    throw invalidField('unitId', 'no such unit');
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await prisma.apiToken.create({ data: { name: input.name, tokenHash: hashOf(token), scopes: [...new Set(input.scopes)], unitId: input.unitId, createdById: input.createdById } });
  return { ...view(row), token };
}

export async function listApiTokens(prisma: PrismaClient) {
  return (await prisma.apiToken.findMany({ orderBy: { createdAt: 'asc' } })).map(view);
}

export async function revokeApiToken(prisma: PrismaClient, id: string): Promise<void> {
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row) throw new AppError('NotFound', `no token ${id}`);
  if (!row.revokedAt) await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}

export async function authenticateApiToken(prisma: PrismaClient, token: string): Promise<Principal | null> {
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row || row.revokedAt) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const roles = [...new Set(row.scopes.map((s) => SCOPE_ROLES[s]).filter((r): r is Role => Boolean(r)))];
  return { personId: `apitoken:${row.id}`, fullName: `API: ${row.name}`, unitId: row.unitId, bindings: roles.map((role) => ({ role, unitId: row.unitId })) };
}

function view(row: { id: string; name: string; scopes: string[]; unitId: string; createdById: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    unitId: row.unitId,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
