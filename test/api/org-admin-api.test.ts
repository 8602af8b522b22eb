// Admin endpoints: units, people, role bindings and responsible leaders, within the admin's subtree.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let admin: string;
let outAdmin: string;

beforeAll(async () => {
  h = await startApiHarness();
  admin = await h.login(h.org.admin.username);
  // An admin of commune 2 only: the province and commune 1 are outside their subtree.
  const created = await request(h.app)
    .post('/api/v1/admin/people')
    .set(auth(admin))
    .send({
      username: `ad2.${h.org.otherCommuneId}`,
      fullName: 'Quản trị xã Hòa Lạc',
      email: 'ad2@example.test',
      password: 'correct horse',
      unitId: h.org.otherCommuneId,
      roles: [{ role: 'admin', unitId: h.org.otherCommuneId }],
    })
    .expect(201);
  expect(created.body.roleBindings).toEqual([expect.objectContaining({ role: 'admin', unitId: h.org.otherCommuneId })]);
  expect(created.body).not.toHaveProperty('passwordHash');
  outAdmin = await h.login(created.body.username);
});

afterAll(async () => {
  await h?.stop();
});

test('only admins reach the admin endpoints; the 403 names the role', async () => {
  const officer = await h.login(h.org.officer.username);
  const res = await request(h.app).get('/api/v1/admin/units').set(auth(officer)).expect(403);
  expect(res.body.error.message).toMatch(/role admin/);
});

test('an admin lists and creates units in their subtree only', async () => {
  const listed = await request(h.app).get('/api/v1/admin/units').set(auth(admin)).expect(200);
  const ids = listed.body.items.map((u: { id: string }) => u.id);
  expect(ids).toEqual(expect.arrayContaining([h.org.provinceId, h.org.communeId, h.org.otherCommuneId]));
  expect(ids).not.toContain(h.org.centralId);
  expect(
    (await request(h.app).get('/api/v1/admin/units').set(auth(outAdmin)).expect(200)).body.items.map(
      (u: { id: string }) => u.id,
    ),
  ).toEqual([h.org.otherCommuneId]);

  const unitId = `thon-1-${h.org.communeId}`.toLowerCase();
  const body = { id: unitId, name: 'Ban tiếp công dân xã', level: 'agency', parentId: h.org.communeId };
  const made = await request(h.app).post('/api/v1/admin/units').set(auth(admin)).send(body).expect(201);
  expect(made.body).toMatchObject({ id: unitId, parentId: h.org.communeId, level: 'agency', responsibleLeader: null });
  expect(
    (await request(h.app).post('/api/v1/admin/units').set(auth(admin)).send(body).expect(409)).body.error.code,
  ).toBe('Conflict');
  const outside = await request(h.app)
    .post('/api/v1/admin/units')
    .set(auth(outAdmin))
    .send({ ...body, id: `${unitId}-x` })
    .expect(403);
  expect(outside.body.error.message).toMatch(new RegExp(`role admin on unit ${h.org.communeId}`));
  const bad = await request(h.app)
    .post('/api/v1/admin/units')
    .set(auth(admin))
    .send({ ...body, id: 'Has Spaces', level: 'village' })
    .expect(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['id', 'level']);
  // A unit cannot be moved below itself.
  const cycle = await request(h.app)
    .patch(`/api/v1/admin/units/${h.org.communeId}`)
    .set(auth(admin))
    .send({ parentId: unitId })
    .expect(400);
  expect(cycle.body.error.details[0].message).toMatch(/below itself/);
  const renamed = await request(h.app)
    .patch(`/api/v1/admin/units/${unitId}`)
    .set(auth(admin))
    .send({ nameEn: 'Commune reception office' })
    .expect(200);
  expect(renamed.body.nameEn).toBe('Commune reception office');
});

test('responsible leaders: only an active leader over the unit can be assigned, and the assignment is read back', async () => {
  const officerTry = await request(h.app)
    .put(`/api/v1/admin/units/${h.org.communeId}/responsible-leader`)
    .set(auth(admin))
    .send({ personId: h.org.officer.id })
    .expect(400);
  expect(officerTry.body.error.details[0].path).toBe('personId');
  // The province leader leads every unit below the province, so may answer for commune 1.
  const assigned = await request(h.app)
    .put(`/api/v1/admin/units/${h.org.communeId}/responsible-leader`)
    .set(auth(admin))
    .send({ personId: h.org.provinceLeader.id })
    .expect(200);
  expect(assigned.body.responsibleLeader).toEqual({ id: h.org.provinceLeader.id, fullName: 'Nguyễn Văn Tỉnh' });
  expect((await h.db.prisma.unit.findUniqueOrThrow({ where: { id: h.org.communeId } })).responsibleLeaderId).toBe(
    h.org.provinceLeader.id,
  );
  await request(h.app)
    .put(`/api/v1/admin/units/${h.org.communeId}/responsible-leader`)
    .set(auth(outAdmin))
    .send({ personId: h.org.communeLeader.id })
    .expect(403);
  await request(h.app)
    .put(`/api/v1/admin/units/${h.org.communeId}/responsible-leader`)
    .set(auth(admin))
    .send({ personId: h.org.communeLeader.id })
    .expect(200);
  // A leader still answerable for a locality keeps the role until someone else is assigned.
  const binding = await h.db.prisma.roleBinding.findFirstOrThrow({
    where: { personId: h.org.communeLeader.id, role: 'leader' },
  });
  const blocked = await request(h.app)
    .delete(`/api/v1/admin/people/${h.org.communeLeader.id}/roles/${binding.id}`)
    .set(auth(admin))
    .expect(409);
  expect(blocked.body.error.message).toMatch(/assign another leader first/);
});

