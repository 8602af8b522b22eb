import path from 'node:path';
import { defineConfig } from 'prisma/config';

// `prisma generate` only checks that a schema engine binary exists; it never runs it. Pointing at any
// existing file stops the CLI from trying to download one (these machines reach only package registries).
// Migrations are applied by src/platform/db/migrate.ts, not by the native engine. A user's own setting wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'package.json');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
