// The only module that reads the environment. Parsed once at start; a bad value stops the process
// with every problem listed. Every key is documented in .env.example.
import path from 'node:path';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import type { S3BlobStoreOptions } from './platform/blob/s3-blob-store';
import type { NationalSyncConfig } from './national/national-sync-config';

const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const port = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));
const bool = (fallback: boolean) =>
  z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).default(fallback ? 'true' : 'false'))
    .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DANVAN_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  DANVAN_PROCESS_ROLES: z.preprocess(emptyToUndefined, z.string().default('api,worker')),

  HTTP_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  HTTP_PORT: port(3000),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, { message: 'must be an http(s) URL without query or fragment' })
      .optional(),
  ),
  SESSION_TTL_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(12)),
  TEMPORAL_CALL_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(2000)),
  ACTION_WAIT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(5000)),
  RECONCILE_INTERVAL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(60)),

  DATABASE_URL: optionalString,
  DATABASE_POOL_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(10)),
  DATABASE_WAIT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(300)),
  DATABASE_POOL_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(5000)),
  API_MAX_IN_FLIGHT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(256)),
  EMBEDDED_PG_PORT: port(54329),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.preprocess(emptyToUndefined, z.string().default('default')),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: bool(false),
  TEMPORAL_TLS_CLIENT_CERT_PATH: optionalString,
  TEMPORAL_TLS_CLIENT_KEY_PATH: optionalString,
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: optionalString,
  TEMPORAL_TASK_QUEUE: z.preprocess(emptyToUndefined, z.string().default('danvan-petitions')),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_DEV_HEADLESS: bool(false),

  PAYLOAD_KEY: optionalString,
  PAYLOAD_KEY_FILE: optionalString,
  PETITIONER_MATCH_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length >= 32, { message: 'must be base64 of at least 32 bytes' })
      .optional(),
  ),

  SMTP_URL: optionalString,
  SMTP_SINK_PORT: port(2525),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Danvan <no-reply@danvan.local>')),

  POLICY_FILE: z.preprocess(emptyToUndefined, z.string().default('config/deadline-policy.json')),
  RECEPTION_POLICY_FILE: z.preprocess(emptyToUndefined, z.string().default('config/reception-policy.json')),
  SEED_DEMO: optionalString,
  METRICS_TOKEN: optionalString,
  TEMPORAL_METRICS_PORT: port(0),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString,
  OTEL_SERVICE_NAME: z.preprocess(emptyToUndefined, z.string().default('danvan')),
  DOCUMENT_MAX_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(2 ** 31 - 1)
      .default(25 * 1024 * 1024),
  ),
  BLOB_STORE: z.preprocess(emptyToUndefined, z.enum(['postgres', 's3']).default('postgres')),
  S3_BUCKET: optionalString,
  S3_PREFIX: optionalString,
  S3_ENDPOINT: optionalString,
  S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
  S3_FORCE_PATH_STYLE: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,

  NATIONAL_SYNC_URL: optionalString,
  NATIONAL_SYNC_TOKEN: optionalString,
  NATIONAL_SYNC_CA_FILE: optionalString,
  NATIONAL_SYNC_ALLOW_HTTP: bool(false),
  NATIONAL_SYNC_INTERVAL_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(60)),
  NATIONAL_SYNC_BATCH_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(10)),
  NATIONAL_SYNC_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1000).max(50_000).default(20_000),
  ),
});

