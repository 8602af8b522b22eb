// Letters: a unit's own wording of its petition e-mails, checked when saved, previewed, and sent with the
// unit's letterhead as HTML plus text; the notification keeps what was sent (a denouncer's copy sealed),
// a retried send sends nothing more, and the forwarding letter names a denouncer "công dân".
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { makeSendNotification } from '../../activities/petition/send-notification';
import { openMailCopy } from '../../src/org/sealed-copy';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;
let admin: string;
let officer: string;
let leader: string;
const tag = randomBytes(3).toString('hex');

beforeAll(async () => {
  h = await startApiHarness();
  [admin, officer, leader] = await Promise.all([
    h.login(h.org.admin.username),
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

const resultWording = (unitId: string) => ({
  unitId,
  template: 'result',
  kind: '*',
  subjectVi: 'Trả lời đơn {{trackingCode}}',
  subjectEn: 'Answer to {{trackingCode}}',
  bodyVi: 'Tỉnh trả lời đơn "{{subject}}": {{summary}}\n\nTrân trọng, {{unitName}}.',
  bodyEn: 'The province answers "{{subject}}": {{summary}}',
});

async function register(kind: string, petitioner: Record<string, string>) {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind,
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: kind === 'denunciation' ? 'officials_conduct' : 'land',
      subject: `Đơn thử thư ${tag}`,
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [petitioner],
    })
    .expect(201);
  const id = res.body.id as string;
  await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: id, type: 'received' } }), {
    what: 'the receipt',
  });
  return id;
}

const act = (id: string, token: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);

test('when a template uses an unknown placeholder, then saving and previewing are refused on that field, and nothing is stored', async () => {
  const bad = { ...resultWording(h.org.provinceId), bodyVi: 'Kết quả: {{summary}} — mật khẩu {{password}}' };
  const saved = await request(h.app).put('/api/v1/admin/letters/templates').set(auth(admin)).send(bad).expect(400);
  expect(saved.body.error.code).toBe('ValidationFailed');
  expect(saved.body.error.details).toEqual([
    { path: 'bodyVi', message: expect.stringContaining('unknown placeholder {{password}}') },
  ]);
  await request(h.app).post('/api/v1/admin/letters/preview').set(auth(admin)).send(bad).expect(400);
  const list = await request(h.app).get('/api/v1/admin/letters/templates').set(auth(admin)).expect(200);
  expect(list.body.items).toEqual([]);
});

test('when someone without role admin, or an admin of another subtree, manages templates, then it is refused', async () => {
  for (const token of [officer, leader])
    await request(h.app)
      .put('/api/v1/admin/letters/templates')
      .set(auth(token))
      .send(resultWording(h.org.communeId))
      .expect(403);
  await h.db.prisma.roleBinding.create({ data: { personId: h.org.otherCommuneLeader.id, role: 'admin', unitId: h.org.otherCommuneId } });
  const otherAdmin = await h.login(h.org.otherCommuneLeader.username);
  await request(h.app)
    .put('/api/v1/admin/letters/templates')
    .set(auth(otherAdmin))
    .send(resultWording(h.org.communeId))
    .expect(403);
  await request(h.app).put(`/api/v1/admin/letters/letterheads/${h.org.communeId}`).set(auth(otherAdmin)).send({ lines: ['x'] }).expect(403);
});

