// Documents on a decision (an extension decision, the resolution), a reception session's minutes and a conference's results: the same
// intake as a case's documents (told by content, hashed, streamed back with no-store), written by the unit's
// officers and leaders, read by those who read the record, refused to everyone else.
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { htmlFile, pdfFile, pngFile } from '../support/document-files';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherOfficer: string;
let supervisor: string;
let admin: string;
const tag = randomBytes(3).toString('hex');

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

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const upload = (url: string, token: string, body: Buffer, fileName?: string) =>
  request(h.app)
    .post(`${url}${fileName ? `?fileName=${encodeURIComponent(fileName)}` : ''}`)
    .set(auth(token))
    .set('content-type', 'application/octet-stream')
    .send(body);

const download = (url: string, token: string) =>
  request(h.app)
    .get(url)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => cb(null, Buffer.concat(parts)));
    });

const act = (id: string, token: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);

async function decidedExtension(): Promise<{ petitionId: string; decisionId: string }> {
  const created = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'denunciation',
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: 'land',
      subject: `Tố cáo gia hạn ${tag}`,
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Đinh Văn Gia' }],
    })
    .expect(201);
  const petitionId: string = created.body.id;
  await act(petitionId, officer, { action: 'accept' });
  await act(petitionId, officer, { action: 'setFlags', complex: true, reason: 'Phức tạp' });
  await act(petitionId, officer, { action: 'requestExtension', days: 15, reason: 'Cần xác minh thêm' });
  await act(petitionId, leader, {
    action: 'decideExtension',
    approve: true,
    reason: 'Đồng ý',
    decision: { number: `9/QĐ-${tag}`, date: '2026-12-01', signer: 'Trần Thị Xã' },
  });
  const listed = await request(h.app).get(`/api/v1/petitions/${petitionId}/decisions`).set(auth(officer)).expect(200);
  return { petitionId, decisionId: listed.body.items[0].id };
}

test("when a denunciation's signed extension decision is attached, then it is listed on the decision and on the case, sealed like the case's documents, opened intact by the entitled, and refused to the wrong roles", async () => {
  const { petitionId, decisionId } = await decidedExtension();
  const base = `/api/v1/petitions/${petitionId}/decisions/${decisionId}/documents`;
  const scan = pdfFile(`Quyết định gia hạn số 9 ${tag}`);
  const stored = await upload(base, leader, scan, 'Quyết định 9.pdf').expect(201);
  expect(stored.body).toMatchObject({
    petitionId,
    decisionId,
    fileName: 'tai-lieu-niem-phong.pdf',
    sealed: true,
    contentType: 'application/pdf',
    byteSize: scan.length,
    sha256: sha256(scan),
  });
  expect((await request(h.app).get(base).set(auth(officer)).expect(200)).body.items).toEqual([
    expect.objectContaining({ id: stored.body.id, decisionId }),
  ]);
  const onCase = await request(h.app).get(`/api/v1/petitions/${petitionId}/documents`).set(auth(officer)).expect(200);
  expect(onCase.body.items.map((d: { id: string }) => d.id)).toContain(stored.body.id);
  const got = await download(
    `${stored.body.downloadUrl}?reason=${encodeURIComponent('Đối chiếu quyết định')}`,
    officer,
  ).expect(200);
  expect(got.headers['cache-control']).toBe('no-store');
  expect(got.headers['content-disposition']).toContain('Quy');
  expect(sha256(got.body as Buffer)).toBe(sha256(scan));
  expect(await h.db.prisma.identityAccess.count({ where: { petitionId, documentId: stored.body.id } })).toBe(1);
  // A supervisor without a grant reads the case but not the sealed document.
  await download(`${stored.body.downloadUrl}?reason=${encodeURIComponent('Thanh tra')}`, supervisor).expect(403);

  // Refusals: a supervisor reads but does not write; another commune's officer neither; an impostor file;
  // a decision that is not this case's.
  await upload(base, supervisor, pdfFile(), 'x.pdf').expect(403);
  await upload(base, otherOfficer, pdfFile(), 'x.pdf').expect(403);
  await request(h.app).get(base).set(auth(otherOfficer)).expect(403);
  await download(stored.body.downloadUrl, otherOfficer).expect(403);
  const impostor = await upload(base, officer, htmlFile(), 'quyet-dinh.pdf').expect(415);
  expect(impostor.body.error.code).toBe('UnsupportedMediaType');
  await upload(`/api/v1/petitions/${petitionId}/decisions/no-such-decision/documents`, officer, pdfFile()).expect(404);
  expect(await h.db.prisma.document.count({ where: { petitionId } })).toBe(1);
});

test('when a case is resolved, then the signed resolution is attached under the decision id `resolution`, marked with the resolve event, and a case not yet resolved has none to attach to', async () => {
  const { petitionId } = await decidedExtension();
  const base = `/api/v1/petitions/${petitionId}/decisions/resolution/documents`;
  await upload(base, officer, pdfFile(), 'ket-luan.pdf').expect(404);
  await act(petitionId, leader, { action: 'assign', assigneeId: h.org.officer.id });
  await act(petitionId, leader, { action: 'resolve', summary: 'Kết luận nội dung tố cáo' });
  const resolve = await h.db.prisma.petitionEvent.findFirstOrThrow({ where: { petitionId, type: 'resolve' } });
  const stored = await upload(base, leader, pdfFile(`Kết luận ${tag}`), 'Kết luận.pdf').expect(201);
  expect(stored.body).toMatchObject({ petitionId, decisionId: resolve.id, sealed: true });
  const byAlias = await request(h.app).get(base).set(auth(officer)).expect(200);
  const byId = await request(h.app)
    .get(`/api/v1/petitions/${petitionId}/decisions/${resolve.id}/documents`)
    .set(auth(officer))
    .expect(200);
  expect(byAlias.body.items.map((d: { id: string }) => d.id)).toEqual([stored.body.id]);
  expect(byId.body).toEqual(byAlias.body);
  await upload(base, supervisor, pdfFile(), 'x.pdf').expect(403);
});

