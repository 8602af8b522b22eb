// Every record is checked against the published schema before it leaves (schemas/national-record.v1.schema.json):
// a record that does not fit is a fault of ours, reported with the place it fails, instead of a refusal from
// the receiver that says less, or worse a record it takes and files wrongly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PROJECT_ROOT } from '../platform/runtime/temporal-binaries';

export const NATIONAL_RECORD_SCHEMA_PATH = path.join(PROJECT_ROOT, 'schemas', 'national-record.v1.schema.json');

export interface SchemaError {
  /** JSON Pointer of the value at fault, "/" for the record itself. */
  path: string;
  message: string;
}

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (!compiled) {
    // The first error is what the report shows; collecting them all costs time on every record.
    const ajv = new Ajv({ allErrors: false, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(NATIONAL_RECORD_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

/** The first way the record breaks the schema, or null when it fits. */
export function firstSchemaError(record: unknown): SchemaError | null {
  const validate = validator();
  if (validate(record)) return null;
  const first = validate.errors?.[0];
  if (!first) return { path: '/', message: 'does not match the schema' };
  return { path: pathOf(first), message: first.message ?? 'does not match the schema' };
}

function pathOf(error: ErrorObject): string {
  // An unexpected or missing property is reported on its parent; the property itself is the place to look.
  const property =
    error.keyword === 'additionalProperties'
      ? (error.params as { additionalProperty: string }).additionalProperty
      : error.keyword === 'required'
        ? (error.params as { missingProperty: string }).missingProperty
        : null;
  const base = error.instancePath;
  if (property !== null) return `${base}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return base || '/';
}
