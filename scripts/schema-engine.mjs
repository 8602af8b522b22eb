// Prisma's own WebAssembly schema engine (pinned to the engine hash of prisma 7.10.0), loaded the way
// Prisma 6's CLI did: Node 20 cannot `import` a .wasm module, so it is instantiated by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function createSchemaEngine({ schemaPath, connectionString }) {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();

  const { PrismaPg } = require('@prisma/adapter-pg');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const factory = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: connectionString ?? 'postgresql://unused@127.0.0.1:1/unused' }),
  );
  const datamodel = readFileSync(schemaPath, 'utf8');
  const logs = [];
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    (line) => logs.push(line),
    factory,
  );
  return { engine, datamodel, logs };
}
