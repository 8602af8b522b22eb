// The case page's internal notes, documents and decision print, on the real app and workflow: who sees
// which block and form, who is refused (403, nothing written), the CSRF check on the note form and on the
// multipart upload, a sealed document opened only with a reason by the entitled (and the opening logged),
// the decision's PDF, and a note that never reaches the citizen's tracking page or the tracking API.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { signIn, type ConsoleClient } from '../support/console-client';
import { pdfFile } from '../support/document-files';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
let supervisor: ConsoleClient;
let otherOfficer: ConsoleClient;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor, otherOfficer] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
    signIn(h.app, h.org.otherOfficer.username, PASSWORD),
  ]);
});
afterAll(async () => {
  await h?.stop();
});

const tag = () => randomBytes(3).toString('hex');

async function register(kind: 'complaint' | 'denunciation' = 'complaint') {
  const res = await officer.post(
    '/console/petitions',
    {
      kind,
      channel: 'in_person',
      receivingUnitId: h.org.communeId,
      field: kind === 'complaint' ? 'land' : 'officials_conduct',
      subject: `Khiếu nại bồi thường ${tag()}`,
      body: 'Nội dung đơn',
      receivedAt: '2026-11-30T09:30',
      'p0.fullName': 'Nguyễn Văn Minh',
      'p0.phone': '0912 345 678',
      'p0.address': 'Thôn Đông',
      intent: 'register',
      idempotencyKey: `k-${tag()}`,
    },
    { formPage: '/console/petitions/new' },
  );
  expect(res.status).toBe(201);
  return {
    id: /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(res.text)![1]!,
    code: /data-testid="tracking-code">\s*([^<\s]+)\s*</.exec(res.text)![1]!,
    secret: /data-testid="tracking-secret">\s*([^<\s]+)\s*</.exec(res.text)![1]!,
  };
}

const casePage = (client: ConsoleClient, id: string) => client.get(`/console/petitions/${id}`);

const addNote = (client: ConsoleClient, id: string, fields: Record<string, string>, csrf?: null) =>
  client.post(`/console/petitions/${id}/notes`, fields, {
    formPage: `/console/petitions/${id}`,
    ...(csrf === null ? { csrf: null } : {}),
  });

/** The upload form's own action (its CSRF token in the URL), posted as a browser posts a file input. */
async function upload(client: ConsoleClient, id: string, file: Buffer, name: string, action?: string) {
  const page = await casePage(client, id);
  const formAction =
    action ?? /action="(\/console\/petitions\/[^"]+\/documents\?_csrf=[^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
  if (!formAction) throw new Error('no upload form on the page');
  return client.agent.post(formAction).attach('file', file, name);
}

const binary = (client: ConsoleClient, url: string) =>
  client.agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(null, Buffer.concat(parts)));
    });

const notesOf = (id: string) => h.db.prisma.petitionNote.count({ where: { petitionId: id } });
const documentsOf = (id: string) => h.db.prisma.document.count({ where: { petitionId: id } });

test('when an officer adds a note mentioning the leader, then staff who read the case see who, when and what, and the leader is e-mailed', async () => {
  const { id } = await register();
  const before = await casePage(officer, id);
  expect(before.text).toContain('Ghi chú nội bộ');
  expect(before.text).toContain('Chưa có ghi chú nào.');
  expect(before.text).toContain(`value="${h.org.communeLeader.id}"`);
  const text = `Đã gọi điện cho trưởng thôn <b>${tag()}</b>`;
  const res = await addNote(officer, id, { body: text, mentionIds: h.org.communeLeader.id });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`/console/petitions/${id}?noteAdded=1#notes`);
  for (const client of [officer, leader, supervisor]) {
    const page = await casePage(client, id);
    expect(page.status).toBe(200);
    const notes = /data-testid="notes">([\s\S]*?)<\/table>/.exec(page.text)![1]!;
    // Escaped by the template engine: a tag in a note is text.
    expect(notes).toContain(text.replace('<b>', '&lt;b>').replace('</b>', '&lt;/b>'));
    expect(notes).toContain('Phạm Văn Cán');
    expect(notes).toContain('Nhắc đến: Trần Thị Xã');
  }
  expect((await officer.get(`/console/petitions/${id}?lang=en`)).text).toContain('Internal notes');
  // The switch is remembered: back to Vietnamese for the other tests.
  await officer.get(`/console/petitions/${id}?lang=vi`);
  expect(h.mailer.sent.some((m) => m.to === h.org.communeLeader.email && m.text.includes('ghi chú nội bộ'))).toBe(true);
});

