// Requests from a route's own zod schema, for property-based tests: the schema's JSON Schema (the one the
// OpenAPI document shows) turned into a fast-check arbitrary of plausible bodies, with the ids that must
// name real rows picked from the test's own data so that bodies get past the first lookups.
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

/** Values for fields that must name existing rows, by field name. */
export type KnownValues = Record<string, readonly unknown[]>;

const recentInstant = fc
  .integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.now() - 3_600_000 })
  .map((ms) => new Date(ms).toISOString());
const day = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

function fromJson(schema: JsonSchema, known: KnownValues, key?: string): fc.Arbitrary<unknown> {
  if (key && known[key]) return fc.constantFrom(...known[key]!);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromJson(s, known, key)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'date-time') return recentInstant;
      if (schema.format === 'date') return day;
      if (schema.format === 'email')
        return fc.constantFrom('a@example.test', 'nguyen.van.a@example.test', 'x.y+z@danvan.test');
      if (schema.pattern)
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
      const min = schema.minLength ?? 0;
      return fc.string({
        unit: 'grapheme',
        minLength: Math.max(min, 3),
        maxLength: Math.min(schema.maxLength ?? 40, Math.max(min, 3) + 37),
      });
    }
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -1_000_000),
        max: Math.min(schema.maximum ?? 1000, 1_000_000),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fromJson(schema.items, known) : fc.string(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fromJson(s, known, k)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) as never });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export function arbitraryFor(schema: z.ZodType, known: KnownValues = {}): fc.Arbitrary<unknown> {
  return fromJson(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, known);
}

// ——— Hostile mutations ———

export const HOSTILE_STRINGS = [
  '\u0000',
  'ok\u0000',
  '\u0001\u0002',
  'a\u001fb',
  '\u007f',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uD800',
  '\u202Eevil',
  '%00',
  '%FF',
  '=HYPERLINK("http://evil.test")',
  '\'; DROP TABLE "Petition"; --',
  '\uFEFF',
  '𝕏'.repeat(300),
];
export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '0001-01-01T00:00:00Z',
  '2026-02-29T10:00:00+07:00',
  '9999-12-31T23:59:59+14:00',
  '+275760-09-13T00:00:00.000Z',
  '2026-01-01T24:00:00Z',
  '1969-12-31T23:59:59Z',
  '2100-01-01T00:00:00+07:00',
];
export const EXTREME_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-308,
  -0,
  0.5,
  1e21,
];
export const BAD_PATH_SEGMENTS = [
  '%FF',
  '%C0%AF',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%',
  '..%2F..%2Fetc',
  '%uD800',
  'x'.repeat(3000),
];

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}
function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

export type Mutation =
  | { kind: 'none' }
  | { kind: 'string'; leaf: number; text: string; where: 'replace' | 'append' }
  | { kind: 'date'; leaf: number; text: string }
  | { kind: 'number'; leaf: number; n: number }
  | { kind: 'type'; leaf: number; to: unknown }
  | { kind: 'path'; segment: string }
  | {
      kind: 'transport';
      how:
        | 'oversize'
        | 'latin1'
        | 'utf16'
        | 'compress'
        | 'broken-gzip'
        | 'bad-json'
        | 'form'
        | 'raw-escapes'
        | 'huge-number'
        | 'array-body';
    };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('string' as const),
      leaf: fc.nat(),
      text: fc.constantFrom(...HOSTILE_STRINGS),
      where: fc.constantFrom('replace' as const, 'append' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      leaf: fc.nat(),
      text: fc.constantFrom(...IMPOSSIBLE_DATES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      leaf: fc.nat(),
      n: fc.constantFrom(...EXTREME_NUMBERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      leaf: fc.nat(),
      to: fc.constantFrom(null, [], {}, true, 0, [['x']], { $gt: '' }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('path' as const), segment: fc.constantFrom(...BAD_PATH_SEGMENTS) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transport' as const),
      how: fc.constantFrom(
        'oversize' as const,
        'latin1' as const,
        'utf16' as const,
        'compress' as const,
        'broken-gzip' as const,
        'bad-json' as const,
        'form' as const,
        'raw-escapes' as const,
        'huge-number' as const,
        'array-body' as const,
      ),
    }),
  },
);

/** The body after a leaf mutation (transport and path mutations leave it as is). */
export function mutateBody(body: unknown, m: Mutation): unknown {
  const all = leaves(body);
  if (all.length === 0 || m.kind === 'none' || m.kind === 'path' || m.kind === 'transport') return body;
  const pick = (filter: (l: Leaf) => boolean) => {
    const fitting = all.filter(filter);
    const pool = fitting.length ? fitting : all;
    return pool[(m as { leaf: number }).leaf % pool.length]!;
  };
  switch (m.kind) {
    case 'string': {
      const leaf = pick((l) => typeof l.value === 'string');
      return setAt(
        body,
        leaf.path,
        m.where === 'append' && typeof leaf.value === 'string' ? leaf.value + m.text : m.text,
      );
    }
    case 'date':
      return setAt(body, pick((l) => typeof l.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(l.value)).path, m.text);
    case 'number':
      return setAt(body, pick((l) => typeof l.value === 'number').path, m.n);
    case 'type':
      return setAt(body, pick(() => true).path, m.to);
  }
}
