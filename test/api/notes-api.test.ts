// Internal notes: staff who read the case write and read them; a mentioned colleague is e-mailed once;
// the note's text is absent from everything the citizen sees or receives and from reports and exports.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherOfficer: string;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherOfficer, supervisor, admin] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherOfficer.username),
    h.login(h.org.supervisor.username),
    h.login(h.org.admin.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const CITIZEN_EMAIL = `cong.dan.${randomBytes(3).toString('hex')}@example.test`;

async function register(): Promise<{ id: string; trackingCode: string; trackingSecret: string }> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Khiếu nại bồi thường',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Hoàng Văn Dân', email: CITIZEN_EMAIL }],
    })
    .expect(201);
  return res.body;
}

const note = (id: string, token: string, body: object, key?: string) =>
  request(h.app)
    .post(`/api/v1/petitions/${id}/notes`)
    .set(auth(token))
    .set(key ? { 'idempotency-key': key } : {})
    .send(body);

test('when an officer writes a note mentioning the leader, then staff who read the case see who wrote it and when, and the leader is e-mailed once without its text', async () => {
  const p = await register();
  const text = 'Người khiếu nại là họ hàng của cán bộ địa chính — cần tránh xung đột lợi ích';
  const first = await note(p.id, officer, { body: text, mentionIds: [h.org.communeLeader.id] }, 'n-1').expect(201);
  expect(first.body).toMatchObject({
    petitionId: p.id,
    author: { id: h.org.officer.id, fullName: 'Phạm Văn Cán' },
    body: text,
    mentions: [{ id: h.org.communeLeader.id, fullName: 'Trần Thị Xã', mail: 'sent' }],
    createdAt: expect.any(String),
  });
  // The same request again: the same note, no second e-mail.
  const again = await note(p.id, officer, { body: text, mentionIds: [h.org.communeLeader.id] }, 'n-1').expect(200);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body.id).toBe(first.body.id);
  const mails = h.mailer.to(h.org.communeLeader.email).filter((m) => m.subject.includes(p.trackingCode));
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toContain('nhắc đến');
  expect(mails[0]!.text).toContain(`http://danvan.test/console/petitions/${p.id}#notes`);
  expect(mails[0]!.text).not.toContain('họ hàng');

  await note(p.id, leader, { body: 'Đã giao cho cán bộ khác xác minh' }).expect(201);
  for (const token of [officer, leader, supervisor]) {
    const list = await request(h.app).get(`/api/v1/petitions/${p.id}/notes`).set(auth(token)).expect(200);
    expect(list.body.items.map((n: { author: { id: string }; body: string }) => [n.author.id, n.body])).toEqual([
      [h.org.officer.id, text],
      [h.org.communeLeader.id, 'Đã giao cho cán bộ khác xác minh'],
    ]);
  }
});

test('when the caller cannot read the case, or a mention names someone who cannot, then the note is refused', async () => {
  const p = await register();
  await note(p.id, otherOfficer, { body: 'ghi chú' }).expect(403);
  await request(h.app).get(`/api/v1/petitions/${p.id}/notes`).set(auth(otherOfficer)).expect(403);
  const bad = await note(p.id, officer, { body: 'ghi chú', mentionIds: [h.org.otherOfficer.id] }).expect(400);
  expect(bad.body.error.details[0].path).toBe('mentionIds');
  expect((await note(p.id, officer, { body: '' }).expect(400)).body.error.details[0].path).toBe('body');
  // An integration's token reads petitions for other systems: never the notes.
  const token = (
    await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: 'Cổng dữ liệu', scopes: ['petitions:read'], unitId: h.org.communeId })
      .expect(201)
  ).body.token;
  await request(h.app).get(`/api/v1/petitions/${p.id}/notes`).set(auth(token)).expect(403);
  expect(await h.db.prisma.petitionNote.count({ where: { petitionId: p.id } })).toBe(0);
});

