// The console's sign-in, sign-out, session cookie and CSRF refusal, through supertest on the real app.
import { createElement } from 'preact';
import request from 'supertest';
import { renderDocument } from '../../src/web/render';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { consoleClient, signIn } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';

beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.stop();
});

test('when a signed-out visitor opens a console page, then they are sent to the sign-in page', async () => {
  const res = await request(h.app).get('/console?queue=mine').expect(303);
  expect(res.headers.location).toBe('/console/sign-in?next=%2Fconsole');
});

test('when an officer signs in, then the session cookie is HttpOnly and SameSite and the home page greets them', async () => {
  const client = consoleClient(h.app);
  const res = await client.post(
    '/console/sign-in',
    { username: h.org.officer.username, password: PASSWORD },
    { formPage: '/console/sign-in' },
  );
  expect(res.status).toBe(303);
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('dv_session='))!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).toMatch(/Path=\/console/);
  const home = await client.get('/console');
  expect(home.status).toBe(200);
  expect(home.text).toContain('Phạm Văn Cán');
  expect(home.headers['content-security-policy']).toContain("script-src 'self'");
  expect(home.headers['content-security-policy']).not.toContain('unsafe-inline');
});

test('when the password is wrong, then the sign-in page says so in Vietnamese and no session is made', async () => {
  const client = consoleClient(h.app);
  const res = await client.post(
    '/console/sign-in',
    { username: h.org.officer.username, password: 'wrong' },
    { formPage: '/console/sign-in' },
  );
  expect(res.status).toBe(401);
  expect(res.text).toContain('Sai tên đăng nhập hoặc mật khẩu.');
  expect(res.headers['set-cookie'] ?? []).not.toEqual(
    expect.arrayContaining([expect.stringMatching(/^dv_session=[^;]/)]),
  );
});

test('when a form is posted without its CSRF token or with a wrong one, then it is refused with 403', async () => {
  const client = consoleClient(h.app);
  await client.get('/console/sign-in');
  const missing = await client.post(
    '/console/sign-in',
    { username: h.org.officer.username, password: PASSWORD },
    { csrf: null },
  );
  expect(missing.status).toBe(403);
  expect(missing.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
  const signedIn = await signIn(h.app, h.org.officer.username, PASSWORD);
  const forged = await signedIn.post('/console/sign-out', {}, { csrf: 'forged-token' });
  expect(forged.status).toBe(403);
  expect((await signedIn.get('/console')).status).toBe(200);
});

test('when a person signs out, then the session is gone and the old cookie no longer opens pages', async () => {
  const client = await signIn(h.app, h.org.communeLeader.username, PASSWORD);
  const session = (await h.db.prisma.session.findMany({ where: { personId: h.org.communeLeader.id } })).length;
  expect(session).toBeGreaterThan(0);
  const out = await client.post('/console/sign-out', {});
  expect(out.status).toBe(303);
  expect(await h.db.prisma.session.count({ where: { personId: h.org.communeLeader.id } })).toBe(0);
  expect((await client.get('/console')).status).toBe(303);
});

test('when a signed-in person is deactivated, then their next page sends them to sign in', async () => {
  const client = await signIn(h.app, h.org.otherOfficer.username, PASSWORD);
  expect((await client.get('/console')).status).toBe(200);
  await h.db.prisma.person.update({ where: { id: h.org.otherOfficer.id }, data: { active: false } });
  const res = await client.get('/console');
  expect(res.status).toBe(303);
  expect(res.headers.location).toMatch(/^\/console\/sign-in/);
});

test('when ?lang=en is given, then the page is in English and the choice is remembered', async () => {
  const client = consoleClient(h.app);
  const en = await client.get('/console/sign-in?lang=en');
  expect(en.text).toContain('<html lang="en"');
  expect(en.text).toContain('Username');
  const again = await client.get('/console/sign-in');
  expect(again.text).toContain('<html lang="en"');
  const fresh = await request(h.app).get('/console/sign-in').set('accept-language', 'en-US,en;q=0.9');
  expect(fresh.text).toContain('<html lang="en"');
  const vi = await request(h.app).get('/console/sign-in');
  expect(vi.text).toContain('<html lang="vi"');
});

test('when a subject carries a script tag, then it is escaped by the template engine', () => {
  const html = renderDocument(createElement('p', null, '<script>alert(1)</script>'));
  expect(html).toContain('&lt;script>alert(1)&lt;/script>');
});
