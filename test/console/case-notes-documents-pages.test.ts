// The case page's internal notes, documents, decision documents and decision print, on the real app and
// workflow: who sees which block and form, who is refused (403, nothing written), the CSRF check on the note
// form and on the multipart uploads, a sealed document opened only with a reason by the entitled (and the
// opening logged), the signed text of a decision (the resolution, an extension decision) attached to it and
// listed under it, the decision's PDF, a note that never reaches the citizen's tracking page or the tracking
// API, and the mention e-mail: a link to the console's case page, no note text, no denouncer.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { auth } from '../support/api-harness';
import type { ConsoleClient } from '../support/console-client';
import { registerInConsole, registrationFields, useConsoleStaff } from '../support/console-staff';
import { eventually } from '../support/eventually';
import { exeFile, pdfFile } from '../support/document-files';
import { aResolutionDecision } from '../support/resolution';

const { h, officer, leader, supervisor, otherOfficer } = useConsoleStaff();

const tag = () => randomBytes(3).toString('hex');

const register = (kind: 'complaint' | 'denunciation' = 'complaint') =>
  registerInConsole(
    officer,
    registrationFields(h, {
      kind,
      field: kind === 'complaint' ? 'land' : 'officials_conduct',
      subject: `Khiếu nại bồi thường ${tag()}`,
      'p0.fullName': 'Nguyễn Văn Minh',
      'p0.address': 'Thôn Đông',
    }),
  );

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
    action ??
    /action="(\/console\/petitions\/[^"]+\/documents\?_csrf=[^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
  if (!formAction) throw new Error('no upload form on the page');
  return client.agent.post(formAction).attach('file', file, name);
}

/** The decision upload form, posted as a browser does: the chosen decision first, then the file. */
async function uploadToDecision(
  client: ConsoleClient,
  id: string,
  decisionId: string | null,
  file: Buffer,
  name: string,
  action?: string,
) {
  const page = await casePage(client, id);
  const formAction =
    action ??
    /action="(\/console\/petitions\/[^"]+\/decision-documents\?_csrf=[^"]+)"/
      .exec(page.text)?.[1]
      ?.replace(/&amp;/g, '&');
  if (!formAction) throw new Error('no decision upload form on the page');
  const req = client.agent.post(formAction);
  if (decisionId !== null) void req.field('decisionId', decisionId);
  return req.attach('file', file, name);
}

/**
 * A case taken through the API to its decisions: for a denunciation (which may be extended) an approved
 * extension decision no. 27/QĐ-UBND, then for either kind the resolution.
 */
async function withDecisions(kind: 'complaint' | 'denunciation') {
  const c = await register(kind);
  const [officerToken, leaderToken] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
  ]);
  const act = (token: string, body: object) =>
    request(h.app).post(`/api/v1/petitions/${c.id}/actions`).set(auth(token)).send(body).expect(200);
  await act(officerToken, { action: 'accept' });
  if (kind === 'denunciation') {
    await act(officerToken, { action: 'setFlags', complex: true, reason: 'Phức tạp' });
    await act(officerToken, { action: 'requestExtension', days: 30, reason: 'Cần xác minh thêm tại hai địa bàn' });
    await act(leaderToken, {
      action: 'decideExtension',
      approve: true,
      reason: 'Đồng ý gia hạn',
      decision: { number: '27/QĐ-UBND', date: '2026-12-01', signer: 'Lê Văn Chủ Tịch' },
    });
  }
  await act(leaderToken, { action: 'assign', assigneeId: h.org.officer.id });
  await act(leaderToken, {
    action: 'resolve',
    summary: 'Giải quyết: đúng một phần',
    // A complaint's resolution is a written decision; a denunciation's conclusion may come without one.
    ...(kind === 'complaint' ? { decision: aResolutionDecision() } : {}),
  });
  const eventOf = (type: string) =>
    eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: c.id, type } }), {
      what: `the ${type} event`,
    });
  const resolution = await eventOf('resolve');
  const extension = kind === 'denunciation' ? await eventOf('decideExtension') : null;
  return { ...c, resolutionId: resolution.id, extensionId: extension?.id ?? null };
}

