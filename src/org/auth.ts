// Password sign-in and bearer sessions. Passwords are hashed with bcrypt; only the SHA-256 of a
// session token is stored.
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { PrismaClient } from '../platform/db/prisma';
import type { Principal } from './access';

const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  principal: Principal;
}

// Compared against when the user does not exist, so a wrong username costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('danvan-timing-equaliser', BCRYPT_COST);

export async function login(
  prisma: PrismaClient,
  input: { username: string; password: string; ttlMs: number; now?: Date },
): Promise<LoginResult | null> {
  const person = await prisma.person.findUnique({
    where: { username: input.username },
    include: { roleBindings: true },
  });
  const ok = await bcrypt.compare(input.password, person?.passwordHash ?? DUMMY_HASH);
  if (!person || !ok || !person.active) return null;
  const token = randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.ttlMs);
  await prisma.session.create({ data: { tokenHash: tokenHash(token), personId: person.id, expiresAt } });
  return { token, expiresAt, principal: toPrincipal(person) };
}

export async function authenticate(
  prisma: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<Principal | null> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: { person: { include: { roleBindings: true } } },
  });
  if (!session || session.expiresAt <= now || !session.person.active) return null;
  return toPrincipal(session.person);
}

function toPrincipal(person: {
  id: string;
  fullName: string;
  unitId: string;
  roleBindings: { role: Principal['bindings'][number]['role']; unitId: string }[];
}): Principal {
  return {
    personId: person.id,
    fullName: person.fullName,
    unitId: person.unitId,
    bindings: person.roleBindings.map((b) => ({ role: b.role, unitId: b.unitId })),
  };
}

/** Signing out ends the session at once, so the cookie's token is useless even if it was copied. */
export async function endSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: tokenHash(token) } });
}