test('people: created with roles, sign in, gain and lose roles, deactivated (sessions end)', async () => {
  const username = `canbo.${h.org.communeId}`.toLowerCase();
  const made = await request(h.app)
    .post('/api/v1/admin/people')
    .set(auth(admin))
    .send({
      username,
      fullName: 'Cán bộ Mới',
      email: 'moi@example.test',
      password: 'long enough pw',
      unitId: h.org.communeId,
      roles: [{ role: 'officer', unitId: h.org.communeId }],
    })
    .expect(201);
  await request(h.app)
    .post('/api/v1/admin/people')
    .set(auth(admin))
    .send({ username, fullName: 'x', email: 'x@example.test', password: 'long enough pw', unitId: h.org.communeId })
    .expect(409);
  const short = await request(h.app)
    .post('/api/v1/admin/people')
    .set(auth(admin))
    .send({ username: 'abc.def', fullName: 'x', email: 'nope', password: 'short', unitId: h.org.communeId })
    .expect(400);
  expect(short.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);

  const token = await h.login(username, 'long enough pw');
  const me = await request(h.app).get('/api/v1/auth/me').set(auth(token)).expect(200);
  expect(me.body.person.bindings).toEqual([{ role: 'officer', unitId: h.org.communeId }]);

  const added = await request(h.app)
    .post(`/api/v1/admin/people/${made.body.id}/roles`)
    .set(auth(admin))
    .send({ role: 'leader', unitId: h.org.communeId })
    .expect(201);
  await request(h.app)
    .post(`/api/v1/admin/people/${made.body.id}/roles`)
    .set(auth(admin))
    .send({ role: 'leader', unitId: h.org.communeId })
    .expect(409);
  expect((await request(h.app).get('/api/v1/auth/me').set(auth(token)).expect(200)).body.person.bindings).toHaveLength(
    2,
  );
  await request(h.app)
    .delete(`/api/v1/admin/people/${made.body.id}/roles/${added.body.id}`)
    .set(auth(admin))
    .expect(204);
  expect((await request(h.app).get('/api/v1/auth/me').set(auth(token)).expect(200)).body.person.bindings).toHaveLength(
    1,
  );

  const listed = await request(h.app)
    .get(`/api/v1/admin/people?unitId=${h.org.communeId}`)
    .set(auth(admin))
    .expect(200);
  expect(listed.body.items.map((p: { username: string }) => p.username)).toEqual(
    expect.arrayContaining([username, h.org.officer.username]),
  );
  await request(h.app).get(`/api/v1/admin/people?unitId=${h.org.communeId}`).set(auth(outAdmin)).expect(403);

  // The post carries the reception duty the obligation check applies.
  expect(
    (
      await request(h.app)
        .patch(`/api/v1/admin/people/${made.body.id}`)
        .set(auth(admin))
        .send({ post: 'party_secretary' })
        .expect(200)
    ).body.post,
  ).toBe('party_secretary');
  await request(h.app)
    .patch(`/api/v1/admin/people/${made.body.id}`)
    .set(auth(admin))
    .send({ active: false })
    .expect(200);
  await request(h.app).get('/api/v1/auth/me').set(auth(token)).expect(401);
  await request(h.app).post('/api/v1/auth/login').send({ username, password: 'long enough pw' }).expect(401);
});

test('an admin cannot lock themselves out', async () => {
  const me = await h.db.prisma.roleBinding.findFirstOrThrow({ where: { personId: h.org.admin.id, role: 'admin' } });
  await request(h.app).delete(`/api/v1/admin/people/${h.org.admin.id}/roles/${me.id}`).set(auth(admin)).expect(409);
  await request(h.app)
    .patch(`/api/v1/admin/people/${h.org.admin.id}`)
    .set(auth(admin))
    .send({ active: false })
    .expect(409);
  await request(h.app).get('/api/v1/admin/units').set(auth(admin)).expect(200);
});
