// The admin's side of the organisation: units, people, role bindings and the leader answerable for each
// locality. An admin manages only the subtree of the unit their admin role is bound to; the levels
// themselves are data (DOMAIN.md, "Administrative levels are data, not code").
import type { PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import type { Role } from '../domain/petition/petition-stages';
import { personHoldsRoleOver, UnitTree, type Principal } from './access';
import { hashPassword } from './auth';

export type UnitLevel = 'central' | 'province' | 'district' | 'commune' | 'agency';

export interface CreateUnitInput {
  id: string;
  name: string;
  nameEn?: string;
  level: UnitLevel;
  parentId: string;
  email?: string;
}

export interface UpdateUnitInput {
  name?: string;
  nameEn?: string | null;
  email?: string | null;
  parentId?: string;
}

export interface CreatePersonInput {
  username: string;
  fullName: string;
  email: string;
  password: string;
  unitId: string;
  /** The office that carries a reception duty (chairman, party_secretary, agency_head). */
  post?: string;
  roles?: { role: Role; unitId: string }[];
}

export interface UpdatePersonInput {
  fullName?: string;
  email?: string;
  password?: string;
  unitId?: string;
  active?: boolean;
  post?: string | null;
}

/** Units the principal administers: the subtree of each of their admin bindings. */
export function administeredUnits(principal: Principal, tree: UnitTree): Set<string> {
  const out = new Set<string>();
  for (const b of principal.bindings) if (b.role === 'admin') for (const id of tree.subtreeOf(b.unitId)) out.add(id);
  return out;
}

async function adminScope(prisma: PrismaClient, principal: Principal) {
  const tree = await UnitTree.load(prisma);
  const units = administeredUnits(principal, tree);
  const require = (unitId: string, what: string) => {
    if (!tree.has(unitId)) throw new AppError('NotFound', `no unit ${unitId}`);
    if (!units.has(unitId))
      throw new AppError('Forbidden', `${what} needs role admin on unit ${unitId} or a unit above it`);
  };
  return { tree, units, require };
}

const UNIT_SELECT = {
  id: true,
  name: true,
  nameEn: true,
  level: true,
  parentId: true,
  email: true,
  responsibleLeader: { select: { id: true, fullName: true } },
} as const;

export async function listUnits(prisma: PrismaClient, principal: Principal) {
  const { units } = await adminScope(prisma, principal);
  return {
    items: await prisma.unit.findMany({
      where: { id: { in: [...units] } },
      select: UNIT_SELECT,
      orderBy: { id: 'asc' },
    }),
  };
}

export async function createUnit(prisma: PrismaClient, principal: Principal, input: CreateUnitInput) {
  const { tree, require } = await adminScope(prisma, principal);
  require(input.parentId, 'creating a unit under this parent');
  if (tree.has(input.id)) throw new AppError('Conflict', `unit ${input.id} already exists`);
  return prisma.unit.create({
    data: {
      id: input.id,
      name: input.name,
      nameEn: input.nameEn ?? null,
      level: input.level,
      parentId: input.parentId,
      email: input.email ?? null,
    },
    select: UNIT_SELECT,
  });
}

export async function updateUnit(prisma: PrismaClient, principal: Principal, unitId: string, input: UpdateUnitInput) {
  const { tree, require } = await adminScope(prisma, principal);
  require(unitId, 'changing a unit');
  if (input.parentId !== undefined) {
    require(input.parentId, 'moving a unit under this parent');
    // A unit moved below itself would cut its subtree off the tree.
    if (tree.subtreeOf(unitId).includes(input.parentId)) {
      throw invalidField('parentId', 'a unit cannot be moved below itself');
    }
  }
  return prisma.unit.update({ where: { id: unitId }, data: input, select: UNIT_SELECT });
}

/** Names the leader answerable for a locality: reminders at the deadline and escalations from below reach them. */
export async function assignResponsibleLeader(
  prisma: PrismaClient,
  principal: Principal,
  unitId: string,
  personId: string | null,
) {
  const { tree, require } = await adminScope(prisma, principal);
  require(unitId, 'assigning the responsible leader');
  if (personId !== null) {
    if (!(await personHoldsRoleOver(prisma, tree, personId, unitId, 'leader'))) {
      throw invalidField('personId', `not an active leader of unit ${unitId} or a unit above it`);
    }
  }
  return prisma.unit.update({ where: { id: unitId }, data: { responsibleLeaderId: personId }, select: UNIT_SELECT });
}

const PERSON_SELECT = {
  id: true,
  username: true,
  fullName: true,
  email: true,
  unitId: true,
  active: true,
  post: true,
  roleBindings: { select: { id: true, role: true, unitId: true } },
} as const;

export async function listPeople(prisma: PrismaClient, principal: Principal, unitId?: string) {
  const { units, tree, require } = await adminScope(prisma, principal);
  if (unitId) require(unitId, 'listing the people of a unit');
  const scope = unitId ? tree.subtreeOf(unitId) : [...units];
  return {
    items: await prisma.person.findMany({
      where: { unitId: { in: scope } },
      select: PERSON_SELECT,
      orderBy: { username: 'asc' },
    }),
  };
}

export async function createPerson(prisma: PrismaClient, principal: Principal, input: CreatePersonInput) {
  const { require } = await adminScope(prisma, principal);
  require(input.unitId, 'adding a person to this unit');
  for (const r of input.roles ?? []) require(r.unitId, `binding role ${r.role}`);
  if (await prisma.person.findUnique({ where: { username: input.username } }))
    throw new AppError('Conflict', `username ${input.username} is taken`);
  const passwordHash = await hashPassword(input.password);
  const id = `person-${input.username}`;
  return prisma.person.create({
    data: {
      id,
      username: input.username,
      fullName: input.fullName,
      email: input.email,
      passwordHash,
      unitId: input.unitId,
      post: input.post ?? null,
      roleBindings: { create: dedupe(input.roles ?? []) },
    },
    select: PERSON_SELECT,
  });
}

export async function updatePerson(
  prisma: PrismaClient,
  principal: Principal,
  personId: string,
  input: UpdatePersonInput,
) {
  const { require } = await adminScope(prisma, principal);
  const person = await findPerson(prisma, personId);
  require(person.unitId, 'changing this person');
  if (input.unitId) require(input.unitId, 'moving a person to this unit');
  if (input.active === false && personId === principal.personId)
    throw new AppError('Conflict', 'an admin cannot deactivate their own account');
  const { password, ...rest } = input;
  const updated = await prisma.person.update({
    where: { id: personId },
    data: { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
    select: PERSON_SELECT,
  });
  // A deactivated person or a changed password ends every open session at once.
  if (input.active === false || password) await prisma.session.deleteMany({ where: { personId } });
  return updated;
}

export async function addRoleBinding(
  prisma: PrismaClient,
  principal: Principal,
  personId: string,
  binding: { role: Role; unitId: string },
) {
  const { require } = await adminScope(prisma, principal);
  await findPerson(prisma, personId);
  require(binding.unitId, `binding role ${binding.role}`);
  const existing = await prisma.roleBinding.findUnique({ where: { personId_role_unitId: { personId, ...binding } } });
  if (existing) throw new AppError('Conflict', `${personId} already holds ${binding.role} on ${binding.unitId}`);
  return prisma.roleBinding.create({ data: { personId, ...binding }, select: { id: true, role: true, unitId: true } });
}

export async function removeRoleBinding(
  prisma: PrismaClient,
  principal: Principal,
  personId: string,
  bindingId: string,
) {
  const { require } = await adminScope(prisma, principal);
  const binding = await prisma.roleBinding.findUnique({ where: { id: bindingId } });
  if (!binding || binding.personId !== personId)
    throw new AppError('NotFound', `no role binding ${bindingId} for ${personId}`);
  require(binding.unitId, `removing role ${binding.role}`);
  if (personId === principal.personId && binding.role === 'admin')
    throw new AppError('Conflict', 'an admin cannot remove their own admin role');
  const leads = await prisma.unit.findMany({ where: { responsibleLeaderId: personId }, select: { id: true } });
  if (binding.role === 'leader' && leads.length > 0) {
    throw new AppError(
      'Conflict',
      `${personId} is the responsible leader of ${leads.map((u) => u.id).join(', ')}: assign another leader first`,
    );
  }
  await prisma.roleBinding.delete({ where: { id: bindingId } });
}

async function findPerson(prisma: PrismaClient, personId: string) {
  const person = await prisma.person.findUnique({ where: { id: personId } });
  if (!person) throw new AppError('NotFound', `no person ${personId}`);
  return person;
}

function dedupe(roles: { role: Role; unitId: string }[]) {
  return [...new Map(roles.map((r) => [`${r.role}:${r.unitId}`, r])).values()];
}
