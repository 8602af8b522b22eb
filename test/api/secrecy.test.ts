// A denouncer's identity (Luật Tố cáo 2018, Đ.47) read for, everywhere an unentitled account or token can
// look: every GET the API offers them, the outbox and each message in it included. The positive control
// shows the same needles are found where they legitimately are (the e-mails to the denouncer, the view of
// the assigned officer who opens the identity), so a search that finds nothing means something.
import request from 'supertest';
import { hashPassword } from '../../src/org/auth';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
const tag = String(Date.now()).slice(-6);
const NAME = `Bùi Kín Đáo ${tag}`;
const PHONE = `0977${tag}`;
const EMAIL = `kin.dao.${tag}@example.test`;
const ADDRESS = `Xóm Giữa ${tag}, thôn Bí Mật`;
const NEEDLES = [NAME, PHONE, EMAIL, ADDRESS];
let petitionId: string;
let trackingCode: string;

beforeAll(async () => {
  h = await startApiHarness({}, { outbox: true });
  const [officer, leader] = [await h.login(h.org.officer.username), await h.login(h.org.communeLeader.username)];
  const created = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'denunciation',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'officials_conduct',
      subject: 'Tố cáo cán bộ địa chính',
      body: 'Nội dung tố cáo.',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: NAME, phone: PHONE, email: EMAIL, address: ADDRESS }],
    })
    .expect(201);
  petitionId = created.body.id;
  trackingCode = created.body.trackingCode;
  await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId, type: 'received' } }), {
    what: 'the receipt',
  });
  for (const [who, action] of [
    [officer, { action: 'accept' }],
    [leader, { action: 'assign', assigneeId: h.org.officer.id }],
    [leader, { action: 'resolve', summary: 'Tố cáo đúng một phần' }],
    [officer, { action: 'reportBack', summary: 'Đã báo kết quả' }],
  ] as const) {
    await request(h.app).post(`/api/v1/petitions/${petitionId}/actions`).set(auth(who)).send(action).expect(200);
  }
  // A note mentioning the leader: its e-mail is one of the staff e-mails read whole below.
  await request(h.app)
    .post(`/api/v1/petitions/${petitionId}/notes`)
    .set(auth(officer))
    .send({ body: 'Cần ý kiến lãnh đạo về người gửi đơn', mentionIds: [h.org.communeLeader.id] })
    .expect(201);
  await eventually(
    async () => ((await h.outbox!.list()).filter((m) => m.to.includes(EMAIL)).length >= 3 ? true : null),
    { what: 'three e-mails to the denouncer' },
  );
});

afterAll(async () => {
  await h?.stop();
});

async function unentitled(): Promise<Record<string, string>> {
  const passwordHash = await hashPassword('correct horse');
  const personId = `ad1-${tag}`;
  await h.db.prisma.person.create({
    data: {
      id: personId,
      username: personId,
      fullName: 'Quản trị xã',
      email: `${personId}@example.test`,
      passwordHash,
      unitId: h.org.communeId,
    },
  });
  await h.db.prisma.roleBinding.create({ data: { personId, role: 'admin', unitId: h.org.communeId } });
  const admin = await h.login(h.org.admin.username);
  const token = async (scope: string) =>
    (
      await request(h.app)
        .post('/api/v1/tokens')
        .set(auth(admin))
        .send({ name: scope, scopes: [scope], unitId: h.org.communeId })
        .expect(201)
    ).body.token as string;
  return {
    'supervisor (province, no grant)': await h.login(h.org.supervisor.username),
    'admin (province)': admin,
    'admin (commune 1)': await h.login(personId),
    'leader (commune 2)': await h.login(h.org.otherCommuneLeader.username),
    'officer (commune 2)': await h.login(h.org.otherOfficer.username),
    'token petitions:read': await token('petitions:read'),
    'token petitions:write': await token('petitions:write'),
    'token reports:read': await token('reports:read'),
  };
}

const year = new Date().getFullYear();
const GETS = [
  '/api/v1/auth/me',
  '/api/v1/petitions?pageSize=200',
  `/api/v1/petitions?pageSize=200&petitioner=${encodeURIComponent(NAME)}`,
  `/api/v1/petitions?pageSize=200&petitioner=${encodeURIComponent(`Kín Đáo ${tag}`)}`,
  () => `/api/v1/petitions/${petitionId}`,
  () => `/api/v1/petitions/${petitionId}?revealIdentity=true&reason=${encodeURIComponent('tò mò')}`,
  () => `/api/v1/petitions/${petitionId}/history`,
  '/api/v1/outbox',
  `/api/v1/reports/petitions?period=${year}&groupBy=none`,
  `/api/v1/reports/petitions?period=${year}&groupBy=field&format=csv`,
  `/api/v1/reports/leaders?period=${year}`,
  `/api/v1/reports/conferences?period=${year}`,
  `/api/v1/reception/obligations?period=${year}`,
  '/api/v1/reception/schedules',
  '/api/v1/reception/sessions',
  '/api/v1/conferences',
  '/api/v1/conferences/proposals',
  '/api/v1/identity-grants',
  '/api/v1/tokens',
  '/api/v1/admin/units',
  '/api/v1/admin/people',
  '/api/v1/public/notices',
  () => `/api/v1/track/${trackingCode}`,
];

