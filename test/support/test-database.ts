// A fresh database per test file on the shared embedded PostgreSQL, migrated like production.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../../src/platform/db/migrate';
import { createPrismaClient, type PrismaClient } from '../../src/platform/db/prisma';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DANVAN_TEST_PG_URL;
  if (!base)
    throw new Error('DANVAN_TEST_PG_URL is not set: run the suite through jest (global setup starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = base.replace(/\/[^/]+$/, `/${name}`);
  await applyMigrations({
    connectionString: url,
    migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
    log: () => undefined,
  });
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
