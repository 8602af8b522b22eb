// The composition root: starts (or connects to) PostgreSQL, Temporal and SMTP, applies migrations,
// seeds the demo, and runs the worker and the HTTP API. The only place real dependencies are built.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { createApp } from './api/app';
import type { AppConfig } from './config';
import { applyMigrations } from './platform/db/migrate';
import { createPrismaClient, type PrismaClient } from './platform/db/prisma';
import { waitForDatabase } from './platform/db/wait-for-database';
import { keptActionsStore, startKeptActionResender } from './platform/temporal/kept-actions';
import { createSmtpMailer } from './platform/mail/mailer';
import { startEmbeddedPostgres } from './platform/runtime/embedded-postgres';
import { acquireInstanceLock } from './platform/runtime/instance-lock';
import { startSmtpSink, type SmtpSinkHandle } from './platform/runtime/smtp-sink';
import { PROJECT_ROOT, resolveTemporalCli } from './platform/runtime/temporal-binaries';
import { startTemporalDevServer } from './platform/runtime/temporal-dev-server';
import { seedDemoOrganisation } from './org/seed-demo';
import { loadReceptionPolicy } from './reception/reception-obligations';
import { ensureReceptionCycles } from './reception/reception-schedules';
import { rearmOpenPetitions } from './petitions/calendar-rearm';
import type { AfterRegisteredHook } from './petitions/petitions';
import { startMissingWorkflows } from './petitions/reconcile-registrations';
import { backfillMatchKeys } from './petitions/duplicates/match-key-backfill';
import { proposeConferenceIfHotSpot } from './conferences/conferences';
import type { ReceptionPolicy } from './reception/reception-obligations';
import type { ReadinessCheck } from './api/routes/health';
import { deriveIdentityKey } from './org/identity-seal';
import { deriveTrackingKey } from './petitions/citizen/tracking-secret';
import { createDbPolicyResolver, seedPolicyFromFile } from './petitions/policy/policy-versions';
import { connectClient, connectWorker } from './platform/temporal/connection';
import { AesGcmPayloadCodec } from './platform/temporal/encryption-codec';
import { loadPayloadKeys } from './platform/temporal/payload-key';
import { registerSearchAttributes } from './platform/temporal/register-search-attributes';
import { createPetitionWorker } from './platform/temporal/worker';
import { PETITION_SEARCH_ATTRIBUTES } from '../workflows/petition/search-attributes';
import { createBlobStore } from './platform/blob/create-blob-store';
import { findFreePort } from './platform/runtime/free-port';
import { sdkMetricsBindAddress } from './platform/metrics/sdk-metrics';
import { ensureNationalSyncs } from './national/client';

export interface RunningService {
  apiUrl: string | null;
  temporalAddress: string;
  temporalUiUrl: string | null;
  outboxUrl: string | null;
  smtpUrl: string;
  databaseUrl: string;
  seeded: boolean;
  stop: () => Promise<void>;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** Cross-feature side effects, wired here so that features do not import each other. */
export function crossFeatureHooks(deps: {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  receptionPolicy: ReceptionPolicy;
  logger?: Logger;
}): { afterRegistered: AfterRegisteredHook[] } {
  return {
    afterRegistered: [
      (petitionId) =>
        proposeConferenceIfHotSpot(deps, deps.receptionPolicy, petitionId).catch((error: unknown) => {
          deps.logger?.warn({ err: error, petitionId }, 'hot-spot check failed');
        }),
    ],
  };
}

/** The relay answers on its port (no SMTP session: readiness must not cost the relay a login). */
function relayReachable(smtpUrl: string): ReadinessCheck {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 587));
  return {
    name: 'relay',
    check: () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: url.hostname, port, timeout: 2_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('timeout', () => {
          socket.destroy();
          reject(new Error('timeout'));
        });
        socket.once('error', reject);
      }),
  };
}

export class PortInUseError extends Error {}

const portInUse = (host: string, port: number) =>
  new PortInUseError(`HTTP port ${host}:${port} is already in use (set HTTP_PORT) / cổng HTTP ${port} đang được dùng`);