test("when the province words the answer, then a commune's citizen gets it as HTML and text under the commune's letterhead, the notification keeps the copy, and a retried send sends nothing", async () => {
  await request(h.app)
    .put(`/api/v1/admin/letters/letterheads/${h.org.communeId}`)
    .set(auth(admin))
    .send({ lines: ['Số 5 đường Trần Phú', '', 'ĐT: 0222 000 111'] })
    .expect(200);
  const saved = await request(h.app)
    .put('/api/v1/admin/letters/templates')
    .set(auth(admin))
    .send(resultWording(h.org.provinceId))
    .expect(200);
  expect(saved.body).toMatchObject({ version: 1, template: 'result', kind: '*' });
  const again = await request(h.app)
    .put('/api/v1/admin/letters/templates')
    .set(auth(admin))
    .send(resultWording(h.org.provinceId))
    .expect(200);
  expect(again.body).toMatchObject({ id: saved.body.id, version: 2 });

  const preview = await request(h.app)
    .post('/api/v1/admin/letters/preview')
    .set(auth(admin))
    .send({ ...resultWording(h.org.communeId), kind: 'complaint' })
    .expect(200);
  expect(preview.body.subject).toBe('[DV-MAU2-THU5] Trả lời đơn DV-MAU2-THU5 / Answer to DV-MAU2-THU5');
  expect(preview.body.html).toContain('Số 5 đường Trần Phú');
  expect(preview.body.text.split('\n').slice(0, 4)).toEqual([
    expect.stringMatching(/^TỈNH THỬ /),
    expect.stringMatching(/^XÃ AN BÌNH /),
    'Số 5 đường Trần Phú',
    'ĐT: 0222 000 111',
  ]);

  const email = `dan.${tag}@example.test`;
  const id = await register('complaint', { fullName: 'Hoàng Văn Thư', email });
  const summary = `Đúng một phần <b>${tag}</b> & "đã sửa"`;
  await act(id, officer, { action: 'accept' });
  await act(id, leader, { action: 'assign', assigneeId: h.org.officer.id });
  await act(id, leader, { action: 'resolve', summary: 'Giải quyết', decision: aResolutionDecision() });
  await act(id, officer, { action: 'reportBack', summary });
  const mail = await eventually(async () => h.mailer.to(email).find((m) => m.subject.includes('Trả lời đơn')), {
    what: 'the answer',
  });
  expect(mail.text).toContain(`Tỉnh trả lời đơn "Đơn thử thư ${tag}": ${summary}`);
  expect(mail.text.startsWith('TỈNH THỬ')).toBe(true);
  expect(mail.html).toContain(`Đúng một phần &lt;b&gt;${tag}&lt;/b&gt; &amp; &quot;đã sửa&quot;`);
  expect(mail.html).not.toContain(`<b>${tag}`);
  expect(mail.html).toContain('Số 5 đường Trần Phú');
  expect(mail.html!.indexOf('Tỉnh trả lời đơn')).toBeLessThan(mail.html!.indexOf('The province answers'));

  // The relay's 250 comes before the activity marks the row sent, so the mail can be in the sink first.
  const row = await eventually(
    async () => {
      const found = await h.db.prisma.notification.findFirst({ where: { petitionId: id, template: 'result' } });
      return found?.status === 'sent' ? found : undefined;
    },
    { what: 'the answer marked sent' },
  );
  expect(row).toMatchObject({
    status: 'sent',
    bodyText: mail.text,
    bodyHtml: mail.html,
    sealedBody: null,
    letterTemplateId: saved.body.id,
    letterTemplateVersion: 2,
  });
  // The same activity run again with the workflow's key (a retry): nothing more goes out.
  const before = h.mailer.to(email).length;
  const send = makeSendNotification({ ...h.deps, mailer: h.mailer, appUrl: 'http://danvan.test', now: () => new Date() });
  const retried = await send({
    key: row.key.replace(/:c\d+$/, ''),
    petitionId: id,
    template: 'result',
    recipient: { type: 'citizen' },
    data: { summary },
  });
  expect(retried).toMatchObject({ sent: 0, skipped: 1 });
  expect(h.mailer.to(email).length).toBe(before);

  // Removed, the commune's next letters are in the built-in wording again.
  await request(h.app).delete(`/api/v1/admin/letters/templates/${saved.body.id}`).set(auth(admin)).expect(204);
  await request(h.app).get(`/api/v1/admin/letters/templates/${saved.body.id}`).set(auth(admin)).expect(404);
});

test("when a denunciation is forwarded, then the forwarding letter names the denouncer \"công dân\" in text and HTML, and the denouncer's own e-mail is kept only sealed", async () => {
  const name = `Bùi Thư Kín ${tag}`;
  const email = `kin.${tag}@example.test`;
  const id = await register('denunciation', { fullName: name, email, address: `Xóm ${tag}` });
  await act(id, officer, { action: 'forward', toUnitId: h.org.otherCommuneId, reason: 'Thuộc xã Hòa Lạc' });
  const letter = await eventually(
    async () =>
      h.mailer.to(h.org.otherCommuneLeader.email).find((m) => m.subject.includes('Tiếp nhận đơn chuyển đến') && m.text.includes(tag)),
    { what: 'the forwarding letter' },
  );
  expect(letter.text).toContain('Người gửi đơn: công dân.');
  expect(letter.html).toContain('Người gửi đơn: công dân.');
  expect(letter.html).toContain('Sent by: công dân.');
  for (const part of [letter.text, letter.html!, letter.subject]) {
    expect(part).not.toContain(name);
    expect(part).not.toContain(email);
  }
  const toDenouncer = await eventually(
    () =>
      h.db.prisma.notification.findFirst({ where: { petitionId: id, template: 'forwarded', status: 'sent' } }),
    { what: "the denouncer's notice" },
  );
  expect(toDenouncer).toMatchObject({ bodyText: null, bodyHtml: null });
  const copy = openMailCopy(TEST_IDENTITY_KEY, toDenouncer.sealedBody!);
  expect(copy.text).toContain(`Kính gửi ${name},`);
  expect(copy.html).toContain(name);
  expect(h.mailer.to(email).some((m) => m.html?.includes(name))).toBe(true);
});
