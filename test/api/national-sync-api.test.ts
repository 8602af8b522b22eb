// The national record and the sync's report through the API, in the secrecy test's style: a real
// denunciation (sealed by the registration code), an internal note on it, one sync run pushed to a local
// HTTPS receiver; then every response and every byte the receiver got is searched for the denouncer's name,
// phone, e-mail and address and for the note — with positive controls showing the same needles are found
// where they legitimately are. Who may read the report is checked too.
import path from 'node:path';
import request from 'supertest';
import { createNationalSyncActivities } from '../../activities/national';
import { withDefaults } from '../../activities/shared/deps';
import { openIdentity } from '../../src/org/identity-seal';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { startNationalReceiver, type NationalReceiver } from '../support/national-receiver';

let h: ApiHarness;
let receiver: NationalReceiver;
const tag = String(Date.now()).slice(-6);
const NAME = `Lý Ẩn Danh ${tag}`;
const PHONE = `0966${tag}`;
const EMAIL = `an.danh.${tag}@example.test`;
const ADDRESS = `Hẻm Kín ${tag}, phường Lặng`;
const NOTE = `Ghi chú nội bộ ${tag}: nghi người tố cáo là họ hàng`;
const NEEDLES = [NAME, PHONE, EMAIL, ADDRESS, NOTE];
const COMPLAINANT = `Hoàng Công Khai ${tag}`;
let denunciationId: string;
let complaintId: string;
let runId: string;
let activities: ReturnType<typeof createNationalSyncActivities>;
let register: (body: object) => Promise<string>;

beforeAll(async () => {
  [h, receiver] = await Promise.all([
    startApiHarness(),
    startNationalReceiver(path.join(__dirname, '..', '..', 'schemas', 'national-record.v1.schema.json')),
  ]);
  await receiver.up();
  const [officer, leader] = [await h.login(h.org.officer.username), await h.login(h.org.communeLeader.username)];
  register = async (body: object) =>
    (
      await request(h.app)
        .post('/api/v1/petitions')
        .set(auth(officer))
        .send({
          receivingUnitId: h.org.communeId,
          channel: 'in_person',
          field: 'officials_conduct',
          body: 'Nội dung.',
          receivedAt: new Date().toISOString(),
          ...body,
        })
        .expect(201)
    ).body.id as string;
  denunciationId = await register({
    kind: 'denunciation',
    subject: 'Tố cáo cán bộ',
    petitioners: [{ fullName: NAME, phone: PHONE, email: EMAIL, address: ADDRESS }],
  });
  complaintId = await register({
    kind: 'complaint',
    subject: 'Khiếu nại quyết định',
    petitioners: [{ fullName: COMPLAINANT, address: 'Thôn Sáng' }],
  });
  for (const id of [denunciationId, complaintId])
    await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: id, type: 'received' } }), {
      what: 'the receipt',
    });
  for (const [who, action] of [
    [officer, { action: 'accept' }],
    [leader, { action: 'assign', assigneeId: h.org.officer.id }],
    [leader, { action: 'resolve', summary: 'Tố cáo đúng một phần' }],
  ] as const)
    await request(h.app).post(`/api/v1/petitions/${denunciationId}/actions`).set(auth(who)).send(action).expect(200);
  await request(h.app)
    .post(`/api/v1/petitions/${denunciationId}/notes`)
    .set(auth(officer))
    .send({ body: NOTE })
    .expect(201);

  // One sync run, its activities called directly (the workflow's own test is test/workflows/national-sync.test.ts).
  activities = createNationalSyncActivities({
    ...withDefaults({
      prisma: h.db.prisma,
      mailer: h.mailer,
      appUrl: 'http://danvan.test',
      identityKey: TEST_IDENTITY_KEY,
    }),
    nationalSync: {
      url: receiver.url,
      token: receiver.token,
      caPem: receiver.caPem,
      intervalMinutes: 60,
      batchSize: 10,
      requestTimeoutMs: 5_000,
    },
  });
  runId = `national-sync-${h.org.provinceId}:1`;
  const batch = await activities.prepareNationalRecords({ runId, unitId: h.org.provinceId, batchSize: 10 });
  for (const p of batch.pending) await activities.pushNationalRecord({ runId, petitionId: p.petitionId });
  // A retried push after the receiver took it sends nothing again.
  expect(await activities.pushNationalRecord({ runId, petitionId: denunciationId })).toEqual({
    outcome: 'alreadyHeld',
    version: null,
  });
  await activities.finishNationalSyncRun({ runId });
}, 120_000);

afterAll(async () => {
  await receiver?.stop();
  await h?.stop();
});

test('when a supervisor reads the sync report, then it lists the run and each record version delivered once', async () => {
  const supervisor = await h.login(h.org.supervisor.username);
  const runs = await request(h.app).get('/api/v1/national-sync/runs').set(auth(supervisor)).expect(200);
  expect(runs.body.items).toEqual([
    expect.objectContaining({ id: runId, unitId: h.org.provinceId, found: 2, accepted: 2, rejected: 0, retried: 0 }),
  ]);
  expect(runs.body.items[0].finishedAt).not.toBeNull();
  const run = await request(h.app)
    .get(`/api/v1/national-sync/runs/${encodeURIComponent(runId)}`)
    .set(auth(supervisor))
    .expect(200);
  expect(run.body.deliveries.map((d: { idempotencyKey: string }) => d.idempotencyKey).sort()).toEqual(
    [`${denunciationId}:v1`, `${complaintId}:v1`].sort(),
  );
  expect(receiver.raw.map((r) => r.idempotencyKey).sort()).toEqual(
    [`${denunciationId}:v1`, `${complaintId}:v1`].sort(),
  );
});