test("when unentitled accounts and tokens read every response they can get, then the denouncer's name, phone, e-mail and address appear in none", async () => {
  // Positive controls: the needles are where they belong.
  const toDenouncer = await Promise.all(
    (await h.outbox!.list()).filter((m) => m.to.includes(EMAIL)).map((m) => h.outbox!.get(m.id)),
  );
  expect(toDenouncer.some((m) => m!.text.includes(NAME))).toBe(true);
  expect(toDenouncer.some((m) => m!.html?.includes(NAME))).toBe(true);
  const officer = await h.login(h.org.officer.username);
  const opened = await request(h.app)
    .get(`/api/v1/petitions/${petitionId}?revealIdentity=true&reason=${encodeURIComponent('Xác minh')}`)
    .set(auth(officer))
    .expect(200);
  expect(opened.body.petitioners[0]).toMatchObject({ fullName: NAME, phone: PHONE, email: EMAIL, address: ADDRESS });

  const leaks: string[] = [];
  const statuses: Record<string, number> = {};
  let read = 0;
  for (const [who, credential] of Object.entries(await unentitled())) {
    const paths = GETS.map((p) => (typeof p === 'function' ? p() : p));
    const outbox = await request(h.app).get('/api/v1/outbox').set(auth(credential));
    if (outbox.status === 200)
      for (const m of outbox.body.items as { id: string }[]) paths.push(`/api/v1/outbox/${m.id}`);
    if (who.startsWith('token'))
      paths.push(
        `/open311/v2/requests.json?api_key=${credential}`,
        `/open311/v2/requests/${trackingCode}.json?api_key=${credential}`,
      );
    for (const path of paths) {
      const res = await request(h.app).get(path).set(auth(credential));
      read += 1;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status).toBeLessThan(500);
      const text = res.text ?? JSON.stringify(res.body);
      for (const needle of NEEDLES) if (text.includes(needle)) leaks.push(`${who} GET ${path}: ${needle}`);
    }
  }
  expect(leaks).toEqual([]);
  // Enough was actually read: the outbox opened for the supervisors and admins, and most routes answered.
  expect(read).toBeGreaterThan(8 * GETS.length);
  expect(statuses[200]).toBeGreaterThan(60);
});

test("when a denouncer's name is searched, then only those handling the case find it, by the whole name only", async () => {
  const ids = async (credential: string, name: string) => {
    const res = await request(h.app)
      .get(`/api/v1/petitions?pageSize=200&petitioner=${encodeURIComponent(name)}`)
      .set(auth(credential))
      .expect(200);
    return (res.body.items as { id: string }[]).map((p) => p.id);
  };
  // Positive control: the assigned officer and the unit's leader find it by the whole name, accents optional.
  const officer = await h.login(h.org.officer.username);
  const leader = await h.login(h.org.communeLeader.username);
  expect(await ids(officer, NAME)).toContain(petitionId);
  expect(await ids(leader, `bui kin dao ${tag}`)).toContain(petitionId);
  // No part of a sealed name matches, even for them: nothing to guess letter by letter.
  expect(await ids(officer, `Kín Đáo ${tag}`)).not.toContain(petitionId);
  expect(await ids(officer, 'Bùi')).not.toContain(petitionId);
  const found: string[] = [];
  for (const [who, credential] of Object.entries(await unentitledAgain()))
    for (const name of [NAME, `bui kin dao ${tag}`, `Kín Đáo ${tag}`])
      if ((await ids(credential, name)).includes(petitionId)) found.push(`${who}: ${name}`);
  expect(found).toEqual([]);
});

test("when every e-mail is read whole, HTML parts included, then the denouncer's identity is only in those sent to the denouncer, and the notification log keeps it only sealed", async () => {
  const messages = await Promise.all((await h.outbox!.list()).map((m) => h.outbox!.get(m.id)));
  const others = messages.filter((m) => !m!.to.includes(EMAIL));
  // Enough to mean something: the staff e-mails of the case (assignment at least) and HTML parts in them.
  expect(others.length).toBeGreaterThan(0);
  expect(others.every((m) => m!.html?.includes('<table'))).toBe(true);
  const mention = others.find((m) => m!.subject.includes('nhắc đến'));
  expect(mention?.text).toContain(`/console/petitions/${petitionId}#notes`);
  const leaks: string[] = [];
  for (const m of others)
    for (const part of [m!.subject, m!.text, m!.html ?? ''])
      for (const needle of NEEDLES) if (part.includes(needle)) leaks.push(`${m!.subject}: ${needle}`);
  expect(leaks).toEqual([]);
  const rows = await h.db.prisma.notification.findMany({ where: { petitionId } });
  const toCitizen = rows.filter((r) => r.sealedBody !== null);
  expect(toCitizen.length).toBeGreaterThanOrEqual(3);
  expect(rows.some((r) => r.bodyHtml !== null)).toBe(true);
  const stored = JSON.stringify(rows.map(({ sealedBody: _sealed, ...plain }) => plain));
  for (const needle of NEEDLES) expect(stored).not.toContain(needle);
  for (const r of toCitizen) expect(r).toMatchObject({ bodyText: null, bodyHtml: null });
});

async function unentitledAgain(): Promise<Record<string, string>> {
  return {
    'supervisor (province, no grant)': await h.login(h.org.supervisor.username),
    'admin (province)': await h.login(h.org.admin.username),
    'leader (commune 2)': await h.login(h.org.otherCommuneLeader.username),
    'officer (commune 2)': await h.login(h.org.otherOfficer.username),
  };
}
