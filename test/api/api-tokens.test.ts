// Integration tokens: created by an admin, scoped, revocable, stored hashed.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let admin: string;
let officer: string;

beforeAll(async () => {
  h = await startApiHarness();
  [admin, officer] = await Promise.all([h.login(h.org.admin.username), h.login(h.org.officer.username)]);
});

afterAll(async () => {
  await h?.stop();
});

const petition = () => ({
  kind: 'feedback',
  receivingUnitId: h.org.communeId,
  channel: 'online',
  field: 'roads',
  subject: 'Phản ánh qua ứng dụng',
  body: '…',
  receivedAt: new Date().toISOString(),
  petitioners: [{ fullName: 'Người dùng ứng dụng' }],
});

test('when an admin creates a read-only token, then it reads in its unit only, cannot write, and stops working once revoked', async () => {
  await request(h.app)
    .post('/api/v1/tokens')
    .set(auth(officer))
    .send({ name: 'x', scopes: ['petitions:read'], unitId: h.org.communeId })
    .expect(403);
  await request(h.app)
    .post('/api/v1/tokens')
    .set(auth(admin))
    .send({ name: 'x', scopes: ['everything'], unitId: h.org.communeId })
    .expect(400);
  const created = await request(h.app)
    .post('/api/v1/tokens')
    .set(auth(admin))
    .send({ name: 'Cổng dịch vụ công', scopes: ['petitions:read'], unitId: h.org.communeId })
    .expect(201);
  const token = created.body.token as string;
  expect(token).toMatch(/^dvt_/);

  const stored = await h.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
  expect(JSON.stringify(stored)).not.toContain(token.slice(4));
  const listed = await request(h.app).get('/api/v1/tokens').set(auth(admin)).expect(200);
  expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));
  // Only its first characters, to tell it apart from the others.
  expect(listed.body.items.find((t: { id: string }) => t.id === created.body.id)).toMatchObject({
    prefix: token.slice(0, 10),
  });
  expect(JSON.stringify(listed.body)).not.toContain(token.slice(10));

  const p = await request(h.app).post('/api/v1/petitions').set(auth(officer)).send(petition()).expect(201);
  await request(h.app).get(`/api/v1/petitions/${p.body.id}`).set(auth(token)).expect(200);
  const denied = await request(h.app).post('/api/v1/petitions').set(auth(token)).send(petition()).expect(403);
  expect(denied.body.error.message).toMatch(/officer or leader/);
  await request(h.app)
    .post('/api/v1/tokens')
    .set(auth(token))
    .send({ name: 'y', scopes: ['petitions:read'], unitId: h.org.communeId })
    .expect(403);
  expect((await h.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.body.id } })).lastUsedAt).not.toBeNull();

  await request(h.app).delete(`/api/v1/tokens/${created.body.id}`).set(auth(admin)).expect(204);
  await request(h.app).get(`/api/v1/petitions/${p.body.id}`).set(auth(token)).expect(401);
  await request(h.app).delete('/api/v1/tokens/00000000-0000-0000-0000-000000000000').set(auth(admin)).expect(404);
});

test('when a token may write, then it registers petitions in its unit and not elsewhere', async () => {
  const created = await request(h.app)
    .post('/api/v1/tokens')
    .set(auth(admin))
    .send({ name: 'Ứng dụng phản ánh', scopes: ['petitions:write'], unitId: h.org.communeId })
    .expect(201);
  const res = await request(h.app).post('/api/v1/petitions').set(auth(created.body.token)).send(petition()).expect(201);
  expect(res.body.trackingCode).toMatch(/^DV-/);
  await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(created.body.token))
    .send({ ...petition(), receivingUnitId: h.org.otherCommuneId })
    .expect(403);
});
