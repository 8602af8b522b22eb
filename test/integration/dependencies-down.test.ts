// A dependency that cannot be reached is a 503 with Retry-After within seconds, never a 500 or a hang:
// Temporal (a client pointed at a port nobody listens on) and PostgreSQL (a database client likewise).
// /health stays liveness; /ready says which dependency is missing.
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { createPrismaClient } from '../../src/platform/db/prisma';
import { deadlineAwareRetryInterceptor } from '../../src/platform/temporal/connection';
import { DEFAULT_TEMPORAL_DEADLINES } from '../../src/platform/temporal/start-once';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let officer: string;
let deadConnection: Connection;

beforeAll(async () => {
  // The production defaults: what a caller waits when a dependency is down.
  h = await startApiHarness({ deadlines: DEFAULT_TEMPORAL_DEADLINES });
  officer = await h.login(h.org.officer.username);
});

afterAll(async () => {
  await deadConnection?.close();
  await h?.stop();
});

const petitionBody = () => ({
  kind: 'complaint',
  receivingUnitId: h.org.communeId,
  channel: 'in_person',
  field: 'land',
  subject: 'Khiếu nại khi Temporal không chạy',
  body: 'Nội dung.',
  receivedAt: new Date().toISOString(),
  petitioners: [{ fullName: 'Lê Văn Thử' }],
});

function expect503Quickly(res: request.Response, startedAt: number): void {
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('Unavailable');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  // TEMPORAL_CALL_TIMEOUT_MS is 2 s by default (a failed start also asks once whether the run exists);
  // the SDK alone retries for ~20 s.
  expect(Date.now() - startedAt).toBeLessThan(10_000);
}

test('when Temporal cannot be reached, then create, act and history answer 503 with Retry-After within seconds and /ready names temporal', async () => {
  const existing = (await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()).expect(201))
    .body;
  deadConnection = Connection.lazy({
    address: `127.0.0.1:${await findFreePort()}`,
    interceptors: [deadlineAwareRetryInterceptor()],
  });
  const app = createApp({ ...h.deps, temporal: new Client({ connection: deadConnection }) });
  const before = await h.db.prisma.petition.count();

  let t = Date.now();
  expect503Quickly(await request(app).post('/api/v1/petitions').set(auth(officer)).send(petitionBody()), t);
  // The failed start took its row back: nothing is half-registered.
  expect(await h.db.prisma.petition.count()).toBe(before);

  t = Date.now();
  expect503Quickly(
    await request(app).post(`/api/v1/petitions/${existing.id}/actions`).set(auth(officer)).send({ action: 'accept' }),
    t,
  );
  t = Date.now();
  expect503Quickly(await request(app).get(`/api/v1/petitions/${existing.id}/history`).set(auth(officer)), t);

  await request(app).get('/api/v1/health').expect(200);
  const ready = await request(app).get('/api/v1/ready').expect(503);
  expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'ok', temporal: 'unavailable' } });
  expect((await request(h.app).get('/api/v1/ready').expect(200)).body).toEqual({
    status: 'ready',
    checks: { database: 'ok', temporal: 'ok' },
  });
});

test('when PostgreSQL cannot be reached, then an authenticated route answers 503 with Retry-After and /ready names the database', async () => {
  const deadDb = createPrismaClient(`postgresql://danvan:x@127.0.0.1:${await findFreePort()}/danvan`);
  try {
    const app = createApp({ ...h.deps, prisma: deadDb });
    const t = Date.now();
    expect503Quickly(await request(app).get('/api/v1/petitions').set(auth(officer)), t);
    await request(app).get('/api/v1/health').expect(200);
    const ready = await request(app).get('/api/v1/ready').expect(503);
    expect(ready.body.checks).toEqual({ database: 'unavailable', temporal: 'ok' });
  } finally {
    await deadDb.$disconnect();
  }
});

test('when every database connection is taken, then a request answers 503 after the pool timeout, and past API_MAX_IN_FLIGHT at once, while /health answers', async () => {
  // One connection, held by an open transaction: every other query waits for it.
  const narrowDb = createPrismaClient(h.db.url, { maxConnections: 1, connectionTimeoutMs: 1_500 });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const holding = narrowDb.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await held;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  try {
    const app = createApp({ ...h.deps, prisma: narrowDb, loadShedding: { maxInFlight: 2, retryAfterSeconds: 7 } });
    const t = Date.now();
    const waiting = [1, 2].map(() =>
      request(app)
        .get('/api/v1/petitions')
        .set(auth(officer))
        .then((r) => r),
    );
    // The two waiting requests hold both places: the third is shed before it touches the database.
    await new Promise((r) => setTimeout(r, 300));
    const shed = await request(app).get('/api/v1/petitions').set(auth(officer));
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');
    expect(shed.body.error.message).toContain('quá tải');
    expect(Date.now() - t).toBeLessThan(1_500);
    await request(app).get('/api/v1/health').expect(200);
    // The two waiting ones give up at the pool timeout: a 503 with Retry-After, not a hang or a 500.
    for (const res of await Promise.all(waiting)) {
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('Unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(Date.now() - t).toBeGreaterThanOrEqual(1_400);
    expect(Date.now() - t).toBeLessThan(10_000);
    // Places are given back: once the connection is free the same process answers again.
    release();
    await holding;
    await request(app).get('/api/v1/petitions').set(auth(officer)).expect(200);
  } finally {
    release();
    await narrowDb.$disconnect();
  }
});
