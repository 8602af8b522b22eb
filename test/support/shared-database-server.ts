// The suite's shared PostgreSQL made ready in global setup (which cannot load the Prisma client: jest's
// module mapping for its ".js" imports applies to test files only).
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../../src/platform/db/migrate';

export const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'prisma', 'migrations');
export const TEMPLATE_ENV = 'DANVAN_TEST_PG_TEMPLATE';

/**
 * In global setup: the shared server's durability relaxed, and one database migrated like production that
 * each file's database is then copied from (a copy takes a quarter of the time of running every migration
 * again, in each of ~50 files). Nobody connects to it after this, as PostgreSQL requires of a template.
 */
export async function prepareSharedServer(base: string): Promise<void> {
  const name = 'danvan_migrated';
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    // The suite's server is thrown away with its data folder when the run ends and no test crashes it (the
    // restart and crash tests run services with databases of their own): waiting for each commit, each
    // CREATE/DROP DATABASE checkpoint to reach the disk only made every file wait on a busy disk.
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes'])
      await admin.query(`ALTER SYSTEM SET ${setting} = off`);
    await admin.query('SELECT pg_reload_conf()');
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await applyMigrations({
    connectionString: base.replace(/\/[^/]+$/, `/${name}`),
    migrationsDir: MIGRATIONS_DIR,
    log: () => undefined,
  });
  process.env[TEMPLATE_ENV] = name;
}