test('when an officer, a leader or an API token asks for the report or a record, then they are refused', async () => {
  const admin = await h.login(h.org.admin.username);
  const token = (
    await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: 'reports', scopes: ['reports:read'], unitId: h.org.provinceId })
      .expect(201)
  ).body.token as string;
  for (const credential of [
    await h.login(h.org.officer.username),
    await h.login(h.org.communeLeader.username),
    await h.login(h.org.otherOfficer.username),
    token,
  ]) {
    await request(h.app).get('/api/v1/national-sync/runs').set(auth(credential)).expect(403);
    await request(h.app)
      .get(`/api/v1/national-sync/runs/${encodeURIComponent(runId)}`)
      .set(auth(credential))
      .expect(403);
    await request(h.app).get(`/api/v1/national-sync/records/${denunciationId}`).set(auth(credential)).expect(403);
  }
  await request(h.app).get('/api/v1/national-sync/runs/nope').set(auth(admin)).expect(404);
});

test("when the receiver's records and every national-sync response are searched, then the denouncer and the note appear in none", async () => {
  // Positive controls: the identity is in the database (sealed) and the note is on the case.
  const row = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: denunciationId } });
  expect(openIdentity(TEST_IDENTITY_KEY, row.sealedIdentity!)).toMatchObject({ fullName: NAME, phone: PHONE });
  const officer = await h.login(h.org.officer.username);
  const notes = await request(h.app).get(`/api/v1/petitions/${denunciationId}/notes`).set(auth(officer)).expect(200);
  expect(JSON.stringify(notes.body)).toContain(NOTE);

  const texts: Record<string, string> = {};
  for (const r of receiver.stored.values()) texts[`receiver ${r.idempotencyKey}`] = JSON.stringify(r.body);
  for (const who of [h.org.admin.username, h.org.supervisor.username]) {
    const credential = await h.login(who);
    for (const p of [
      '/api/v1/national-sync/runs',
      `/api/v1/national-sync/runs/${encodeURIComponent(runId)}`,
      `/api/v1/national-sync/records/${denunciationId}`,
      `/api/v1/national-sync/records/${complaintId}`,
    ]) {
      const res = await request(h.app).get(p).set(auth(credential)).expect(200);
      texts[`${who} GET ${p}`] = res.text;
    }
  }
  const stored = await h.db.prisma.nationalRecord.findMany();
  texts['NationalRecord rows'] = JSON.stringify(stored);
  texts['NationalSyncDelivery rows'] = JSON.stringify(await h.db.prisma.nationalSyncDelivery.findMany());
  const leaks = Object.entries(texts).flatMap(([where, text]) =>
    NEEDLES.filter((n) => text.includes(n)).map((n) => `${where}: ${n}`),
  );
  expect(leaks).toEqual([]);

  // The denunciation went out with its outcome and "công dân"; the complainant is named (the search can find names).
  const sentDenunciation = receiver.stored.get(`${denunciationId}:v1`)!.body;
  expect(sentDenunciation).toMatchObject({
    kind: 'denunciation',
    stage: 'resolved',
    petitioners: { count: 1, listed: [{ sealed: true, name: 'công dân', representative: false }] },
    outcome: { type: 'resolved', summary: 'Tố cáo đúng một phần' },
  });
  expect(texts[`receiver ${complaintId}:v1`]).toContain(COMPLAINANT);
  expect(Object.keys(texts).length).toBe(12);
});

test('when the receiver refuses a record, then the run reports it, it is not offered again, and a change offers it anew', async () => {
  const id = await register({
    kind: 'recommendation',
    subject: 'Kiến nghị sửa đường',
    petitioners: [{ fullName: 'Ai Đó' }],
  });
  await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: id, type: 'received' } }), {
    what: 'the receipt',
  });
  receiver.refuseRecord(id);
  const run = `national-sync-${h.org.provinceId}:2`;
  const batch = await activities.prepareNationalRecords({ runId: run, unitId: h.org.provinceId, batchSize: 10 });
  expect(batch.pending).toEqual([{ petitionId: id, version: 1 }]);
  expect(await activities.pushNationalRecord({ runId: run, petitionId: id })).toEqual({
    outcome: 'rejected',
    version: 1,
  });
  expect(await activities.finishNationalSyncRun({ runId: run })).toMatchObject({ found: 1, accepted: 0, rejected: 1 });
  const delivery = await h.db.prisma.nationalSyncDelivery.findUniqueOrThrow({ where: { idempotencyKey: `${id}:v1` } });
  expect(delivery).toMatchObject({ outcome: 'rejected', httpStatus: 422 });
  expect(delivery.error).toContain('refused');
  expect(receiver.stored.has(`${id}:v1`)).toBe(false);

  // Not offered again while unchanged; a change makes v2, offered at once.
  const run3 = `national-sync-${h.org.provinceId}:3`;
  expect(
    (await activities.prepareNationalRecords({ runId: run3, unitId: h.org.provinceId, batchSize: 10 })).pending,
  ).toEqual([]);
  await h.db.prisma.petition.update({ where: { id }, data: { subject: 'Kiến nghị sửa đường liên thôn' } });
  expect(
    (await activities.prepareNationalRecords({ runId: run3, unitId: h.org.provinceId, batchSize: 10 })).pending,
  ).toEqual([{ petitionId: id, version: 2 }]);
});
