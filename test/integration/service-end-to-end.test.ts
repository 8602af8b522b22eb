// The whole service as `npm start` runs it (embedded PostgreSQL, Temporal dev server, SMTP sink, worker,
// HTTP API) with a deadline policy in seconds: the reminder, the leader reminder and the escalation
// e-mails arrive in the outbox and the history shows them. Under `npm run cluster` the same tests run against a
// real Temporal server with two workers and two API processes (test/support/cluster-target.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { clusterTarget } from '../support/cluster-target';
import { eventually } from '../support/eventually';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';
import { loadPayloadKeys } from '../../src/platform/temporal/payload-key';
import type { Payload } from '@temporalio/common';
import { readdirSync, readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { Client as PgClient } from 'pg';

const cluster = clusterTarget();
let service: Pick<ServiceProcess, 'apiUrl' | 'databaseUrl' | 'temporalAddress' | 'output'> &
  Partial<Pick<ServiceProcess, 'stop'>>;
let dataDir: string;

beforeAll(async () => {
  if (cluster) {
    service = cluster;
    dataDir = cluster.dataDir;
    return;
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-e2e-'));
  chmodSync(dataDir, 0o755);
  service = await startServiceProcess({
    DANVAN_DATA_DIR: dataDir,
    POLICY_FILE: path.join(__dirname, '..', 'fixtures', 'policy-seconds.json'),
  });
}, 120_000);

afterAll(async () => {
  // The cluster is the script's to stop: it checks each process's exit code.
  if (cluster) return;
  if (service?.stop) expect(await service.stop()).toBe(0);
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${service.apiUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function login(username: string): Promise<string> {
  const res = await call('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.token;
}

test('when a second copy starts on the same data folder, then it says one is running and exits', async () => {
  const second = await startServiceProcess({ DANVAN_DATA_DIR: dataDir }).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(second).toMatch(/already running/);
});

test('when a complaint runs past its deadline, then reminders and the escalation e-mails arrive and the history shows them', async () => {
  const officer = await login('can-bo-tien-du');
  const leader = await login('chu-tich-tien-du');
  const supervisor = await login('thanh-tra-vien');
  const marker = `Ghi chú riêng ${Date.now()}`;

  const created = await call('POST', '/petitions', officer, {
    kind: 'complaint',
    receivingUnitId: 'xa-tien-du',
    channel: 'in_person',
    field: 'site_clearance',
    subject: 'Khiếu nại bồi thường giải phóng mặt bằng',
    body: 'Mức bồi thường thấp hơn giá thị trường.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: 'Cao Thị Dân', email: 'cao.thi.dan@example.test', phone: '0911222333' }],
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await call('POST', `/petitions/${id}/actions`, officer, { action: 'accept', note: marker })).status).toBe(
    200,
  );
  expect(
    (await call('POST', `/petitions/${id}/actions`, leader, { action: 'assign', assigneeId: 'can-bo-tien-du' })).status,
  ).toBe(200);

  const outbox = async () =>
    (await call('GET', '/outbox', supervisor)).body.items as { to: string[]; subject: string }[];
  const arrived = (to: string, subject: RegExp) => async () =>
    (await outbox()).some((m) => m.to.includes(to) && subject.test(m.subject));
  await eventually(arrived('cao.thi.dan@example.test', /Đã tiếp nhận đơn/), {
    what: 'acknowledgement',
    timeoutMs: 20_000,
  });
  await eventually(arrived('can-bo-tien-du@danvan.local', /Nhắc hạn/), { what: 'officer reminder', timeoutMs: 30_000 });
  await eventually(arrived('chu-tich-tien-du@danvan.local', /Đơn đến hạn/), {
    what: 'leader reminder',
    timeoutMs: 30_000,
  });
  await eventually(arrived('chu-tich-tinh@danvan.local', /quá hạn/), {
    what: 'escalation to the province',
    timeoutMs: 30_000,
  });

  const history = await eventually(
    async () => {
      const h = await call('GET', `/petitions/${id}/history`, supervisor);
      return h.body.timeline?.some((e: { type: string }) => e.type === 'escalated') ? h.body : null;
    },
    { what: 'the escalation in the history' },
  );
  expect(history.timeline.map((e: { type: string }) => e.type)).toEqual([
    'received',
    'accept',
    'assign',
    'reminder',
    'reminder',
    'escalated',
  ]);
  expect(history.timeline[5].data).toMatchObject({ toUnitId: 'tinh-bac-ninh', recipientIds: ['chu-tich-tinh'] });
  const temporalTypes = history.temporal.events.map((e: { type: string }) => e.type);
  expect(temporalTypes.filter((t: string) => t === 'TIMER_FIRED').length).toBeGreaterThanOrEqual(3);
  expect(history.temporal.events.some((e: { summary: string }) => e.summary.includes('template=escalation'))).toBe(
    true,
  );

  const view = await call('GET', `/petitions/${id}`, officer);
  expect(view.body).toMatchObject({ escalated: true, stage: 'assigned', nextDeadline: { overdue: true } });

  // The raw history, read without the payload key, holds no readable personal data or notes.
  const connection = await Connection.connect({ address: service.temporalAddress });
  try {
    const raw = await new Client({ connection }).workflow.getHandle(created.body.workflowId).fetchHistory();
    const started = raw.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(started.metadata!.encoding!).toString()).toBe('binary/encrypted');
    const allBytes = Buffer.concat(collectBytes(raw));
    expect(allBytes.length).toBeGreaterThan(1000);
    for (const needle of [marker, 'Cao Thị Dân', '0911222333', 'cao.thi.dan@example.test']) {
      expect(allBytes.includes(Buffer.from(needle))).toBe(false);
    }
    // Positive control: the same search over payloads decoded with the service's key finds the note.
    const codec = new AesGcmPayloadCodec(
      loadPayloadKeys({ file: path.join(dataDir, 'payload.key') }, { createIfMissing: false }),
    );
    const decoded = Buffer.concat(
      (await codec.decode(collectPayloads(raw))).map((p) => Buffer.from(p.data ?? new Uint8Array())),
    );
    expect(decoded.includes(Buffer.from(marker))).toBe(true);
  } finally {
    await connection.close();
  }
  // ...while the supervisor's view, decoded with the key, shows the note.
  const withNote = await call('GET', `/petitions/${id}`, supervisor);
  expect(withNote.body.timeline[1].note).toBe(marker);
});

test("when a denunciation runs its course, then the denouncer's name and phone appear only in e-mails to the denouncer", async () => {
  const officer = await login('can-bo-tien-du');
  const leader = await login('chu-tich-tien-du');
  const supervisor = await login('thanh-tra-vien');
  const tag = String(Date.now()).slice(-6);
  const name = `Tô Bí Mật ${tag}`;
  const phone = `0988${tag}`;
  const email = `to.cao.${tag}@example.test`;
  const created = await call('POST', '/petitions', officer, {
    kind: 'denunciation',
    receivingUnitId: 'xa-tien-du',
    channel: 'in_person',
    field: 'officials_conduct',
    subject: 'Tố cáo cán bộ nhận hối lộ',
    body: 'Nội dung tố cáo chi tiết.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: name, phone, email, address: 'Thôn Đông, xã Tiên Du' }],
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await eventually(async () => (await call('GET', `/petitions/${id}`, officer)).body.timeline?.length > 0, {
    what: 'the receipt',
  });
  expect((await call('POST', `/petitions/${id}/actions`, officer, { action: 'accept' })).status).toBe(200);
  expect(
    (await call('POST', `/petitions/${id}/actions`, leader, { action: 'assign', assigneeId: 'can-bo-tien-du' })).status,
  ).toBe(200);
  // The assigned officer opens the identity to verify: allowed, and recorded.
  const opened = await call(
    'GET',
    `/petitions/${id}?revealIdentity=true&reason=${encodeURIComponent('Xác minh người tố cáo')}`,
    officer,
  );
  expect(opened.body.petitioners[0]).toMatchObject({ fullName: name, phone });
  expect((await call('GET', `/petitions/${id}`, supervisor)).body.petitioners[0].fullName).toBe('công dân');
  expect(
    (await call('POST', `/petitions/${id}/actions`, leader, { action: 'resolve', summary: 'Tố cáo đúng một phần' }))
      .status,
  ).toBe(200);
  expect(
    (
      await call('POST', `/petitions/${id}/actions`, officer, {
        action: 'reportBack',
        summary: 'Đã thông báo kết quả giải quyết tố cáo',
      })
    ).status,
  ).toBe(200);
  const outbox = async () =>
    (await call('GET', '/outbox', supervisor)).body.items as { id: string; to: string[]; subject: string }[];
  // The supervisor holds no grant: the message to the denouncer shows a sealed recipient, never the address.
  await eventually(
    async () => (await outbox()).some((m) => m.to.includes('công dân (sealed)') && /Kết quả/.test(m.subject)),
    { what: 'the result e-mail to the denouncer' },
  );
  expect(JSON.stringify(await outbox())).not.toContain(email);

  const needles = [name, phone, 'Thôn Đông'];
  // The database, row by row as JSON, without the sealed column.
  const db = new PgClient({ connectionString: service.databaseUrl });
  await db.connect();
  try {
    const tables = (
      await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
    ).rows.map((r) => r.tablename);
    expect(tables).toEqual(
      expect.arrayContaining(['Petition', 'Petitioner', 'PetitionEvent', 'Notification', 'IdentityAccess']),
    );
    let dump = '';
    for (const t of tables)
      dump += (await db.query(`SELECT (to_jsonb(x) - 'sealedIdentity')::text AS row FROM "${t}" x`)).rows
        .map((r) => r.row)
        .join('\n');
    expect(dump).toContain(id);
    for (const n of [...needles, email]) expect(dump).not.toContain(n);
  } finally {
    await db.end();
  }
  // Temporal's history, raw.
  const connection = await Connection.connect({ address: service.temporalAddress });
  try {
    const raw = Buffer.concat(
      collectBytes(await new Client({ connection }).workflow.getHandle(created.body.workflowId).fetchHistory()),
    );
    for (const n of [...needles, email]) expect(raw.includes(Buffer.from(n))).toBe(false);
  } finally {
    await connection.close();
  }
  // The service's logs.
  expect(service.output()).toContain('request completed');
  for (const n of [...needles, email]) expect(service.output()).not.toContain(n);
  // The outbox: the name only in messages to the denouncer; the phone and address nowhere.
  const files = readdirSync(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
  let toDenouncer = 0;
  for (const file of files) {
    const mail = await simpleParser(readFileSync(path.join(dataDir, 'outbox', file)));
    const to = JSON.stringify(mail.to);
    const text = `${mail.subject}\n${mail.text}`;
    if (to.includes(email)) {
      toDenouncer += 1;
      continue;
    }
    for (const n of needles) expect(text).not.toContain(n);
  }
  expect(toDenouncer).toBeGreaterThanOrEqual(3); // acknowledgement, acceptance notice, result
});

/** Every byte array anywhere in a decoded history: payload data and metadata. */
function collectBytes(value: unknown, out: Buffer[] = []): Buffer[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value));
  else if (Array.isArray(value)) for (const v of value) collectBytes(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectBytes(v, out);
  return out;
}

function collectPayloads(value: unknown, out: Payload[] = []): Payload[] {
  if (value instanceof Uint8Array) return out;
  if (Array.isArray(value)) for (const v of value) collectPayloads(v, out);
  else if (value && typeof value === 'object') {
    const v = value as Payload;
    if (v.metadata && v.data instanceof Uint8Array) out.push(v);
    else for (const child of Object.values(value)) collectPayloads(child, out);
  }
  return out;
}
