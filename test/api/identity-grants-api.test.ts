// A supervisor opens a denouncer's identity only through an explicit grant from a leader over the case;
// the grant can be revoked or expire, and every opening is still recorded.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherLeader: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherLeader, supervisor] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherCommuneLeader.username),
    h.login(h.org.supervisor.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

async function denunciation(name: string): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'denunciation',
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: 'officials_conduct',
      subject: 'Tố cáo cán bộ địa chính',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: name, phone: '0912345678' }],
    })
    .expect(201);
  return res.body.id;
}

const reveal = (id: string, token: string) =>
  request(h.app)
    .get(`/api/v1/petitions/${id}?revealIdentity=true&reason=${encodeURIComponent('Giám sát việc giải quyết')}`)
    .set(auth(token));

test('a petition grant opens that denunciation for that supervisor only, until revoked', async () => {
  const id = await denunciation('Người Tố Cáo Một');
  const other = await denunciation('Người Tố Cáo Hai');
  expect((await reveal(id, supervisor).expect(403)).body.error.message).toMatch(/supervisor granted it/);

  // Only a leader over the case may grant; the officer and a leader elsewhere may not.
  await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(officer))
    .send({ personId: h.org.supervisor.id, petitionId: id, reason: 'Thanh tra chuyên đề' })
    .expect(403);
  await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(otherLeader))
    .send({ personId: h.org.supervisor.id, petitionId: id, reason: 'Thanh tra chuyên đề' })
    .expect(403);
  // Only a supervisor over the unit can receive one.
  const notSupervisor = await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.otherOfficer.id, petitionId: id, reason: 'Thanh tra chuyên đề' })
    .expect(400);
  expect(notSupervisor.body.error.details[0].path).toBe('personId');

  const grant = await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.supervisor.id, petitionId: id, reason: 'Thanh tra chuyên đề' })
    .expect(201);
  expect(grant.body).toMatchObject({ petitionId: id, unitId: null, grantedById: h.org.communeLeader.id, active: true });

  const opened = await reveal(id, supervisor).expect(200);
  expect(opened.body.petitioners[0]).toMatchObject({ fullName: 'Người Tố Cáo Một', phone: '0912345678' });
  // Without revealIdentity the grant changes nothing: the name stays sealed in an ordinary read.
  expect(
    (await request(h.app).get(`/api/v1/petitions/${id}`).set(auth(supervisor)).expect(200)).body.petitioners[0]
      .fullName,
  ).toBe('công dân');
  await reveal(other, supervisor).expect(403);
  expect(await h.db.prisma.identityAccess.findMany({ where: { petitionId: id } })).toEqual([
    expect.objectContaining({ personId: h.org.supervisor.id, reason: 'Giám sát việc giải quyết' }),
  ]);

  const mine = await request(h.app).get('/api/v1/identity-grants').set(auth(supervisor)).expect(200);
  expect(mine.body.items.map((g: { id: string }) => g.id)).toContain(grant.body.id);
  await request(h.app).delete(`/api/v1/identity-grants/${grant.body.id}`).set(auth(otherLeader)).expect(403);
  await request(h.app).delete(`/api/v1/identity-grants/${grant.body.id}`).set(auth(leader)).expect(204);
  await reveal(id, supervisor).expect(403);
});

test('a unit grant covers every denunciation of that unit; an expired grant covers none', async () => {
  const id = await denunciation('Người Tố Cáo Ba');
  const unitGrant = await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.supervisor.id, unitId: h.org.communeId, reason: 'Kiểm tra định kỳ' })
    .expect(201);
  expect((await reveal(id, supervisor).expect(200)).body.petitioners[0].fullName).toBe('Người Tố Cáo Ba');
  await request(h.app).delete(`/api/v1/identity-grants/${unitGrant.body.id}`).set(auth(leader)).expect(204);

  const soon = new Date(Date.now() + 1500).toISOString();
  await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.supervisor.id, unitId: h.org.communeId, reason: 'Kiểm tra ngắn hạn', expiresAt: soon })
    .expect(201);
  await reveal(id, supervisor).expect(200);
  await new Promise((resolve) => setTimeout(resolve, 1600));
  await reveal(id, supervisor).expect(403);

  const bad = await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.supervisor.id, petitionId: id, unitId: h.org.communeId, reason: 'x y z' })
    .expect(400);
  expect(bad.body.error.details[0].message).toMatch(/either petitionId or unitId/);
});
