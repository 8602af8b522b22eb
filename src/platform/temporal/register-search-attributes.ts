// Registers the petition search attributes on a namespace that lacks them (a Temporal cluster, or the
// time-skipping test server). The dev server gets them through its --search-attribute flags instead.
// Temporal Cloud registers them through its own control plane: there this reports what is missing.
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { PETITION_SEARCH_ATTRIBUTES } from '../../../workflows/petition/search-attributes';

const INDEXED_TYPE = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

const GRPC_UNIMPLEMENTED = 12;

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  // The time-skipping test server can add search attributes but not list them.
  const listed = await connection.operatorService
    .listSearchAttributes({ namespace })
    .catch((error: { code?: number }) => {
      if (error.code === GRPC_UNIMPLEMENTED) return null;
      throw error;
    });
  const existing = new Set(Object.keys(listed?.customAttributes ?? {}));
  const missing = Object.entries(PETITION_SEARCH_ATTRIBUTES).filter(([name]) => !existing.has(name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_TYPE[type]])),
  });
  return missing.map(([name]) => name);
}