async function session(unitId: string): Promise<string> {
  const id = `rs-${tag}-${randomBytes(2).toString('hex')}`;
  await h.db.prisma.receptionSession.create({
    data: {
      id,
      scheduleId: `sch-${tag}`,
      unitId,
      nominalDay: '2026-12-10',
      day: '2026-12-10',
      startsAt: new Date('2026-12-10T01:00:00Z'),
      status: 'closed',
      leaderId: h.org.communeLeader.id,
      receivingLeaderId: h.org.communeLeader.id,
      jointUnitIds: [],
      location: 'Hội trường xã',
      minutes: 'Biên bản',
    },
  });
  return id;
}

async function conference(unitId: string): Promise<string> {
  const id = `conf-${tag}-${randomBytes(2).toString('hex')}`;
  await h.db.prisma.conference.create({
    data: {
      id,
      unitId,
      kind: 'regular',
      title: `Đối thoại ${tag}`,
      startsAt: new Date('2026-12-10T01:00:00Z'),
      location: 'Hội trường xã',
      chairId: h.org.communeLeader.id,
      status: 'held',
      createdById: h.org.communeLeader.id,
    },
  });
  return id;
}

test.each([
  [
    'a reception session’s minutes',
    async () => `/api/v1/reception/sessions/${await session(h.org.communeId)}/minutes/documents`,
  ],
  ['a conference’s results', async () => `/api/v1/conferences/${await conference(h.org.communeId)}/results/documents`],
])(
  'when %s are attached, then they are typed, hashed, listed, downloaded by readers, and refused by role',
  async (_what, base) => {
    const url = await base();
    const scan = pngFile(`bien-ban-${tag}`);
    const stored = await upload(url, officer, scan, 'Biên bản ký.png').expect(201);
    expect(stored.body).toMatchObject({
      fileName: 'Biên bản ký.png',
      contentType: 'image/png',
      byteSize: scan.length,
      sha256: sha256(scan),
      downloadUrl: `${url}/${stored.body.id}/content`,
    });
    expect(stored.headers.location).toBe(stored.body.downloadUrl);
    await upload(url, leader, pdfFile('Kết quả'), 'ket-qua.pdf').expect(201);
    const listed = await request(h.app).get(url).set(auth(supervisor)).expect(200);
    expect(listed.body.items.map((d: { fileName: string }) => d.fileName)).toEqual(['Biên bản ký.png', 'ket-qua.pdf']);
    for (const reader of [officer, supervisor]) {
      const got = await download(stored.body.downloadUrl, reader).expect(200);
      expect(got.headers).toMatchObject({
        'content-type': 'image/png',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      expect(got.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20k%C3%BD.png");
      expect(sha256(got.body as Buffer)).toBe(sha256(scan));
    }

    // Refused: a supervisor and an admin do not write; another commune's officer neither writes nor reads;
    // an API token never; a file that is not what it claims; an unknown record.
    for (const token of [supervisor, admin, otherOfficer]) await upload(url, token, pdfFile(), 'x.pdf').expect(403);
    await request(h.app).get(url).set(auth(otherOfficer)).expect(403);
    await download(stored.body.downloadUrl, otherOfficer).expect(403);
    const impostor = await upload(url, officer, htmlFile(), 'bien-ban.pdf').expect(415);
    expect(impostor.body.error.code).toBe('UnsupportedMediaType');
    await request(h.app)
      .get(`${url}/${randomBytes(4).toString('hex')}/content`)
      .set(auth(officer))
      .expect(404);
    await upload(url.replace(/(sessions|conferences)\/[^/]+/, '$1/no-such-record'), officer, pdfFile()).expect(404);
    const token = await request(h.app)
      .post('/api/v1/tokens')
      .set(auth(admin))
      .send({ name: `t-${tag}-${url.length}`, scopes: ['petitions:write'], unitId: h.org.communeId })
      .expect(201);
    await upload(url, token.body.token, pdfFile(), 'x.pdf').expect(403);
    expect((await request(h.app).get(url).set(auth(officer)).expect(200)).body.items).toHaveLength(2);
  },
);

test('when a document is over the size limit, then it is refused before it is stored', async () => {
  const url = `/api/v1/conferences/${await conference(h.org.communeId)}/results/documents`;
  const limited = { ...h.deps, caseFile: { ...h.deps.caseFile, documentMaxBytes: 64 } };
  const app = createApp(limited);
  const res = await request(app)
    .post(url)
    .set(auth(officer))
    .set('content-type', 'application/octet-stream')
    .send(Buffer.concat([pdfFile(), randomBytes(200)]));
  expect(res.status).toBe(413);
  expect(await h.db.prisma.recordDocument.count({ where: { ownerId: url.split('/')[4] } })).toBe(0);
});
