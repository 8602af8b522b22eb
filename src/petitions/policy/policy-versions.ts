// Deadline policy versions in the database: seeded from the policy file, added by admins, each in force
// from its date. A petition gets the national version in force at its receipt, with the local rules of
// its unit and the units above it merged in.
import { readFileSync } from 'node:fs';
import { isUniqueViolation, type PrismaClient } from '../../platform/db/prisma';
import { AppError, zodFieldErrors } from '../../errors';
import { firstUnstorable, UNSTORABLE_MESSAGE } from '../../domain/storable-text';
import { isTopAdmin, UnitTree, type Principal } from '../../org/access';
import { administeredUnits } from '../../org/org-admin';
import {
  mergePolicyOverride,
  parsePolicyDocument,
  policyFromDocument,
  PolicyFileSchema,
  PolicyOverrideSchema,
  type DeadlinePolicy,
  type PolicyDocument,
  type PolicyOverride,
} from './policy-store';

export interface PolicyResolver {
  /** The policy for a petition received at `atMs` by `unitId`. */
  resolve(atMs: number, unitId: string): Promise<DeadlinePolicy>;
}

/** For tests and tools: one fixed policy. */
export function staticPolicyResolver(policy: DeadlinePolicy): PolicyResolver {
  return { resolve: async () => policy };
}

const EPOCH = new Date('1970-01-01T00:00:00Z');

/** Inserts the file's version unless a version of that name exists (every start may call it). */
export async function seedPolicyFromFile(
  prisma: PrismaClient,
  file: string,
): Promise<{ created: boolean; version: string }> {
  const doc = parsePolicyDocument(JSON.parse(readFileSync(file, 'utf8')), file);
  const existing = await prisma.deadlinePolicyVersion.findUnique({ where: { version: doc.version } });
  if (existing) return { created: false, version: doc.version };
  try {
    await prisma.deadlinePolicyVersion.create({
      data: {
        version: doc.version,
        effectiveFrom: doc.effectiveFrom ? new Date(doc.effectiveFrom) : EPOCH,
        document: doc as object,
        note: doc.note ?? 'seeded from the policy file',
      },
    });
  } catch (error) {
    // An API and a worker starting at once on a fresh database: the other one seeded it.
    if (isUniqueViolation(error)) return { created: false, version: doc.version };
    throw error;
  }
  return { created: true, version: doc.version };
}

interface StoredVersion {
  id: string;
  unitId: string | null;
  effectiveFromMs: number;
  createdAtMs: number;
  document: unknown;
}

/** The version of `unitId` (null: province-wide) in force at `atMs`: the latest start, then the latest added. */
function inForce(versions: StoredVersion[], unitId: string | null, atMs: number): StoredVersion | undefined {
  let best: StoredVersion | undefined;
  for (const v of versions) {
    if (v.unitId !== unitId || v.effectiveFromMs > atMs) continue;
    if (
      !best ||
      v.effectiveFromMs > best.effectiveFromMs ||
      (v.effectiveFromMs === best.effectiveFromMs && v.createdAtMs > best.createdAtMs)
    )
      best = v;
  }
  return best;
}

export interface DbPolicyResolver extends PolicyResolver {
  /** Whether the database holds any version (tests that pass a policy directly hold none). */
  hasVersions(): Promise<boolean>;
}

/**
 * Resolves from the versions table. Every clock start asks (an officer's accept is one), and reading the
 * versions and parsing their documents on each was most of that step's cost; versions are never changed
 * once added (addPolicyVersion), so the set of ids, read in one small query, tells whether the kept copy is
 * still the table's — an admin's new version, added through any process, is used from the next call on.
 */
