// Hostile and careless input at the edge: every refusal is a 4xx naming the problem, nothing reaches the
// database or a workflow that it cannot record, and the answers that must not change the case do not.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { OutboxStore } from '../../src/platform/runtime/smtp-sink';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, supervisor] = await Promise.all([h.login(h.org.officer.username), h.login(h.org.supervisor.username)]);
});

afterAll(async () => {
  await h?.stop();
});

const body = (overrides: Record<string, unknown> = {}) => ({
  kind: 'feedback',
  receivingUnitId: h.org.communeId,
  channel: 'online',
  field: 'roads',
  subject: 'Phản ánh ổ gà',
  body: 'Đường thôn 2 có ổ gà lớn.',
  receivedAt: new Date().toISOString(),
  petitioners: [{ fullName: 'Người Dân', email: 'nguoi.dan@example.test' }],
  ...overrides,
});

async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(body(overrides)).expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt' },
  );
  return res.body.id;
}

test('when a note carries NUL, then the action is refused with its field and the case does not move', async () => {
  const id = await registered();
  const res = await request(h.app)
    .post(`/api/v1/petitions/${id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept', note: 'ok\u0000' })
    .expect(400);
  expect(res.body.error.details).toEqual([{ path: 'note', message: expect.stringContaining('NUL') }]);
  for (const [path_, value] of [
    ['subject', 'Phản ánh\u0000'],
    ['body', 'a\u0007b'],
    ['petitioners', [{ fullName: 'A\uD800' }]],
  ] as const) {
    const refused = await request(h.app)
      .post('/api/v1/petitions')
      .set(auth(officer))
      .send(body({ [path_]: value }))
      .expect(400);
    expect(refused.body.error.details[0].path).toMatch(new RegExp(`^${path_}`));
  }
  const snapshot = await h.client.workflow
    .getHandle(`petition-${id}`)
    .query<{ stage: string }>('snapshot')
    .catch(() => null);
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).stage).toBe('received');
  if (snapshot) expect(snapshot.stage).toBe('received');
  // Tab, line feed and a surrogate pair (an emoji) are ordinary text.
  await request(h.app)
    .post(`/api/v1/petitions/${id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept', note: 'dòng 1\n\tdòng 2 👍' })
    .expect(200);
});

test('when the body cannot be read, then 413, 415 or 400 answers before authentication', async () => {
  const big = JSON.stringify({ note: 'x'.repeat(1_100_000) });
  await request(h.app).post('/api/v1/petitions').set('content-type', 'application/json').send(big).expect(413);
  await request(h.app)
    .post('/api/v1/petitions')
    .set('content-type', 'application/json; charset=latin1')
    .send('{}')
    .expect(415);
  await request(h.app)
    .post('/api/v1/petitions')
    .set('content-type', 'application/json; charset=utf-16')
    .send('{}')
    .expect(415);
  await request(h.app)
    .post('/api/v1/petitions')
    .set('content-type', 'application/json')
    .set('content-encoding', 'compress')
    .send('{}')
    .expect(415);
  const broken = gzipSync(Buffer.from('{"a":1}')).subarray(0, 12);
  await request(h.app)
    .post('/api/v1/petitions')
    .set('content-type', 'application/json')
    .set('content-encoding', 'gzip')
    .send(broken)
    .expect(400);
  await request(h.app).post('/api/v1/petitions').set('content-type', 'application/json').send('{"a":').expect(400);
  await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send(`api_key=x&description=${'y'.repeat(120_000)}`)
    .expect(413);
});

test('when a path or query value is malformed, then 400 or 404, never a database error', async () => {
  const answers: string[] = [];
  for (const bad of ['%FF', '%C0%AF', '%00', 'a%00b', '%E0%A4%A']) {
    for (const route of [
      `/api/v1/petitions/${bad}`,
      `/api/v1/petitions/${bad}/history`,
      `/api/v1/reception/sessions/${bad}`,
      `/api/v1/conferences/${bad}`,
      `/api/v1/track/${bad}`,
    ]) {
      const res = await request(h.app).get(route).set(auth(supervisor));
      if (res.status !== 400 && res.status !== 404) answers.push(`${route}: ${res.status}`);
    }
  }
  expect(answers).toEqual([]);
  await request(h.app).get('/api/v1/petitions?field=%00').set(auth(supervisor)).expect(400);
  await request(h.app).get('/api/v1/petitions?field=%FF').set(auth(supervisor)).expect(200);
});

test('when a report period is outside the calendar, then 400 says which years are served', async () => {
  const from = await request(h.app)
    .get('/api/v1/reports/petitions?from=0001-01-01&to=2026-01-31')
    .set(auth(supervisor))
    .expect(400);
  expect(JSON.stringify(from.body.error.details)).toContain('1900');
  const old = await request(h.app).get('/api/v1/reports/petitions?period=0099-Q1').set(auth(supervisor)).expect(400);
  expect(JSON.stringify(old.body.error.details)).toContain('2200');
  await request(h.app).get('/api/v1/reports/petitions?from=2026-02-01&to=2026-01-01').set(auth(supervisor)).expect(400);
  await request(h.app).get('/api/v1/reports/petitions?from=2026-02-30&to=2026-03-01').set(auth(supervisor)).expect(400);
  await request(h.app).get('/api/v1/reports/petitions?period=2026-Q1').set(auth(supervisor)).expect(200);
});

test('when a field value looks like a formula, then the CSV and XLSX exports neutralise it', async () => {
  const formula = '=HYPERLINK("http://evil.test","x")';
  await registered({ field: formula });
  const csv = await request(h.app)
    .get(`/api/v1/reports/petitions?period=${new Date().getFullYear()}&groupBy=field&format=csv`)
    .set(auth(supervisor))
    .expect(200);
  expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
  expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  const xlsx = await request(h.app)
    .get(`/api/v1/reports/petitions?period=${new Date().getFullYear()}&groupBy=field&format=xlsx`)
    .set(auth(supervisor))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.body as never);
  const cells: unknown[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
  expect(cells).toContain(`'${formula}`);
  expect(cells).not.toContain(formula);
});

test('when receivedAt lies in the future, then registration is refused', async () => {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send(body({ receivedAt: '2028-01-01T08:00:00+07:00' }))
    .expect(400);
  expect(res.body.error.details).toEqual([{ path: 'receivedAt', message: expect.stringContaining('future') }]);
});

test('when an Idempotency-Key is reused with a different body, then 422 lists the fields that differ', async () => {
  const key = `hostile-${Date.now()}`;
  const first = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .set('Idempotency-Key', key)
    .send(body())
    .expect(201);
  const replay = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .set('Idempotency-Key', key)
    .send(body())
    .expect(200);
  expect(replay.body.id).toBe(first.body.id);
  const other = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .set('Idempotency-Key', key)
    .send(body({ subject: 'Một việc khác hẳn', petitioners: [{ fullName: 'Người Dân', email: 'khac@example.test' }] }))
    .expect(422);
  expect(other.body.error.code).toBe('IdempotencyMismatch');
  expect(other.body.error.details.map((d: { path: string }) => d.path)).toEqual(['subject', 'petitioners.0.email']);
  expect(JSON.stringify(other.body)).not.toContain('khac@example.test');
  expect(await h.db.prisma.petition.count({ where: { idempotencyKey: key } })).toBe(1);
});

test("when a petition was received days before it was registered, then the timeline's received entry carries receivedAt", async () => {
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const id = await registered({ receivedAt: receivedAt.toISOString() });
  const view = await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(officer)).expect(200);
  const received = view.body.timeline.find((e: { type: string }) => e.type === 'received');
  expect(received.at).toBe(receivedAt.toISOString());
  expect(Date.parse(received.data.registeredAt)).toBeGreaterThan(receivedAt.getTime());
});

test("when the outbox keeps a message, then only the service's user can read the file", () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'danvan-sink-')), 'outbox');
  try {
    const store = new OutboxStore(dir);
    const id = store.save(Buffer.from('Subject: x\r\n\r\nhello'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, `${id}.eml`)).mode & 0o777).toBe(0o600);
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

// Last: it throttles this file's client address.
test('when sign-ins keep failing, then the account name and then the address are throttled with 429 and Retry-After, the same for a name that does not exist', async () => {
  const attempt = (username: string, password = 'wrong password') =>
    request(h.app).post('/api/v1/auth/login').send({ username, password });
  for (const username of [h.org.communeLeader.username, 'khong-ton-tai']) {
    for (let i = 0; i < 5; i++) expect((await attempt(username)).status).toBe(401);
    const throttled = await attempt(username);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.body.error.message).not.toMatch(/exist|tồn tại/i);
  }
  // Even the right password waits: a guesser learns nothing from a success during the lock.
  expect((await attempt(h.org.communeLeader.username, 'correct horse')).status).toBe(429);
  expect(await h.db.prisma.loginFailure.count({ where: { username: 'khong-ton-tai' } })).toBe(5);
  // Per address: many names, one client.
  let status = 0;
  for (let i = 0; i < 40 && status !== 429; i++) status = (await attempt(`ten-${i}`)).status;
  expect(status).toBe(429);
  expect((await attempt(h.org.provinceLeader.username, 'correct horse')).status).toBe(429);
});
