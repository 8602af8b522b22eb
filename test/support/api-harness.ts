// The HTTP API on real parts for API tests: a fresh database, the suite's Temporal dev server, a worker
// on its own task queue, and a capturing mailer. Requests go through supertest.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keptActionsStore, startKeptActionResender } from '../../src/platform/temporal/kept-actions';
import nodemailer from 'nodemailer';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createActivities } from '../../activities';
import { createApp, type AppDeps } from '../../src/api/app';
import { crossFeatureHooks } from '../../src/service';
import { workflowClientMetrics } from '../../src/platform/metrics/temporal-client-metrics';
import { hashPassword } from '../../src/org/auth';
import { rearmOpenPetitions } from '../../src/petitions/calendar-rearm';
import { createDbPolicyResolver, seedPolicyFromFile } from '../../src/petitions/policy/policy-versions';
import { loadReceptionPolicy } from '../../src/reception/reception-obligations';
import { dataConverterFor } from '../../src/platform/temporal/connection';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';
import { OutboxStore } from '../../src/platform/runtime/smtp-sink';
import type { OutgoingMail } from '../../src/platform/mail/mailer';
import { CapturingMailer } from './capturing-mailer';
import { createPostgresBlobStore } from '../../src/platform/blob/postgres-blob-store';
import { TEST_IDENTITY_KEY } from './keys';
import { buildTestOrg, type TestOrg } from './org';
import { createTestDatabase, type TestDatabase } from './test-database';
import { suiteWorkflowBundle } from './suite-workflow-bundle';

/** The Authorization header for a bearer token (a session or an API token). */
export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface ApiHarness {
  app: Express;
  trackingKey: Buffer;
  db: TestDatabase;
  org: TestOrg;
  mailer: CapturingMailer;
  client: Client;
  /** With `outbox: true`: every captured e-mail is also kept as an .eml, as the local SMTP sink keeps it. */
  outbox: OutboxStore | null;
  taskQueue: string;
  /** What the app was built from, for a second app with one dependency changed. */
  deps: AppDeps;
  /** The worker stops (draining) and starts again: for what callers see while no worker runs. */
  stopWorker: () => Promise<void>;
  startWorker: () => Promise<void>;
  login: (username: string, password?: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** Writes each sent mail as the raw message nodemailer would put on the wire. */
class OutboxMailer extends CapturingMailer {
  private readonly wire = nodemailer.createTransport({ streamTransport: true, buffer: true });
  constructor(private readonly store: OutboxStore) {
    super();
  }
  override async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const result = await super.send(mail);
    const info = await this.wire.sendMail({
      from: 'danvan@danvan.test',
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: mail.attachments,
    });
    this.store.save(info.message as Buffer);
    return result;
  }
}

/** `overrides`: dependencies a test changes (shorter Temporal deadlines, say); `outbox`: keep every e-mail as the local sink does. */
export async function startApiHarness(
  overrides: Partial<AppDeps> = {},
  options: { outbox?: boolean } = {},
): Promise<ApiHarness> {
  const address = process.env.DANVAN_TEST_TEMPORAL_ADDRESS;
  if (!address)
    throw new Error('DANVAN_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup starts Temporal)');
  const db = await createTestDatabase();
  const password = 'correct horse';
  const org = await buildTestOrg(db.prisma, { passwordHash: await hashPassword(password), password });
  await seedPolicyFromFile(db.prisma, path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
  const codec = new AesGcmPayloadCodec([randomBytes(32)]);
  const trackingKey = randomBytes(32);
  const taskQueue = `api-${randomUUID()}`;
  const outboxDir = options.outbox ? mkdtempSync(path.join(os.tmpdir(), 'danvan-outbox-')) : null;
  const outbox = outboxDir ? new OutboxStore(outboxDir) : null;
  const mailer = outbox ? new OutboxMailer(outbox) : new CapturingMailer();
  const connection = await Connection.connect({ address });
  const client = new Client({
    connection,
    dataConverter: dataConverterFor(codec),
    interceptors: { workflow: [workflowClientMetrics()] },
  });
  const workerConnection = await NativeConnection.connect({ address });
  let running: Promise<void> | null = null;
  let worker: Worker | null = null;
  const startWorker = async () => {
    worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: await suiteWorkflowBundle(),
      activities: createActivities({
        prisma: db.prisma,
        mailer,
        appUrl: 'http://danvan.test',
        identityKey: TEST_IDENTITY_KEY,
        temporal: client,
      }),
      dataConverter: dataConverterFor(codec),
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    running = null;
  };
  await startWorker();
  const receptionPolicy = loadReceptionPolicy(path.join(__dirname, '..', '..', 'config', 'reception-policy.json'));
  const deps: AppDeps = {
    ...crossFeatureHooks({ prisma: db.prisma, temporal: client, taskQueue, receptionPolicy }),
    prisma: db.prisma,
    temporal: client,
    taskQueue,
    policies: createDbPolicyResolver(db.prisma),
    codecs: [codec],
    logger: pino({ level: 'silent' }),
    sessionTtlMs: 3_600_000,
    outbox,
    trackingKey,
    identityKey: TEST_IDENTITY_KEY,
    receptionPolicy,
    trackingLimit: { limit: 40, windowMs: 60_000 },
    caseFile: {
      blobStore: createPostgresBlobStore(db.prisma),
      documentMaxBytes: 25 * 1024 * 1024,
      mailer,
      appUrl: 'http://danvan.test',
    },
    onCalendarChanged: async (year) => {
      await rearmOpenPetitions({ prisma: db.prisma, temporal: client }, year);
    },
    // Generous on a busy 2-core machine; the tests about deadlines set their own.
    deadlines: { callMs: 15_000, updateWaitMs: 60_000 },
    keptActions: keptActionsStore({ prisma: db.prisma, temporal: client }),
    ...overrides,
  };
  const app = createApp(deps);
  // As the service runs it: an action answered 202 is sent again until its workflow answers it.
  const resender = startKeptActionResender({
    prisma: db.prisma,
    temporal: client,
    logger: pino({ level: 'silent' }),
    waitMs: 5_000,
    intervalMs: 1_000,
  });
  return {
    app,
    trackingKey,
    db,
    org,
    mailer,
    client,
    outbox,
    taskQueue,
    login: async (username, pw = password) => {
      const res = await request(app).post('/api/v1/auth/login').send({ username, password: pw }).expect(200);
      return res.body.token as string;
    },
    deps,
    startWorker,
    stopWorker,
    stop: async () => {
      await resender.stop();
      await stopWorker();
      await workerConnection.close();
      await connection.close();
      await db.drop();
      if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}