export type ProcessRole = 'api' | 'worker';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  dataDir: string;
  roles: ProcessRole[];
  /** publicUrl: where people reach the service (links in e-mails); defaults to the address it listens on. */
  http: { host: string; port: number; publicUrl: string };
  sessionTtlMs: number;
  /** Deadlines of Temporal calls from request paths: a call, and an officer's action before it is answered 202. */
  deadlines: { callMs: number; updateWaitMs: number };
  /** How often petitions registered without a workflow (a crash between insert and start) get it started. */
  reconcileIntervalMs: number;
  /** poolSize and poolTimeoutMs: connections per process, and how long a query waits for one. */
  /** waitMs: how long a start waits for an unreachable DATABASE_URL before it fails. */
  database: { url?: string; embeddedPort: number; poolSize: number; poolTimeoutMs: number; waitMs: number };
  /** Requests one API process works on at once; the next is answered 503 with Retry-After. */
  maxInFlight: number;
  temporal: {
    /** Absent: the service starts the Temporal CLI dev server itself. */
    address?: string;
    namespace: string;
    apiKey?: string;
    tls: boolean;
    tlsClientCertPath?: string;
    tlsClientKeyPath?: string;
    tlsServerCaCertPath?: string;
    taskQueue: string;
    cliPath?: string;
    devPort: number;
    uiPort: number;
    devHeadless: boolean;
  };
  payloadKey: { base64?: string; file: string };
  /** HMAC key of the petitioners' match keys (duplicate check); unset: derived from the payload key. */
  petitionerMatchKey?: Buffer;
  mail: { smtpUrl?: string; sinkPort: number; from: string };
  policyFile: string;
  /** Reception duties per post (days per week or month). */
  receptionPolicyFile: string;
  seedDemo: boolean;
  /** The scraper's bearer token for GET /metrics; unset: only admins' and supervisors' sessions. */
  metricsToken?: string;
  /** Loopback port of the Temporal SDK's Prometheus exporter (0: a free one), appended to GET /metrics. */
  sdkMetricsPort: number;
  /** OpenTelemetry traces over OTLP/HTTP, only when an endpoint is configured (src/platform/tracing). */
  tracing?: { endpoint: string; serviceName: string };
  /** The largest document a case file accepts, in bytes. */
  documentMaxBytes: number;
  /** Where document bytes live: PostgreSQL (default) or an S3-compatible object store. */
  blobStore: { kind: 'postgres' } | ({ kind: 's3' } & S3BlobStoreOptions);
  /** The national complaints database's receiver (NĐ 55/2022); absent: the national sync is off. */
  nationalSync?: NationalSyncConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const roles = e.DANVAN_PROCESS_ROLES.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const role of roles) {
    if (role !== 'api' && role !== 'worker')
      throw new ConfigError(`invalid configuration:\n  DANVAN_PROCESS_ROLES: unknown role "${role}" (api, worker)`);
  }
  const dataDir = path.resolve(cwd, e.DANVAN_DATA_DIR);
  const usesEmbeddedDb = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    dataDir,
    roles: roles as ProcessRole[],
    http: {
      host: e.HTTP_HOST,
      port: e.HTTP_PORT,
      // Behind a proxy the listening address is not what a colleague's browser can open.
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HTTP_HOST}:${e.HTTP_PORT}`).replace(/\/+$/, ''),
    },
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    deadlines: { callMs: e.TEMPORAL_CALL_TIMEOUT_MS, updateWaitMs: e.ACTION_WAIT_MS },
    reconcileIntervalMs: e.RECONCILE_INTERVAL_SECONDS * 1000,
    database: {
      url: e.DATABASE_URL,
      embeddedPort: e.EMBEDDED_PG_PORT,
      poolSize: e.DATABASE_POOL_SIZE,
      poolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
      waitMs: e.DATABASE_WAIT_SECONDS * 1000,
    },
    maxInFlight: e.API_MAX_IN_FLIGHT,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: e.TEMPORAL_TLS || Boolean(e.TEMPORAL_API_KEY) || Boolean(e.TEMPORAL_TLS_CLIENT_CERT_PATH),
      tlsClientCertPath: e.TEMPORAL_TLS_CLIENT_CERT_PATH,
      tlsClientKeyPath: e.TEMPORAL_TLS_CLIENT_KEY_PATH,
      tlsServerCaCertPath: e.TEMPORAL_TLS_SERVER_CA_CERT_PATH,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      cliPath: e.TEMPORAL_CLI_PATH,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      devHeadless: e.TEMPORAL_DEV_HEADLESS,
    },
    payloadKey: {
      base64: e.PAYLOAD_KEY,
      file: path.resolve(cwd, e.PAYLOAD_KEY_FILE ?? path.join(dataDir, 'payload.key')),
    },
    petitionerMatchKey: e.PETITIONER_MATCH_KEY ? Buffer.from(e.PETITIONER_MATCH_KEY, 'base64') : undefined,
    mail: { smtpUrl: e.SMTP_URL, sinkPort: e.SMTP_SINK_PORT, from: e.MAIL_FROM },
    policyFile: path.resolve(cwd, e.POLICY_FILE),
    receptionPolicyFile: path.resolve(cwd, e.RECEPTION_POLICY_FILE),
    // The demo organisation is seeded on the embedded database unless switched off; never by default in production.
    seedDemo: e.SEED_DEMO === undefined ? usesEmbeddedDb : e.SEED_DEMO === 'true' || e.SEED_DEMO === '1',
    metricsToken: e.METRICS_TOKEN,
    sdkMetricsPort: e.TEMPORAL_METRICS_PORT,
    ...(e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { tracing: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME } }
      : {}),
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    blobStore: blobStoreConfig(e),
    nationalSync: nationalSyncConfig(e, cwd),
  };
}

function nationalSyncConfig(e: z.infer<typeof EnvSchema>, cwd: string): NationalSyncConfig | undefined {
  if (!e.NATIONAL_SYNC_URL) return undefined;
  let url: URL;
  try {
    url = new URL(e.NATIONAL_SYNC_URL);
  } catch {
    throw new ConfigError('invalid configuration:\n  NATIONAL_SYNC_URL: not a URL');
  }
  // Case files go over the public network: plain HTTP only when a deployment says so on purpose.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && e.NATIONAL_SYNC_ALLOW_HTTP))
    throw new ConfigError(
      'invalid configuration:\n  NATIONAL_SYNC_URL: must be https:// (plain http:// only with NATIONAL_SYNC_ALLOW_HTTP=true)',
    );
  let caPem: string | undefined;
  if (e.NATIONAL_SYNC_CA_FILE) {
    try {
      caPem = readFileSync(path.resolve(cwd, e.NATIONAL_SYNC_CA_FILE), 'utf8');
    } catch {
      throw new ConfigError('invalid configuration:\n  NATIONAL_SYNC_CA_FILE: cannot be read');
    }
  }
  return {
    url: url.toString(),
    token: e.NATIONAL_SYNC_TOKEN,
    caPem,
    allowHttp: e.NATIONAL_SYNC_ALLOW_HTTP,
    intervalMinutes: e.NATIONAL_SYNC_INTERVAL_MINUTES,
    batchSize: e.NATIONAL_SYNC_BATCH_SIZE,
    requestTimeoutMs: e.NATIONAL_SYNC_TIMEOUT_MS,
  };
}

function blobStoreConfig(e: z.infer<typeof EnvSchema>): AppConfig['blobStore'] {
  if (e.BLOB_STORE === 'postgres') return { kind: 'postgres' };
  const problems: string[] = [];
  if (!e.S3_BUCKET) problems.push('  S3_BUCKET: required when BLOB_STORE=s3');
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY))
    problems.push("  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: give both or neither (neither: the SDK's default chain)");
  if (e.S3_FORCE_PATH_STYLE !== undefined && !['true', 'false', '1', '0'].includes(e.S3_FORCE_PATH_STYLE))
    problems.push('  S3_FORCE_PATH_STYLE: true or false');
  if (problems.length) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  return {
    kind: 's3',
    bucket: e.S3_BUCKET!,
    prefix: e.S3_PREFIX,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    // Self-hosted stores (MinIO, Ceph) want path-style URLs; AWS itself virtual-hosted ones.
    forcePathStyle:
      e.S3_FORCE_PATH_STYLE === undefined ? Boolean(e.S3_ENDPOINT) : ['true', '1'].includes(e.S3_FORCE_PATH_STYLE),
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}