/** Before anything is started: a taken port fails in a second, not after PostgreSQL and Temporal are up. */
function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(host, port) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Rows younger than this may be inside a request that is about to start their workflow. */
const RECONCILE_GRACE_MS = 30_000;

export async function startService(
  config: AppConfig,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<RunningService> {
  const stack: { name: string; stop: () => Promise<void> | void }[] = [];
  const stopAll = async () => {
    for (const item of stack.reverse()) {
      try {
        await item.stop();
        logger.info({ component: item.name }, `stopped ${item.name}`);
      } catch (error) {
        logger.warn({ err: error, component: item.name }, 'error while stopping');
      }
    }
    stack.length = 0;
  };
  const step = (msg: string) => logger.info(msg);

  try {
    mkdirSync(config.dataDir, { recursive: true });
    const lock = acquireInstanceLock(config.dataDir);
    stack.push({ name: 'lock', stop: lock.release });
    if (config.roles.includes('api') && config.http.port !== 0) await checkPortFree(config.http.host, config.http.port);

    // The SDK's worker metrics: its core serves them on loopback, GET /metrics appends them.
    const sdkMetricsPort = config.roles.includes('worker') ? config.sdkMetricsPort || (await findFreePort()) : 0;
    Runtime.install({
      logger: new DefaultLogger(config.logLevel === 'debug' || config.logLevel === 'trace' ? 'INFO' : 'WARN', (entry) =>
        logger.warn({ sdk: true, meta: entry.meta }, entry.message),
      ),
      ...(sdkMetricsPort
        ? { telemetryOptions: { metrics: { prometheus: { bindAddress: sdkMetricsBindAddress(sdkMetricsPort) } } } }
        : {}),
    });

    // Traces, only when an OTLP endpoint is configured: off, none of the tracing code is even loaded.
    const tracing = config.tracing ? await startTracingFor(config.tracing) : undefined;
    if (tracing) {
      stack.push({ name: 'tracing', stop: tracing.shutdown });
      step(`exporting traces to ${config.tracing!.endpoint}`);
    }

    // Database
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      step('starting embedded PostgreSQL…');
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'pg'),
        port: config.database.embeddedPort,
        log: (line) => logger.debug({ postgres: true }, line),
      });
      stack.push({ name: 'postgres', stop: pg.stop });
      databaseUrl = pg.url;
    } else await waitForDatabase(databaseUrl, { timeoutMs: config.database.waitMs, log: (line) => logger.warn(line) });
    const applied = await applyMigrations({
      connectionString: databaseUrl,
      migrationsDir: path.join(PROJECT_ROOT, 'prisma', 'migrations'),
      log: step,
    });
    if (applied.length) step(`applied ${applied.length} migration(s)`);
    const prisma: PrismaClient = createPrismaClient(databaseUrl, {
      maxConnections: config.database.poolSize,
      connectionTimeoutMs: config.database.poolTimeoutMs,
    });
    stack.push({ name: 'prisma', stop: () => prisma.$disconnect() });

    // Temporal
    let temporalAddress = config.temporal.address;
    let temporalUiUrl: string | null = null;
    if (!temporalAddress) {
      step('starting the Temporal dev server…');
      const dev = await startTemporalDevServer({
        cliPath: resolveTemporalCli(config.temporal.cliPath),
        dbFile: path.join(config.dataDir, 'temporal.db'),
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        headless: config.temporal.devHeadless,
        namespace: config.temporal.namespace,
        searchAttributes: PETITION_SEARCH_ATTRIBUTES,
        log: (line) => logger.debug({ temporal: true }, line),
      });
      stack.push({ name: 'temporal-dev-server', stop: dev.stop });
      temporalAddress = dev.address;
      temporalUiUrl = dev.uiUrl;
    }
    const settings = { ...config.temporal, address: temporalAddress };
    const payloadKeys = loadPayloadKeys(config.payloadKey, {
      createIfMissing: !config.temporal.address || config.env !== 'production',
    });
    const codec = new AesGcmPayloadCodec(payloadKeys);
    // Receipts and sealed identities get keys of their own, derived so that one secret is configured.
    const trackingKey = deriveTrackingKey(payloadKeys[0]!);
    const identityKey = deriveIdentityKey(payloadKeys[0]!);
    const { client, connection } = await connectClient(settings, codec, tracing ? [tracing.clientInterceptor] : []);
    stack.push({ name: 'temporal-client', stop: () => connection.close() });
    if (config.temporal.address) {
      const added = await registerSearchAttributes(connection, config.temporal.namespace).catch((error: Error) => {
        logger.warn(
          { err: error },
          'could not register search attributes; register DanvanStage, DanvanUnit, DanvanKind (Keyword) and DanvanDueAt (Datetime) on the namespace',
        );
        return [];
      });
      if (added.length) step(`registered search attributes ${added.join(', ')}`);
    }

    // Mail
    let smtpUrl = config.mail.smtpUrl;
    let sink: SmtpSinkHandle | null = null;
    if (!smtpUrl) {
      sink = await startSmtpSink({ dir: path.join(config.dataDir, 'outbox'), port: config.mail.sinkPort });
      stack.push({ name: 'smtp-sink', stop: sink.stop });
      smtpUrl = sink.url;
    }
    const mailer = createSmtpMailer({ smtpUrl, from: config.mail.from });
    stack.push({ name: 'mailer', stop: () => mailer.close() });

    const seededPolicy = await seedPolicyFromFile(prisma, config.policyFile);
    if (seededPolicy.created) step(`deadline policy ${seededPolicy.version} added from ${config.policyFile}`);
    const policies = createDbPolicyResolver(prisma);
    let seeded = false;
    if (config.seedDemo) seeded = (await seedDemoOrganisation(prisma)).created;

    const apiUrl = `http://${config.http.host}:${config.http.port}`;
    const receptionPolicy = loadReceptionPolicy(config.receptionPolicyFile);

    // Worker
    if (config.roles.includes('worker')) {
      step('starting the worker (bundling workflows)…');
      const workerConnection = await connectWorker(settings);
      const worker: Worker = await createPetitionWorker({
        connection: workerConnection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        codec,
        ...(tracing ? { tracing: tracing.worker } : {}),
        activityDeps: {
          prisma,
          mailer,
          appUrl: config.http.publicUrl,
          identityKey,
          temporal: client,
          conferencePolicy: receptionPolicy.conferences,
          nationalSync: config.nationalSync,
        },
      });
      const running = worker.run();
      // Stopping drains in-flight activities before the connections close.
      stack.push({
        name: 'worker',
        stop: async () => {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running.catch((error: unknown) => logger.error({ err: error }, 'worker stopped with an error'));
          await workerConnection.close();
        },
      });
      running.catch((error: unknown) => logger.error({ err: error }, 'worker failed'));
      // A schedule whose cycle is missing (a restored database, a new cluster) gets it back.
      await ensureReceptionCycles({ prisma, temporal: client, taskQueue: config.temporal.taskQueue }, logger);
      if (config.nationalSync) {
        const syncs = await ensureNationalSyncs(
          { prisma, temporal: client, taskQueue: config.temporal.taskQueue },
          config.nationalSync,
        );
        if (syncs.length) step(`national sync started for ${syncs.join(', ')}`);
      }
    }

    // A registration cut between its insert and its workflow start (a crash, a kill) is finished here.
    const reconcileDeps = {
      prisma,
      temporal: client,
      taskQueue: config.temporal.taskQueue,
      policies,
      identityKey,
      deadlines: config.deadlines,
    };
    const reconcile = () =>
      startMissingWorkflows(reconcileDeps, { olderThanMs: RECONCILE_GRACE_MS }, logger).catch((error: unknown) =>
        logger.warn({ err: error }, 'reconciling registrations failed'),
      );
    await reconcile();
    const reconcileTimer = setInterval(() => void reconcile(), config.reconcileIntervalMs);
    reconcileTimer.unref();
    stack.push({ name: 'reconciler', stop: () => clearInterval(reconcileTimer) });

    // In the background: a large table of old petitioners must not hold the start; stopping waits for the batch.
    let stoppingBackfill = false;
    const backfill = backfillMatchKeys(
      { prisma, identityKey, matchKey: config.petitionerMatchKey },
      { isStopping: () => stoppingBackfill },
      logger,
    ).catch((error: unknown) =>
      logger.warn({ err: error }, 'keying old petitioners failed; tried again on the next start'),
    );
    stack.push({
      name: 'match-key-backfill',
      stop: async () => {
        stoppingBackfill = true;
        await backfill;
      },
    });

    // HTTP API
    let server: Server | null = null;
    if (config.roles.includes('api')) {
      const keptActions = keptActionsStore({ prisma, temporal: client });
      const resender = startKeptActionResender({
        prisma,
        temporal: client,
        logger,
        waitMs: config.deadlines.updateWaitMs,
      });
      stack.push({ name: 'kept-actions', stop: resender.stop });
      const hooks = crossFeatureHooks({
        prisma,
        temporal: client,
        taskQueue: config.temporal.taskQueue,
        receptionPolicy,
        logger,
      });
      const blobStore = createBlobStore(config.blobStore, prisma);
      const readiness = config.mail.smtpUrl ? [relayReachable(config.mail.smtpUrl)] : [];
      // An object store is a dependency of its own; the PostgreSQL store is the database, already checked.
      if (blobStore.reachable) readiness.push({ name: 'documents', check: () => blobStore.reachable!() });
      const app = createApp({
        ...(tracing ? { httpTracing: tracing.http } : {}),
        prisma,
        temporal: client,
        taskQueue: config.temporal.taskQueue,
        deadlines: config.deadlines,
        loadShedding: { maxInFlight: config.maxInFlight, retryAfterSeconds: 5 },
        keptActions,
        ...hooks,
        readiness,
        policies,
        receptionPolicy,
        codecs: [codec],
        trackingKey,
        identityKey,
        matchKey: config.petitionerMatchKey,
        logger,
        sessionTtlMs: config.sessionTtlMs,
        metricsToken: config.metricsToken,
        sdkMetricsUrl: sdkMetricsPort ? `http://${sdkMetricsBindAddress(sdkMetricsPort)}/metrics` : undefined,
        outbox: sink?.store ?? null,
        caseFile: {
          blobStore,
          documentMaxBytes: config.documentMaxBytes,
          mailer,
          appUrl: config.http.publicUrl,
        },
        onCalendarChanged: async (year) => {
          const { signalled } = await rearmOpenPetitions({ prisma, temporal: client, logger }, year);
          logger.info({ year, signalled }, 'calendar changed; open petitions re-armed');
        },
      });
      server = await new Promise<Server>((resolve, reject) => {
        // Express 5 hands a listen error to this callback: without the check a taken port would print "ready".
        const s = app.listen(config.http.port, config.http.host, (error?: Error) => {
          if (!error) return resolve(s);
          const code = (error as NodeJS.ErrnoException).code;
          reject(code === 'EADDRINUSE' ? portInUse(config.http.host, config.http.port) : error);
        });
      });
      const listening = server;
      // Pushed after the worker, so on the way down HTTP stops taking requests before the worker drains.
      stack.push({ name: 'http', stop: () => new Promise<void>((resolve) => listening.close(() => resolve())) });
    }
    lock.update({ apiUrl: server ? apiUrl : undefined });

    return {
      apiUrl: server ? apiUrl : null,
      temporalAddress,
      temporalUiUrl,
      outboxUrl: server && sink ? `${apiUrl}/outbox` : null,
      smtpUrl,
      databaseUrl: redactUrl(databaseUrl),
      seeded,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Loads the tracing modules only when tracing is on. */
async function startTracingFor(settings: NonNullable<AppConfig['tracing']>) {
  const [{ startTracing }, { httpSpans }, { tracingClientInterceptor, tracingWorkerOptions }] = await Promise.all([
    import('./platform/tracing/tracing.js'),
    import('./platform/tracing/http-spans.js'),
    import('./platform/tracing/temporal-tracing.js'),
  ]);
  const tracing = startTracing(settings);
  return {
    shutdown: tracing.shutdown,
    http: httpSpans(tracing.tracer),
    clientInterceptor: tracingClientInterceptor(tracing),
    worker: tracingWorkerOptions(tracing),
  };
}