test('when a note is empty or mentions someone who cannot read the case, then it is refused in words and nothing is written', async () => {
  const { id } = await register();
  const empty = await addNote(officer, id, { body: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.text).toContain('Ghi chú cần có nội dung');
  const stranger = await addNote(officer, id, { body: 'Chuyển cho xã bên', mentionIds: h.org.otherOfficer.id });
  expect(stranger.status).toBe(400);
  expect(stranger.text).toContain('is not an active colleague who may read this case');
  // The refused form keeps what was typed.
  expect(stranger.text).toContain('Chuyển cho xã bên');
  expect(await notesOf(id)).toBe(0);
});

test('when an officer of another commune opens or posts a note on the case, then both are refused with 403 and nothing is written', async () => {
  const { id } = await register();
  const page = await casePage(otherOfficer, id);
  expect(page.status).toBe(403);
  expect(page.text).not.toContain('Ghi chú nội bộ');
  // Their own token, from a page they may read: the refusal is the access check's, not the CSRF one's.
  await otherOfficer.get('/console');
  const res = await otherOfficer.post(`/console/petitions/${id}/notes`, { body: 'Không được ghi' });
  expect(res.status).toBe(403);
  expect(res.text).toContain('Bạn không có quyền');
  expect(await notesOf(id)).toBe(0);
});

test('when the note form or the upload form is posted without its CSRF token, then it is refused with 403 and nothing is written', async () => {
  const { id } = await register();
  const note = await addNote(officer, id, { body: 'Không có mã' }, null);
  expect(note.status).toBe(403);
  expect(await notesOf(id)).toBe(0);
  const noToken = await upload(officer, id, pdfFile(), 'don.pdf', `/console/petitions/${id}/documents`);
  expect(noToken.status).toBe(403);
  const wrongToken = await upload(officer, id, pdfFile(), 'don.pdf', `/console/petitions/${id}/documents?_csrf=forged`);
  expect(wrongToken.status).toBe(403);
  expect(await documentsOf(id)).toBe(0);
  // The same forms with the page's token go through: the refusals above are the token's, nothing else.
  expect((await addNote(officer, id, { body: 'Có mã' })).status).toBe(303);
  expect((await upload(officer, id, pdfFile(), 'don.pdf')).status).toBe(303);
  expect([await notesOf(id), await documentsOf(id)]).toEqual([1, 1]);
});

test('when a note is written on a case, then the citizen’s tracking page and the tracking API never show it', async () => {
  const { id, code, secret } = await register();
  const marker = `NOI-BO-${tag()}`;
  expect((await addNote(officer, id, { body: `Người khiếu nại hay gọi điện ${marker}` })).status).toBe(303);
  const portal = await request(h.app).post('/track').type('form').send({ code, secret });
  expect(portal.status).toBe(200);
  expect(portal.text).toContain(code);
  const api = await request(h.app).get(`/api/v1/track/${code}`).set('x-tracking-secret', secret).expect(200);
  for (const body of [portal.text, JSON.stringify(api.body)]) {
    expect(body).not.toContain(marker);
    expect(body).not.toContain('Ghi chú nội bộ');
  }
});

test('when an officer attaches a PDF through the form, then it is listed with a download that returns its bytes uncached, and the supervisor may download but not attach', async () => {
  const { id } = await register();
  const file = pdfFile(`Bản sao giấy chứng nhận ${tag()}`);
  const res = await upload(officer, id, file, 'giấy chứng nhận.pdf');
  expect(res.status).toBe(303);
  expect(decodeURIComponent(res.headers.location!)).toContain('documentAdded=giấy chứng nhận.pdf');
  const page = await officer.get(res.headers.location!);
  expect(page.text).toContain('Đã đính kèm tài liệu giấy chứng nhận.pdf.');
  const doc = await h.db.prisma.document.findFirstOrThrow({ where: { petitionId: id } });
  expect(page.text).toContain(`href="/console/petitions/${id}/documents/${doc.id}"`);
  const downloaded = await binary(supervisor, `/console/petitions/${id}/documents/${doc.id}`);
  expect(downloaded.status).toBe(200);
  expect(downloaded.headers['content-type']).toBe('application/pdf');
  expect(downloaded.headers['cache-control']).toBe('no-store');
  expect(Buffer.compare(downloaded.body as Buffer, file)).toBe(0);

  const seen = await casePage(supervisor, id);
  expect(seen.text).toContain('giấy chứng nhận.pdf');
  expect(seen.text).not.toContain('enctype="multipart/form-data"');
  // The supervisor's own token: the refusal is uploadDocument's (officers and leaders attach).
  const token = /name="_csrf" value="([^"]+)"/.exec(seen.text)![1]!;
  const refused = await upload(supervisor, id, pdfFile(), 'khac.pdf', `/console/petitions/${id}/documents?_csrf=${token}`);
  expect(refused.status).toBe(403);
  expect(refused.text).toContain('attaching a document needs role officer or leader');
  expect(await documentsOf(id)).toBe(1);
  expect((await binary(otherOfficer, `/console/petitions/${id}/documents/${doc.id}`)).status).toBe(403);
});