export function createDbPolicyResolver(prisma: PrismaClient): DbPolicyResolver {
  let kept: { fingerprint: string; versions: StoredVersion[]; merged: Map<string, DeadlinePolicy> } | null = null;
  const current = async () => {
    const [row] = await prisma.$queryRaw<{ fingerprint: string }[]>`
      SELECT count(*)::text || ':' || coalesce(md5(string_agg(id, ',' ORDER BY id)), '') AS fingerprint
        FROM "DeadlinePolicyVersion"`;
    const fingerprint = row?.fingerprint ?? '';
    if (kept?.fingerprint !== fingerprint) {
      const rows = await prisma.deadlinePolicyVersion.findMany({
        select: { id: true, unitId: true, effectiveFrom: true, createdAt: true, document: true },
      });
      kept = {
        fingerprint,
        versions: rows.map((r) => ({
          id: r.id,
          unitId: r.unitId,
          effectiveFromMs: r.effectiveFrom.getTime(),
          createdAtMs: r.createdAt.getTime(),
          document: r.document,
        })),
        merged: new Map(),
      };
    }
    return kept;
  };
  return {
    async hasVersions() {
      return (await current()).versions.length > 0;
    },
    async resolve(atMs, unitId) {
      const { versions, merged } = await current();
      const base = inForce(versions, null, atMs);
      if (!base) throw new AppError('Unavailable', `no deadline policy in force at ${new Date(atMs).toISOString()}`);
      // Local rules from the top of the tree down, so the unit's own rules win over its parent's.
      const chain = (await UnitTree.load(prisma)).ancestorsOf(unitId).reverse();
      const locals = chain.map((id) => inForce(versions, id, atMs)).filter((v): v is StoredVersion => v !== undefined);
      const key = [base, ...locals].map((v) => v.id).join('+');
      let policy = merged.get(key);
      if (!policy) {
        let doc = base.document as PolicyDocument;
        for (const local of locals) doc = mergePolicyOverride(doc, local.document as PolicyOverride);
        policy = policyFromDocument(doc);
        merged.set(key, policy);
      }
      return policy;
    },
  };
}

export interface AddPolicyVersionInput {
  body: unknown;
}

/**
 * Adds a version. The province-wide version (no unitId) binds every unit, so only an admin at the top of
 * the tree adds one; local rules need an admin over that unit.
 */
export async function addPolicyVersion(prisma: PrismaClient, admin: Principal, input: AddPolicyVersionInput) {
  const raw = (input.body ?? {}) as { unitId?: unknown; effectiveFrom?: unknown };
  const unitId = typeof raw.unitId === 'string' ? raw.unitId : null;
  const schema = unitId ? PolicyOverrideSchema : PolicyFileSchema;
  const unstorable = firstUnstorable(input.body);
  if (unstorable)
    throw new AppError('ValidationFailed', 'invalid policy version', [
      { path: unstorable, message: UNSTORABLE_MESSAGE },
    ]);
  const parsed = schema.safeParse(input.body);
  if (!parsed.success) throw new AppError('ValidationFailed', 'invalid policy version', zodFieldErrors(parsed.error));
  if (!parsed.data.effectiveFrom)
    throw new AppError('ValidationFailed', 'invalid policy version', [
      { path: 'effectiveFrom', message: 'required: the date from which the version applies' },
    ]);
  const tree = await UnitTree.load(prisma);
  if (unitId && !tree.has(unitId)) {
    throw new AppError('ValidationFailed', 'invalid policy version', [{ path: 'unitId', message: 'no such unit' }]);
  }
  if (unitId ? !administeredUnits(admin, tree).has(unitId) : !isTopAdmin(admin, tree)) {
    throw new AppError(
      'Forbidden',
      unitId
        ? `local rules for unit ${unitId} need role admin on it or a unit above it`
        : 'a province-wide policy version needs role admin at the top of the unit tree',
    );
  }
  if (await prisma.deadlinePolicyVersion.findUnique({ where: { version: parsed.data.version } })) {
    throw new AppError(
      'Conflict',
      `a policy version named ${parsed.data.version} exists; versions are never changed, add a new one`,
    );
  }
  const row = await prisma.deadlinePolicyVersion.create({
    data: {
      version: parsed.data.version,
      effectiveFrom: new Date(parsed.data.effectiveFrom),
      unitId,
      document: { ...parsed.data, ...(unitId ? { unitId } : {}) } as object,
      note: parsed.data.note ?? null,
      createdById: admin.personId,
    },
  });
  return toView(row);
}

export async function listPolicyVersions(prisma: PrismaClient) {
  const rows = await prisma.deadlinePolicyVersion.findMany({
    orderBy: [{ effectiveFrom: 'asc' }, { createdAt: 'asc' }],
  });
  const now = new Date();
  const inForce = rows.filter((r) => r.unitId === null && r.effectiveFrom <= now).pop();
  return { inForce: inForce?.version ?? null, versions: rows.map(toView) };
}

function toView(row: {
  version: string;
  effectiveFrom: Date;
  unitId: string | null;
  note: string | null;
  createdById: string | null;
  createdAt: Date;
  document: unknown;
}) {
  return {
    version: row.version,
    effectiveFrom: row.effectiveFrom.toISOString(),
    unitId: row.unitId,
    note: row.note,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    document: row.document,
  };
}
