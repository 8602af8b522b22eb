// The HTTP API on real parts for API tests: a fresh database, the suite's Temporal dev server, a worker
// on its own task queue, and a capturing mailer. Requests go through supertest.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createActivities } from '../../activities';
import { createApp, type AppDeps } from '../../src/api/app';
import { hashPassword } from '../../src/org/auth';
import { rearmOpenPetitions } from '../../src/petitions/calendar-rearm';
import { createDbPolicyResolver, seedPolicyFromFile } from '../../src/petitions/policy/policy-versions';
import { loadReceptionPolicy } from '../../src/reception/reception-obligations';
import { dataConverterFor } from '../../src/platform/temporal/connection';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';
import { CapturingMailer } from './capturing-mailer';
import { TEST_IDENTITY_KEY } from './keys';
import { buildTestOrg, type TestOrg } from './org';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The Authorization header for a bearer token (a session or an API token). */
export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface ApiHarness {
  app: Express;
  trackingKey: Buffer;
  db: TestDatabase;
  org: TestOrg;
  mailer: CapturingMailer;
  client: Client;
  login: (username: string, password?: string) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startApiHarness(overrides: Partial<AppDeps> = {}): Promise<ApiHarness> {
  const address = process.env.DANVAN_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('DANVAN_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup starts Temporal)');
  const db = await createTestDatabase();
  const password = 'correct horse';
  const org = await buildTestOrg(db.prisma, { passwordHash: await hashPassword(password), password });
  await seedPolicyFromFile(db.prisma, path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
  const codec = new AesGcmPayloadCodec([randomBytes(32)]);
  const trackingKey = randomBytes(32);
  const taskQueue = `api-${randomUUID()}`;
  const mailer = new CapturingMailer();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter: dataConverterFor(codec) });
  const workerConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities: createActivities({ prisma: db.prisma, mailer, appUrl: 'http://danvan.test', identityKey: TEST_IDENTITY_KEY, temporal: client }),
    dataConverter: dataConverterFor(codec),
  });
  const running = worker.run();
  const app = createApp({
    prisma: db.prisma,
    temporal: client,
    taskQueue,
    policies: createDbPolicyResolver(db.prisma),
    codecs: [codec],
    logger: pino({ level: 'silent' }),
    sessionTtlMs: 3_600_000,
    outbox: null,
    trackingKey,
    identityKey: TEST_IDENTITY_KEY,
    receptionPolicy: loadReceptionPolicy(path.join(__dirname, '..', '..', 'config', 'reception-policy.json')),
    trackingLimit: { limit: 40, windowMs: 60_000 },
    onCalendarChanged: async (year) => {
      await rearmOpenPetitions({ prisma: db.prisma, temporal: client }, year);
    },
    ...overrides,
  });
  return {
    app,
    trackingKey,
    db,
    org,
    mailer,
    client,
    login: async (username, pw = password) => {
      const res = await request(app).post('/api/v1/auth/login').send({ username, password: pw }).expect(200);
      return res.body.token as string;
    },
    stop: async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await db.drop();
    },
  };
}
