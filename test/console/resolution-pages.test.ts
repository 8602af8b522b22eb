// The resolve form on the case page, posted as a browser without JavaScript posts it: its written record's
// fields (labelled, required for a complaint, the date bounded by the receipt and today), a refusal marked at
// the field in words, and once resolved the case's decisions list with the number, date and signer and the
// PDF, printed for those who may read the case only.
import request from 'supertest';
import { auth } from '../support/api-harness';
import type { ConsoleClient } from '../support/console-client';
import { registerInConsole, registrationFields, useConsoleStaff } from '../support/console-staff';
import { aResolutionDecision } from '../support/resolution';
import { DAY_MS } from '../../src/domain/calendar/day';

const { h, officer, leader, otherOfficer } = useConsoleStaff();

/** A complaint registered in the console, accepted and assigned through the API: the leader may resolve it. */
async function assignedComplaint() {
  const c = await registerInConsole(officer, registrationFields(h, { subject: `Khiếu nại đo đạc ${Date.now()}` }));
  const [officerToken, leaderToken] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
  ]);
  const act = (token: string, body: object) =>
    request(h.app).post(`/api/v1/petitions/${c.id}/actions`).set(auth(token)).send(body).expect(200);
  await act(officerToken, { action: 'accept' });
  await act(leaderToken, { action: 'assign', assigneeId: h.org.officer.id });
  return c;
}

/** The resolve form of the case page, from its opening tag to its end. */
const resolveForm = (html: string) => /<form[^>]*data-action="resolve"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';

const postResolve = (client: ConsoleClient, id: string, fields: Record<string, string>) =>
  client.post(
    `/console/petitions/${id}/actions`,
    { action: 'resolve', idempotencyKey: `k-${Math.random().toString(36).slice(2, 12)}`, ...fields },
    { formPage: `/console/petitions/${id}` },
  );

const binary = (client: ConsoleClient, url: string) =>
  client.agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(null, Buffer.concat(parts)));
    });

const today = () => aResolutionDecision().date;

test('when the leader opens a complaint to resolve, then the form asks for the written record with labelled, required fields in Vietnamese, and in English on request', async () => {
  const { id } = await assignedComplaint();
  const form = resolveForm((await leader.get(`/console/petitions/${id}`)).text);
  expect(form).toContain('<legend>Văn bản giải quyết (số, ngày ký, người ký)</legend>');
  expect(form).toContain('Bắt buộc: khiếu nại được giải quyết bằng quyết định (Luật Khiếu nại 2011 Đ.31, Đ.40).');
  for (const [name, label] of [
    ['number', 'Số văn bản'],
    ['date', 'Ngày ký'],
    ['signer', 'Người ký'],
    ['signerTitle', 'Chức vụ người ký'],
  ]) {
    expect(form).toContain(`<label for="resolve-decision-${name}">${label}</label>`);
    expect(form).toMatch(new RegExp(`<input id="resolve-decision-${name}" name="decision\\.${name}"[^>]* required`));
  }
  expect(form).toContain(`min="2026-11-30"`);
  expect(form).toContain(`max="${today()}"`);
  expect(form).toContain('aria-describedby="resolve-decision-number-hint"');
  const english = resolveForm((await leader.get(`/console/petitions/${id}?lang=en`)).text);
  expect(english).toContain('<label for="resolve-decision-date">Date signed</label>');
  expect(english).toContain('<label for="resolve-decision-signerTitle">Signer');
  await leader.get(`/console/petitions/${id}?lang=vi`);
});

test('when the resolve form is posted without its record, or dated ahead, then it is refused in words at the field and the case stays assigned', async () => {
  const { id } = await assignedComplaint();
  const missing = await postResolve(leader, id, { summary: 'Giữ nguyên quyết định', 'decision.date': today() });
  expect(missing.status).toBe(400);
  expect(missing.text).toContain('giải quyết khiếu nại phải bằng quyết định');

  const tomorrow = aResolutionDecision({}, Date.now() + 2 * DAY_MS).date;
  const ahead = await postResolve(leader, id, {
    summary: 'Giữ nguyên quyết định',
    'decision.number': '125/QĐ-UBND',
    'decision.date': tomorrow,
    'decision.signer': 'Trần Thị Xã',
    'decision.signerTitle': 'Chủ tịch',
  });
  expect(ahead.status).toBe(400);
  const form = resolveForm(ahead.text);
  expect(form).toMatch(/id="resolve-decision-date"[^>]*aria-invalid="true"/);
  expect(form).toContain('ngày ký không được ở tương lai / the date signed must not be in the future');
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).stage).toBe('assigned');
});

test('when the leader resolves a complaint with its record, then the decisions list shows its number, date and signer with its PDF, printed for the case’s readers only', async () => {
  const { id } = await assignedComplaint();
  const res = await postResolve(leader, id, {
    summary: 'Giữ nguyên quyết định đo đạc',
    'decision.number': '125/QĐ-UBND',
    'decision.date': today(),
    'decision.signer': 'Trần Thị Xã',
    'decision.signerTitle': 'Chủ tịch',
  });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`/console/petitions/${id}?done=resolve`);
  const page = await officer.get(`/console/petitions/${id}`);
  const decisions = /data-testid="decisions"[\s\S]*?<\/ul>/.exec(page.text)![0];
  const [y, m, d] = today().split('-');
  expect(decisions).toContain(`Văn bản giải quyết số 125/QĐ-UBND ngày ${d}/${m}/${y}`);
  expect(decisions).toContain('(Chủ tịch Trần Thị Xã)');
  const href = `/console/petitions/${id}/decisions/resolution/pdf`;
  expect(decisions).toContain(`<a href="${href}">Văn bản giải quyết số 125/QĐ-UBND (PDF)</a>`);

  const pdf = await binary(officer, href);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await binary(otherOfficer, href)).status).toBe(403);
});