/** What the case page lists under one decision (up to the next decision, or the end of the list). */
function decisionItem(html: string, decisionId: string): string {
  const start = html.indexOf(`<li data-decision="${decisionId}">`);
  if (start < 0) return '';
  const rest = html.slice(start + 1);
  const end = rest.search(/<li data-decision=|<form[^>]*data-form="uploadDecisionDocument"|<\/section>/);
  return end < 0 ? rest : rest.slice(0, end);
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
  const refused = await upload(
    supervisor,
    id,
    pdfFile(),
    'khac.pdf',
    `/console/petitions/${id}/documents?_csrf=${token}`,
  );
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
  const { id } = await withDecisions('denunciation');
  const page = await casePage(officer, id);
  const link =
    /href="(\/console\/petitions\/[^"]+\/decisions\/[^"]+\/pdf)">Quyết định gia hạn số 27\/QĐ-UBND \(PDF\)</.exec(
      page.text,
    );
  expect(link).not.toBeNull();
  const pdf = await binary(leader, link![1]!);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await binary(otherOfficer, link![1]!)).status).toBe(403);
});

test('when a case has its resolution, then an officer attaches the signed text to it through the form, it is listed under the decision with a download, and the supervisor may download but not attach', async () => {
  const { id, resolutionId } = await withDecisions('complaint');
  const before = await casePage(officer, id);
  expect(before.text).toContain('data-form="uploadDecisionDocument"');
  expect(before.text).toContain(`<option value="${resolutionId}">Văn bản giải quyết số 125/QĐ-UBND ngày`);
  expect(decisionItem(before.text, resolutionId)).toContain('Chưa đính kèm văn bản nào cho quyết định này.');
  const file = pdfFile(`Quyết định giải quyết khiếu nại ${tag()}`);
  const res = await uploadToDecision(officer, id, resolutionId, file, 'quyết định giải quyết.pdf');
  expect(res.status).toBe(303);
  expect(decodeURIComponent(res.headers.location!)).toContain('documentAdded=quyết định giải quyết.pdf');
  const doc = await h.db.prisma.document.findFirstOrThrow({ where: { petitionId: id } });
  expect(doc).toMatchObject({ decisionEventId: resolutionId, sealed: false, fileName: 'quyết định giải quyết.pdf' });

  const page = await officer.get(res.headers.location!);
  expect(page.text).toContain('Đã đính kèm tài liệu quyết định giải quyết.pdf.');
  const listed = decisionItem(page.text, resolutionId);
  expect(listed).toContain('quyết định giải quyết.pdf');
  expect(listed).toContain(`href="/console/petitions/${id}/documents/${doc.id}"`);
  // Under its decision, not again among the petition's own documents.
  expect(page.text).toContain('Hồ sơ chưa có tài liệu nào.');
  const downloaded = await binary(supervisor, `/console/petitions/${id}/documents/${doc.id}`);
  expect(downloaded.status).toBe(200);
  expect(downloaded.headers['cache-control']).toBe('no-store');
  expect(Buffer.compare(downloaded.body as Buffer, file)).toBe(0);
  // The API lists it with the resolution too: the console and the API attach through one use case.
  const officerToken = await h.login(h.org.officer.username);
  const api = await request(h.app)
    .get(`/api/v1/petitions/${id}/decisions/${resolutionId}/documents`)
    .set(auth(officerToken))
    .expect(200);
  expect(api.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);

  const seen = await casePage(supervisor, id);
  expect(decisionItem(seen.text, resolutionId)).toContain('quyết định giải quyết.pdf');
  expect(seen.text).not.toContain('data-form="uploadDecisionDocument"');
  const token = /name="_csrf" value="([^"]+)"/.exec(seen.text)![1]!;
  const refused = await uploadToDecision(
    supervisor,
    id,
    resolutionId,
    pdfFile(),
    'khac.pdf',
    `/console/petitions/${id}/decision-documents?_csrf=${token}`,
  );
  expect(refused.status).toBe(403);
  expect(refused.text).toContain('Bạn không có quyền thực hiện việc này.');
  expect(refused.text).toContain('attaching a document needs role officer or leader');
  const noToken = await uploadToDecision(
    officer,
    id,
    resolutionId,
    pdfFile(),
    'x.pdf',
    `/console/petitions/${id}/decision-documents`,
  );
  expect(noToken.status).toBe(403);
  expect(await documentsOf(id)).toBe(1);
});