test('when a file is not a PDF, image or office document, then the upload is refused in words by its content and nothing is stored', async () => {
  const { id } = await register();
  const res = await upload(officer, id, Buffer.from('MZ\x90\0 not really a pdf'), 'don.pdf');
  expect(res.status).toBe(415);
  expect(res.text).toContain('only PDF, JPEG, PNG, DOCX and ODT documents are accepted');
  expect(await documentsOf(id)).toBe(0);
});

test('when a denunciation has a document, then it is sealed: the supervisor without a grant cannot open it, the officer opens it with a reason and the opening is logged', async () => {
  const { id } = await register('denunciation');
  expect((await upload(officer, id, pdfFile('chữ ký người tố cáo'), 'chu-ky-nguyen-van-minh.pdf')).status).toBe(303);
  const doc = await h.db.prisma.document.findFirstOrThrow({ where: { petitionId: id } });
  const seen = await casePage(supervisor, id);
  expect(seen.text).toContain('niêm phong');
  expect(seen.text).not.toContain('chu-ky-nguyen-van-minh');
  expect(seen.text).toContain('Chỉ người có quyền mở danh tính người tố cáo mới mở được.');
  expect((await binary(supervisor, `/console/petitions/${id}/documents/${doc.id}`)).status).toBe(403);

  const page = await casePage(officer, id);
  expect(page.text).toContain(`action="/console/petitions/${id}/documents/${doc.id}"`);
  const noReason = await officer.post(`/console/petitions/${id}/documents/${doc.id}`, { reason: '' });
  expect(noReason.status).toBe(400);
  expect(noReason.text).toContain('give a reason');
  expect(await h.db.prisma.identityAccess.count({ where: { documentId: doc.id } })).toBe(0);
  const opened = await officer.post(`/console/petitions/${id}/documents/${doc.id}`, { reason: 'Đối chiếu chữ ký' });
  expect(opened.status).toBe(200);
  expect(opened.headers['content-disposition']).toContain('chu-ky-nguyen-van-minh.pdf');
  expect(await h.db.prisma.identityAccess.count({ where: { documentId: doc.id, reason: 'Đối chiếu chữ ký' } })).toBe(1);
});

test('when a case has an approved extension decision, then the case page links its PDF, which prints for those who read the case only', async () => {
  const { id } = await register('denunciation');
  const [officerToken, leaderToken] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
  ]);
  const act = (token: string, body: object) =>
    request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);
  await act(officerToken, { action: 'accept' });
  await act(officerToken, { action: 'setFlags', complex: true, reason: 'Phức tạp' });
  await act(officerToken, { action: 'requestExtension', days: 30, reason: 'Cần xác minh thêm tại hai địa bàn' });
  await act(leaderToken, {
    action: 'decideExtension',
    approve: true,
    reason: 'Đồng ý gia hạn',
    decision: { number: '27/QĐ-UBND', date: '2026-12-01', signer: 'Lê Văn Chủ Tịch' },
  });
  const page = await casePage(officer, id);
  const link = /href="(\/console\/petitions\/[^"]+\/decisions\/[^"]+\/pdf)">Quyết định gia hạn số 27\/QĐ-UBND \(PDF\)</.exec(
    page.text,
  );
  expect(link).not.toBeNull();
  const pdf = await binary(leader, link![1]!);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await binary(otherOfficer, link![1]!)).status).toBe(403);
});
