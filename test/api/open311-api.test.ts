// Open311 GeoReport v2 round trip: list services, file a request as a civic app would (form-encoded,
// api_key), read it back, follow it to closed as officers act on the petition behind it.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let apiKey: string;
let readKey: string;

beforeAll(async () => {
  h = await startApiHarness();
  const admin = await h.login(h.org.admin.username);
  apiKey = (
    await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: 'Ứng dụng phản ánh hiện trường', scopes: ['petitions:write'], unitId: h.org.communeId })
      .expect(201)
  ).body.token;
  readKey = (
    await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: 'Bảng tin', scopes: ['petitions:read'], unitId: h.org.otherCommuneId })
      .expect(201)
  ).body.token;
});

afterAll(async () => {
  await h?.stop();
});

test('services.json lists feedback and recommendation services by field', async () => {
  const res = await request(h.app).get('/open311/v2/services.json').expect(200);
  const codes = res.body.map((s: { service_code: string }) => s.service_code);
  expect(codes).toEqual(expect.arrayContaining(['PA-INFRASTRUCTURE', 'KN-LAND']));
  expect(res.body[0]).toMatchObject({ metadata: false, type: 'realtime', service_name: expect.stringContaining('/') });
  expect((await request(h.app).get('/open311/v2/services/PA-LAND.json').expect(200)).body).toEqual({
    service_code: 'PA-LAND',
    attributes: [],
  });
  expect((await request(h.app).get('/open311/v2/services.xml').expect(400)).body).toEqual([
    { code: 400, description: 'only the .json format is served' },
  ]);
});

test('a request filed through Open311 becomes a petition and is tracked to closed', async () => {
  const filed = await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({
      api_key: apiKey,
      service_code: 'PA-INFRASTRUCTURE',
      description: 'Đèn đường hỏng trước nhà văn hóa thôn 3',
      lat: '21.1861',
      long: '106.0763',
      address_string: 'Thôn 3, xã An Bình',
      first_name: 'Lan',
      last_name: 'Nguyễn',
      email: 'lan@example.test',
    })
    .expect(201);
  const code = filed.body[0].service_request_id;
  expect(filed.body).toEqual([
    { service_request_id: code, service_notice: expect.stringContaining(code), account_id: null },
  ]);

  const petition = await h.db.prisma.petition.findUniqueOrThrow({ where: { trackingCode: code } });
  expect(petition).toMatchObject({
    kind: 'feedback',
    field: 'infrastructure',
    receivingUnitId: h.org.communeId,
    channel: 'online',
    subject: 'Đèn đường hỏng trước nhà văn hóa thôn 3',
  });
  expect(await h.db.prisma.petitioner.findMany({ where: { petitionId: petition.id } })).toEqual([
    expect.objectContaining({ fullName: 'Lan Nguyễn', email: 'lan@example.test' }),
  ]);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: petition.id, type: 'received' } }),
    { what: 'the workflow receipt' },
  );

  const [open] = (await request(h.app).get(`/open311/v2/requests/${code}.json?api_key=${apiKey}`).expect(200)).body;
  expect(open).toMatchObject({
    service_request_id: code,
    status: 'open',
    service_code: 'PA-INFRASTRUCTURE',
    description: 'Đèn đường hỏng trước nhà văn hóa thôn 3',
    address: 'Thôn 3, xã An Bình (21.1861, 106.0763)',
    agency_responsible: expect.stringContaining('Xã An Bình'),
    expected_datetime: expect.stringMatching(/^\d{4}-/),
  });

  // Officers and the leader handle it through the ordinary API; Open311 follows.
  const [officer, leader] = await Promise.all([h.login(h.org.officer.username), h.login(h.org.communeLeader.username)]);
  await request(h.app)
    .post(`/api/v1/petitions/${petition.id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept' })
    .expect(200);
  await request(h.app)
    .post(`/api/v1/petitions/${petition.id}/actions`)
    .set(auth(leader))
    .send({ action: 'assign', assigneeId: h.org.officer.id })
    .expect(200);
  await request(h.app)
    .post(`/api/v1/petitions/${petition.id}/actions`)
    .set(auth(leader))
    .send({ action: 'resolve', summary: 'Đã thay bóng đèn ngày 24/11' })
    .expect(200);
  await eventually(
    async () =>
      (await h.db.prisma.petition.findUniqueOrThrow({ where: { id: petition.id } })).stage === 'resolved' || undefined,
    { what: 'the read model catching up' },
  );
  const [closed] = (await request(h.app).get(`/open311/v2/requests/${code}.json?api_key=${apiKey}`).expect(200)).body;
  expect(closed).toMatchObject({
    status: 'closed',
    expected_datetime: null,
    status_notes: expect.stringContaining('Decided'),
  });

  const listed = (await request(h.app).get(`/open311/v2/requests.json?api_key=${apiKey}&status=closed`).expect(200))
    .body;
  expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(code);
  expect(
    (
      await request(h.app)
        .get(`/open311/v2/requests.json?api_key=${apiKey}&status=open&service_request_id=${code}`)
        .expect(200)
    ).body,
  ).toEqual([]);
});

test('keys, scopes and bad input are refused the Open311 way', async () => {
  const noKey = await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({ service_code: 'PA-LAND', description: 'abc', address_string: 'x' })
    .expect(400);
  expect(noKey.body[0]).toMatchObject({ code: 400, description: expect.stringContaining('api_key') });
  expect(
    (
      await request(h.app)
        .post('/open311/v2/requests.json')
        .type('form')
        .send({ api_key: 'dvt_wrong', service_code: 'PA-LAND', description: 'abc', address_string: 'x' })
        .expect(403)
    ).body[0].code,
  ).toBe(403);
  // A read-only key cannot file; it cannot see another commune's requests either.
  await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({ api_key: readKey, service_code: 'PA-LAND', description: 'abc', address_string: 'x' })
    .expect(403);
  const [anyCode] = (await request(h.app).get(`/open311/v2/requests.json?api_key=${apiKey}`).expect(200)).body.map(
    (r: { service_request_id: string }) => r.service_request_id,
  );
  await request(h.app).get(`/open311/v2/requests/${anyCode}.json?api_key=${readKey}`).expect(404);
  const unknown = await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({ api_key: apiKey, service_code: 'XX-NOPE', description: 'abc', address_string: 'x' })
    .expect(400);
  expect(unknown.body[0].description).toMatch(/unknown service_code/);
  const noPlace = await request(h.app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({ api_key: apiKey, service_code: 'PA-LAND', description: 'abc' })
    .expect(400);
  expect(noPlace.body[0].description).toMatch(/location is required/);
});