test('when a case carries a note, then its text appears in no citizen-facing response, citizen e-mail, Open311 view or report export', async () => {
  const marker = `GHICHU-${randomBytes(4).toString('hex')}`;
  const p = await register();
  await note(p.id, officer, {
    body: `Nội bộ ${marker}: không cho công dân biết`,
    mentionIds: [h.org.communeLeader.id],
  }).expect(201);
  await request(h.app)
    .post(`/api/v1/petitions/${p.id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept', note: 'Thụ lý' })
    .expect(200);
  await eventually(
    async () =>
      h.mailer.to(CITIZEN_EMAIL).find((m) => m.text.includes(p.trackingCode) || m.subject.includes(p.trackingCode)) ??
      null,
    { what: 'the notice to the citizen' },
  );

  // Open311: a feedback filed by a civic app, with a note on it.
  const writeKey = (
    await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: 'Ứng dụng', scopes: ['petitions:write', 'petitions:read'], unitId: h.org.communeId })
      .expect(201)
  ).body.token;
  const filed = await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({
      api_key: writeKey,
      service_code: 'PA-INFRASTRUCTURE',
      description: 'Cống thoát nước tắc',
      address_string: 'Thôn 2',
      email: CITIZEN_EMAIL,
    })
    .expect(201);
  const code = filed.body[0].service_request_id as string;
  const viaApp = await h.db.prisma.petition.findUniqueOrThrow({ where: { trackingCode: code } });
  await note(viaApp.id, officer, { body: `Nội bộ ${marker} (Open311)` }).expect(201);

  const responses = [
    await request(h.app).get(`/api/v1/track/${p.trackingCode}`).set('x-tracking-secret', p.trackingSecret).expect(200),
    await request(h.app).get(`/open311/v2/requests/${code}.json?api_key=${writeKey}`).expect(200),
    await request(h.app).get(`/open311/v2/requests.json?api_key=${writeKey}`).expect(200),
    await request(h.app).get(`/api/v1/petitions/${p.id}`).set(auth(officer)).expect(200),
    await request(h.app).get(`/api/v1/petitions/${p.id}/history`).set(auth(supervisor)).expect(200),
    await request(h.app).get(`/api/v1/petitions?pageSize=200`).set(auth(supervisor)).expect(200),
    await request(h.app)
      .get(`/api/v1/reports/petitions?period=${new Date().getUTCFullYear()}&groupBy=unit&format=csv`)
      .set(auth(supervisor))
      .expect(200),
    await request(h.app)
      .get(`/api/v1/reports/petitions?period=${new Date().getUTCFullYear()}&groupBy=unit`)
      .set(auth(supervisor))
      .expect(200),
  ];
  // The search must be able to fail: the staff's own notes list does carry the marker.
  const notes = await request(h.app).get(`/api/v1/petitions/${p.id}/notes`).set(auth(officer)).expect(200);
  expect(JSON.stringify(notes.body)).toContain(marker);
  for (const res of responses) expect(`${res.text}${JSON.stringify(res.body)}`).not.toContain(marker);
  // Nothing sent by e-mail (to the citizen or anyone) carries it, nor the notification log, nor the events.
  expect(h.mailer.sent.length).toBeGreaterThan(0);
  for (const m of h.mailer.sent) expect(JSON.stringify(m)).not.toContain(marker);
  expect(JSON.stringify(await h.db.prisma.notification.findMany())).not.toContain(marker);
  expect(
    JSON.stringify(await h.db.prisma.petitionEvent.findMany({ where: { petitionId: { in: [p.id, viaApp.id] } } })),
  ).not.toContain(marker);
});

test('when the relay refuses the mention e-mail, then the note is kept, the mention pending, and the repeated request sends it once', async () => {
  const p = await register();
  h.mailer.failNextMatching((m) => m.subject.includes('nhắc đến') && m.subject.includes(p.trackingCode), 1);
  const first = await note(
    p.id,
    officer,
    { body: 'Cần ý kiến lãnh đạo', mentionIds: [h.org.communeLeader.id] },
    'n-relay',
  ).expect(201);
  expect(first.body.mentions[0].mail).toBe('pending');
  const again = await note(
    p.id,
    officer,
    { body: 'Cần ý kiến lãnh đạo', mentionIds: [h.org.communeLeader.id] },
    'n-relay',
  ).expect(200);
  expect(again.body.mentions[0].mail).toBe('sent');
  await note(p.id, officer, { body: 'Cần ý kiến lãnh đạo', mentionIds: [h.org.communeLeader.id] }, 'n-relay').expect(
    200,
  );
  expect(h.mailer.to(h.org.communeLeader.email).filter((m) => m.subject.includes(p.trackingCode))).toHaveLength(1);
  expect(await h.db.prisma.petitionNote.count({ where: { petitionId: p.id } })).toBe(1);
});
