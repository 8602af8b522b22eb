// A fresh database per test file on the shared embedded PostgreSQL, migrated like production.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '../../src/platform/db/migrate';
import { MIGRATIONS_DIR, TEMPLATE_ENV } from './shared-database-server';
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
  const template = process.env[TEMPLATE_ENV];
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = base.replace(/\/[^/]+$/, `/${name}`);
  // A no-op on a copy of the template (it records every migration as applied); a database made without the
  // global setup's template is migrated here.
  await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR, log: () => undefined });
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
