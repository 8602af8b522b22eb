// The unit tree and the deadline policy versions are kept between calls (UnitTree.load, createDbPolicyResolver),
// so an officer's action no longer reads every unit and every version. Kept copies must never outlive the
// table: an edit made through another client — another API or worker process — is seen on the very next call.
import path from 'node:path';
import { UnitTree } from '../../src/org/access';
import { createPrismaClient, type PrismaClient } from '../../src/platform/db/prisma';
import { createDbPolicyResolver, seedPolicyFromFile } from '../../src/petitions/policy/policy-versions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let other: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  // A second client on the same database: what another process of the deployment would write through.
  other = createPrismaClient(db.url, { maxConnections: 2 });
  await db.prisma.unit.create({ data: { id: 'tinh', name: 'Tỉnh', level: 'province' } });
  await db.prisma.unit.create({ data: { id: 'xa-a', name: 'Xã A', level: 'commune', parentId: 'tinh' } });
});

afterAll(async () => {
  await other?.$disconnect();
  await db?.drop();
});

describe('the kept unit tree', () => {
  it('is reused while the units are unchanged, and rebuilt after another client adds, renames or moves one', async () => {
    const first = await UnitTree.load(db.prisma);
    expect(await UnitTree.load(db.prisma)).toBe(first);
    expect(first.ancestorsOf('xa-a')).toEqual(['xa-a', 'tinh']);

    await other.unit.create({ data: { id: 'huyen', name: 'Huyện', level: 'district', parentId: 'tinh' } });
    const added = await UnitTree.load(db.prisma);
    expect(added).not.toBe(first);
    expect(added.has('huyen')).toBe(true);

    await other.unit.update({ where: { id: 'xa-a' }, data: { parentId: 'huyen' } });
    expect((await UnitTree.load(db.prisma)).ancestorsOf('xa-a')).toEqual(['xa-a', 'huyen', 'tinh']);

    await other.unit.update({ where: { id: 'xa-a' }, data: { name: 'Xã A mới' } });
    expect((await UnitTree.load(db.prisma)).names.get('xa-a')).toBe('Xã A mới');
  });
});

describe('the kept policy versions', () => {
  it('resolve as the table says after another client adds a province-wide or a local version', async () => {
    const resolver = createDbPolicyResolver(db.prisma);
    expect(await resolver.hasVersions()).toBe(false);
    await seedPolicyFromFile(other, path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
    expect(await resolver.hasVersions()).toBe(true);

    const now = Date.now();
    const seeded = await resolver.resolve(now, 'xa-a');
    const limitOf = (spec: unknown) => (spec as { limit: number }).limit;
    const baseLimit = limitOf(seeded.forKind('complaint').clocks.resolution);

    // A local rule for the district, in force from yesterday: its commune's clocks follow it at once.
    await other.deadlinePolicyVersion.create({
      data: {
        version: 'huyen-2026',
        effectiveFrom: new Date(now - 86_400_000),
        unitId: 'huyen',
        document: {
          version: 'huyen-2026',
          unitId: 'huyen',
          kinds: { complaint: { clocks: { resolution: { limit: baseLimit + 5, unit: 'days' } } } },
        },
      },
    });
    const local = await resolver.resolve(now, 'xa-a');
    expect(local.version).toBe(`${seeded.version}+huyen-2026`);
    expect(limitOf(local.forKind('complaint').clocks.resolution)).toBe(baseLimit + 5);
    // Before the local rule's start the seeded version alone applies, from the same kept copy.
    expect((await resolver.resolve(now - 2 * 86_400_000, 'xa-a')).version).toBe(seeded.version);
    // A unit outside the district is not touched by it.
    expect((await resolver.resolve(now, 'tinh')).version).toBe(seeded.version);
  });
});
