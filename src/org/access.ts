// Who may do what where. Scope follows the unit tree: an officer acts in their own unit; a leader,
// supervisor or admin over their unit and every unit below it.
import type { PrismaClient } from '../platform/db/prisma';
import type { Role } from '../domain/petition/petition-stages';
import { AppError, invalidField } from '../errors';

export interface RoleBindingView {
  role: Role;
  unitId: string;
}

export interface Principal {
  personId: string;
  fullName: string;
  unitId: string;
  bindings: RoleBindingView[];
  /** Set for an integration's API token: its roles come from the one scope each route declares. */
  apiToken?: { id: string; scopes: string[] };
}

/** The last tree each client loaded, with the fingerprint of the rows it was built from (UnitTree.load). */
const loadedTrees = new WeakMap<PrismaClient, { fingerprint: string; tree: UnitTree }>();

/** Units and their parents. Shared between requests once loaded (see `load`): never changed after construction. */
export class UnitTree {
  private readonly parent = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();
  readonly names: ReadonlyMap<string, string> = new Map<string, string>();
  private readonly levels = new Map<string, string>();

  constructor(units: { id: string; parentId: string | null; name: string; level?: string }[]) {
    for (const u of units) {
      this.parent.set(u.id, u.parentId);
      (this.names as Map<string, string>).set(u.id, u.name);
      if (u.level) this.levels.set(u.id, u.level);
      if (u.parentId) this.children.set(u.parentId, [...(this.children.get(u.parentId) ?? []), u.id]);
    }
  }

  /**
   * The tree as the database holds it now. Most requests need it (access is decided over it), and reading
   * every unit through the ORM on each was a large part of an officer's action: the tree is kept per client
   * and rebuilt only when the units' fingerprint changes — computed inside PostgreSQL over the columns the
   * tree reads, so an edit by any process (another API or worker) is seen on the next call, never later.
   */
  static async load(prisma: PrismaClient): Promise<UnitTree> {
    const [row] = await prisma.$queryRaw<{ fingerprint: string | null }[]>`
      SELECT md5(string_agg(id || '|' || coalesce("parentId", '') || '|' || name || '|' || level::text, ',' ORDER BY id))
        AS fingerprint FROM "Unit"`;
    const fingerprint = row?.fingerprint ?? '';
    const cached = loadedTrees.get(prisma);
    if (cached?.fingerprint === fingerprint) return cached.tree;
    const tree = new UnitTree(
      await prisma.unit.findMany({ select: { id: true, parentId: true, name: true, level: true } }),
    );
    loadedTrees.set(prisma, { fingerprint, tree });
    return tree;
  }

  /**
   * The top of the tree this instance administers: a unit with no parent, or whose parent is a central
   * body (the government inspectorate a province escalates to is in the tree, but not administered here).
   */
  isTop(unitId: string): boolean {
    const parent = this.parent.get(unitId);
    if (parent === undefined) return false;
    return parent === null || this.levels.get(parent) === 'central';
  }

  has(unitId: string): boolean {
    return this.parent.has(unitId);
  }

  /** The unit itself, then its parent, up to the root. */
  ancestorsOf(unitId: string): string[] {
    const chain: string[] = [];
    let current: string | null | undefined = unitId;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = this.parent.get(current);
    }
    return chain;
  }

  subtreeOf(unitId: string): string[] {
    const out: string[] = [];
    const stack = [unitId];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.includes(id)) continue;
      out.push(id);
      stack.push(...(this.children.get(id) ?? []));
    }
    return out;
  }
}

/** The roles a person holds over one unit, as the workflow's validators expect them. */
export function rolesOver(principal: Principal, unitId: string, tree: UnitTree): Role[] {
  const chain = tree.ancestorsOf(unitId);
  const roles = new Set<Role>();
  for (const b of principal.bindings) {
    if (b.role === 'officer' ? b.unitId === unitId : chain.includes(b.unitId)) roles.add(b.role);
  }
  return [...roles];
}

/** Units whose petitions the person may read. */
export function readableUnits(principal: Principal, tree: UnitTree): Set<string> {
  const units = new Set<string>();
  for (const b of principal.bindings) {
    for (const id of b.role === 'officer' ? [b.unitId] : tree.subtreeOf(b.unitId)) units.add(id);
  }
  return units;
}

/** Refuses, in the same words everywhere, a read of something kept by a unit the person cannot read. */
export function requireReadable(principal: Principal, tree: UnitTree, unitId: string, what: string): void {
  if (!readableUnits(principal, tree).has(unitId))
    throw new AppError('Forbidden', `reading this ${what} needs a role on unit ${unitId} or a unit above it`);
}

/** An admin of the whole instance: the national calendar and the province-wide policy are theirs alone. */
export function isTopAdmin(principal: Principal, tree: UnitTree): boolean {
  return principal.bindings.some((b) => b.role === 'admin' && tree.isTop(b.unitId));
}

export function hasRoleAnywhere(principal: Principal, roles: Role[]): boolean {
  return principal.bindings.some((b) => roles.includes(b.role));
}

/**
 * Whether a person (looked up by id) is active and holds `role` over the unit: the check behind a
 * responsible leader, a chair, a deputy or a grantee.
 */
export async function personHoldsRoleOver(
  prisma: PrismaClient,
  tree: UnitTree,
  personId: string,
  unitId: string,
  role: Role,
): Promise<boolean> {
  const person = await prisma.person.findUnique({ where: { id: personId }, include: { roleBindings: true } });
  if (!person?.active) return false;
  return rolesOver(
    { personId: person.id, fullName: person.fullName, unitId: person.unitId, bindings: person.roleBindings },
    unitId,
    tree,
  ).includes(role);
}

/** Loads the tree and refuses (403, naming the roles) unless the principal holds one of `roles` over the unit. */
export async function requireRoleOn(
  prisma: PrismaClient,
  principal: Principal,
  unitId: string,
  roles: Role[],
  what: string,
): Promise<UnitTree> {
  const tree = await UnitTree.load(prisma);
  if (!tree.has(unitId)) throw invalidField('unitId', 'no such unit');
  const held = rolesOver(principal, unitId, tree);
  if (!roles.some((r) => held.includes(r)))
    throw new AppError('Forbidden', `${what} needs role ${roles.join(' or ')} on unit ${unitId}`);
  return tree;
}