test('when a decision upload is not a PDF, image or office document, names no decision or another case’s, then it is refused in words and nothing is stored', async () => {
  const { id, resolutionId } = await withDecisions('complaint');
  const wrongType = await uploadToDecision(officer, id, resolutionId, exeFile(), 'quyet-dinh.pdf');
  expect(wrongType.status).toBe(415);
  expect(wrongType.text).toContain('Chỉ nhận tài liệu PDF, JPEG, PNG, DOCX hoặc ODT');
  expect(wrongType.text).toContain('only PDF, JPEG, PNG, DOCX and ODT documents are accepted');
  const en = await officer.get(`/console/petitions/${id}?lang=en`);
  expect(en.text).toContain('Attach a document to a decision');
  const wrongTypeEn = await uploadToDecision(officer, id, resolutionId, exeFile(), 'quyet-dinh.pdf');
  expect(wrongTypeEn.text).toContain('Only PDF, JPEG, PNG, DOCX or ODT documents are accepted');
  await officer.get(`/console/petitions/${id}?lang=vi`);
  const noDecision = await uploadToDecision(officer, id, null, pdfFile(), 'quyet-dinh.pdf');
  expect(noDecision.status).toBe(400);
  expect(noDecision.text).toContain('Chọn quyết định mà tài liệu thuộc về.');
  const other = await withDecisions('complaint');
  const elsewhere = await uploadToDecision(officer, id, other.resolutionId, pdfFile(), 'quyet-dinh.pdf');
  expect(elsewhere.status).toBe(404);
  expect(await documentsOf(id)).toBe(0);
});

test('when a denunciation’s extension decision gets its signed text, then it is sealed: the supervisor without a grant cannot open it, the officer opens it with a reason and the opening is logged', async () => {
  const { id, extensionId } = await withDecisions('denunciation');
  const page = await casePage(officer, id);
  expect(page.text).toContain(`<option value="${extensionId}">Quyết định gia hạn số 27/QĐ-UBND ngày`);
  const res = await uploadToDecision(officer, id, extensionId!, pdfFile('chữ ký'), 'qd-gia-han-nguyen-van-minh.pdf');
  expect(res.status).toBe(303);
  const doc = await h.db.prisma.document.findFirstOrThrow({ where: { petitionId: id } });
  expect(doc).toMatchObject({ decisionEventId: extensionId, sealed: true });
  expect(doc.fileName).not.toContain('nguyen-van-minh');

  const seen = await casePage(supervisor, id);
  const listed = decisionItem(seen.text, extensionId!);
  expect(listed).toContain('niêm phong');
  expect(listed).toContain('Chỉ người có quyền mở danh tính người tố cáo mới mở được.');
  expect(seen.text).not.toContain('nguyen-van-minh');
  expect((await binary(supervisor, `/console/petitions/${id}/documents/${doc.id}`)).status).toBe(403);

  const own = await casePage(officer, id);
  expect(decisionItem(own.text, extensionId!)).toContain(`action="/console/petitions/${id}/documents/${doc.id}"`);
  const opened = await officer.post(`/console/petitions/${id}/documents/${doc.id}`, { reason: 'Đối chiếu bản ký' });
  expect(opened.status).toBe(200);
  expect(opened.headers['content-disposition']).toContain('qd-gia-han-nguyen-van-minh.pdf');
  expect(await h.db.prisma.identityAccess.count({ where: { documentId: doc.id, reason: 'Đối chiếu bản ký' } })).toBe(1);
});

test('when a note on a denunciation mentions a colleague, then the e-mail links to the case’s console page and carries neither the note nor the denouncer', async () => {
  const { id, code } = await register('denunciation');
  const res = await addNote(officer, id, {
    body: 'Ông Nguyễn Văn Minh ở Thôn Đông gọi lại số 0912 345 678',
    mentionIds: h.org.communeLeader.id,
  });
  expect(res.status).toBe(303);
  const mail = await eventually(
    async () => h.mailer.sent.find((m) => m.to === h.org.communeLeader.email && m.subject.includes(code)) ?? null,
    { what: 'the mention e-mail' },
  );
  const link = `http://danvan.test/console/petitions/${id}#notes`;
  expect(mail.text).toContain(link);
  expect(mail.html).toContain(link);
  for (const part of [mail.subject, mail.text, mail.html ?? '']) {
    expect(part).not.toContain('/api/v1');
    for (const needle of ['Nguyễn Văn Minh', 'Thôn Đông', '0912 345 678', 'gọi lại'])
      expect(part).not.toContain(needle);
  }
  // The link opens the notes on the case page for the colleague it was sent to.
  const opened = await leader.get(new URL(link).pathname);
  expect(opened.status).toBe(200);
  expect(opened.text).toContain('id="notes"');
  expect(opened.text).toContain('gọi lại số 0912 345 678');
});
