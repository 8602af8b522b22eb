// The citizens' portal in a real browser at a phone's size (360 × 740), against the service as `npm start`
// runs it: file a report and follow it to its answer and rating (the officers act through the JSON API),
// a late complaint explained, registering for a reception day with the invitation in the outbox, a
// conference's published results, and axe (WCAG 2.1 AA) on every page in Vietnamese and English.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { accessibilityViolations, collectPageProblems, launchBrowser, screenshot } from './support/browser';
import { startPortalService, type PortalService } from './support/portal-service';
import { eventually } from '../support/eventually';

let svc: PortalService;
let browser: Browser;
let db: Client;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startPortalService(), launchBrowser()]);
  db = new Client({ connectionString: svc.service.databaseUrl });
  await db.connect();
}, 150_000);

afterAll(async () => {
  await db?.end();
  await browser?.close();
  if (svc) {
    const code = await svc.stop();
    if (code !== 0) process.stderr.write(svc.service.output().slice(-4000));
    expect(code).toBe(0);
  }
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function api(method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${svc.baseUrl}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const login = async (username: string) =>
  (await api('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).body.token as string;

async function expectAccessible(page: Page, shot: string): Promise<void> {
  expect({ shot, violations: await accessibilityViolations(page) }).toEqual({ shot, violations: [] });
  // Mobile-first: nothing wider than the phone's screen.
  expect({
    shot,
    overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  }).toEqual({ shot, overflow: false });
  await screenshot(page, `portal/${shot}`);
}

test('when a citizen files a report on a phone, then the receipt gives code and secret, and tracking follows it to the answer and the rating', async () => {
  const context = await phone();
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(`${svc.baseUrl}/file?lang=vi`);
  await page.getByLabel('Tên xã, phường').fill('tien du');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('link', { name: 'UBND xã Tiên Du' }).click();
  await page.getByLabel('Phản ánh', { exact: true }).check();
  await page.getByLabel('Lĩnh vực').selectOption('infrastructure');
  await page.getByLabel('Tiêu đề').fill('Đèn đường thôn Đông hỏng');
  await page.getByLabel('Nội dung').fill('Ba cột đèn đầu thôn Đông tắt từ tuần trước, buổi tối rất nguy hiểm.');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Dân');
  await page.getByLabel('Thư điện tử').fill('nguyen.thi.dan@example.test');
  await page.getByRole('button', { name: 'Gửi đơn' }).click();
  await page.getByRole('heading', { name: 'Đã nhận đơn của ông/bà' }).waitFor();
  await expectAccessible(page, 'receipt.vi');
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  const secret = (await page.getByTestId('tracking-secret').textContent())!.trim();
  expect(page.url()).not.toContain(secret);
  expect(await page.locator('svg').count()).toBeGreaterThan(0);
  expect(await page.getByText(/chậm nhất ngày/).count()).toBe(1);

  // The officers act through the JSON API, as the console would.
  const { rows } = await db.query('SELECT id FROM "Petition" WHERE "trackingCode" = $1', [code]);
  const id = rows[0].id as string;
  const officer = await login('can-bo-tien-du');
  const leader = await login('chu-tich-tien-du');
  await eventually(
    async () =>
      (await api('POST', `/petitions/${id}/actions`, officer, { action: 'accept' })).status === 200 || undefined,
    { what: 'accepted' },
  );
  expect(
    (await api('POST', `/petitions/${id}/actions`, leader, { action: 'assign', assigneeId: 'can-bo-tien-du' })).status,
  ).toBe(200);
  expect(
    (
      await api('POST', `/petitions/${id}/actions`, leader, {
        action: 'resolve',
        summary: 'Đã thay bóng đèn ba cột đầu thôn Đông',
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api('POST', `/petitions/${id}/actions`, officer, {
        action: 'reportBack',
        summary: 'Đã thay bóng ba cột đèn đầu thôn Đông ngày hôm nay.',
      })
    ).status,
  ).toBe(200);
  await eventually(
    async () =>
      (await db.query('SELECT stage FROM "Petition" WHERE id = $1', [id])).rows[0].stage === 'closed' || undefined,
    { what: 'the closed stage' },
  );

  await page.goto(`${svc.baseUrl}/track`);
  await page.getByLabel('Mã theo dõi').fill(code);
  await page.getByLabel('Mật mã').fill(secret);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  expect(await page.getByTestId('stage').textContent()).toBe('Đã trả lời công dân');
  expect(await page.getByTestId('result').textContent()).toContain('Đã thay bóng ba cột đèn');
  expect(page.url()).toBe(`${svc.baseUrl}/track`);
  await expectAccessible(page, 'tracked.vi');
  await page.getByLabel('Hài lòng', { exact: true }).check();
  await page.getByLabel(/Góp ý thêm/).fill('Cảm ơn xã.');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  expect(await page.getByRole('status').textContent()).toContain('Đã ghi nhận đánh giá');
  expect(await page.getByText('Ông/bà đã đánh giá: hài lòng.', { exact: false }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
  const rating = await db.query('SELECT satisfied FROM "PetitionRating" WHERE "petitionId" = $1', [id]);
  expect(rating.rows).toEqual([{ satisfied: true }]);
  expect(problems).toEqual([]);
  await context.close();
});

test('when a complaint is filed more than 90 days after the decision was known, then the page explains the window of Đ.9 (in English too)', async () => {
  const context = await phone();
  const page = await context.newPage();
  await page.goto(`${svc.baseUrl}/file?unit=xa-tien-du&lang=en`);
  await page.getByLabel('Complaint', { exact: true }).check();
  await page.getByLabel('Subject').fill('Land recovery decision');
  await page.getByLabel('Details').fill('The decision recovers my garden without compensation.');
  await page.getByLabel('The decision or act complained about').fill('Decision 12/QĐ-UBND of 1 March 2026');
  await page.getByLabel('The day you received or learned of that decision or act').fill('2026-03-02');
  await page.getByLabel('Full name').fill('Trần Văn Khiếu');
  await page.getByLabel('E-mail').fill('khieu@example.test');
  await page.getByRole('button', { name: 'Send' }).click();
  const warning = page.getByRole('status').filter({ hasText: 'filing window is over' });
  // Day 90 is Sunday 31 May 2026: the window ends on the next working day (Civil Code art. 148).
  expect(await warning.textContent()).toMatch(/90 days from 2026-03-02 ended on 2026-06-01/);
  expect(await page.getByRole('alert').textContent()).toContain('Why it is late');
  await expectAccessible(page, 'complaint-late.en');
  expect(
    (await db.query('SELECT count(*)::int AS n FROM "Petition" WHERE subject = $1', ['Land recovery decision'])).rows[0]
      .n,
  ).toBe(0);
  await context.close();
});

test('when a citizen registers for a reception day, then the invitation with its .ics reaches the outbox', async () => {
  const context = await phone();
  const page = await context.newPage();
  const link = page.getByRole('link', { name: /^Đăng ký: .*UBND xã Tiên Du$/ }).first();
  await eventually(
    async () => {
      await page.goto(`${svc.baseUrl}/reception?lang=vi`);
      return (await link.count()) > 0 || undefined;
    },
    { what: 'an announced Tiên Du session' },
  );
  await link.click();
  await expectAccessible(page, 'register.vi');
  await page.getByLabel('Họ và tên').fill('Lê Văn Đăng');
  await page.getByLabel('Thư điện tử').fill('le.van.dang@example.test');
  await page.getByLabel('Nội dung muốn trình bày').fill('Ô nhiễm từ xưởng gỗ');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  expect(await page.getByRole('status').textContent()).toContain('le.van.dang@example.test');
  await expectAccessible(page, 'registered.vi');
  const outbox = path.join(svc.dataDir, 'outbox');
  const raw = await eventually(
    async () =>
      readdirSync(outbox)
        .map((f) => readFileSync(path.join(outbox, f), 'utf8'))
        .find((m) => m.includes('le.van.dang@example.test') && m.includes('tiep-cong-dan.ics')),
    { what: 'the invitation' },
  );
  expect(raw).toMatch(/text\/calendar/);
  await context.close();
});

test('when a conference has published its results, then the portal shows each opinion’s outcome by field and the commitments', async () => {
  // Holding a conference waits for its day, so its published results are written as the workflow leaves them.
  const id = `conf-portal-${Date.now()}`;
  await db.query(
    `INSERT INTO "Conference" (id, "unitId", kind, title, "startsAt", location, "chairId", status, "attendeeCount", "publishedAt", "resultsSummary", "createdById", "updatedAt") VALUES ($1, 'xa-tien-du', 'regular', 'Đối thoại về môi trường thôn Đông', now() - interval '20 days', 'Hội trường UBND xã Tiên Du', 'chu-tich-tien-du', 'published', 120, now() - interval '5 days', 'Hội nghị ghi nhận 2 ý kiến.', 'chu-tich-tien-du', now())`,
    [id],
  );
  await db.query(
    `INSERT INTO "ConferenceOpinion" (id, "conferenceId", "participantName", field, content, outcome, answer, "recordedById") VALUES ($2, $1, 'Ông Bí Danh', 'environment', 'Xưởng gỗ gây bụi', 'commitment', NULL, 'can-bo-tien-du'), ($3, $1, NULL, 'land', 'Hỏi về cấp sổ đỏ', 'answered', 'Đã hướng dẫn hồ sơ', 'can-bo-tien-du')`,
    [id, `${id}-o1`, `${id}-o2`],
  );
  await db.query(
    `INSERT INTO "Commitment" (id, "conferenceId", "opinionId", "unitId", description, "promisedBy", "dueAt", status, progress, "updatedAt") VALUES ($2, $1, $3, 'xa-tien-du', 'Kiểm tra và xử lý bụi xưởng gỗ', '2027-01-31', now() + interval '60 days', 'open', 40, now())`,
    [id, `${id}-c1`, `${id}-o1`],
  );
  const context = await phone();
  const page = await context.newPage();
  await page.goto(`${svc.baseUrl}/conferences?lang=vi`);
  await page.getByRole('link', { name: 'Đối thoại về môi trường thôn Đông' }).click();
  expect(await page.getByRole('heading', { level: 3, name: /Môi trường \(1\)/ }).count()).toBe(1);
  expect(
    await page.getByRole('row', { name: /Hỏi về cấp sổ đỏ.*Đã trả lời tại hội nghị: Đã hướng dẫn hồ sơ/ }).count(),
  ).toBe(1);
  expect(await page.getByRole('row', { name: /Kiểm tra và xử lý bụi xưởng gỗ.*31\/01\/2027.*40\s?%/ }).count()).toBe(1);
  expect(await page.content()).not.toContain('Ông Bí Danh');
  await expectAccessible(page, 'conference-results.vi');
  await page.getByRole('link', { name: 'English' }).click();
  await expectAccessible(page, 'conference-results.en');
  await context.close();
});

test('every public page is accessible, cacheable and free of inline script in Vietnamese and English', async () => {
  const context = await phone();
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  const pages: [string, string][] = [
    ['home', '/'],
    ['file-pick', '/file'],
    ['file-form', '/file?unit=xa-tien-du'],
    ['denunciation', '/denunciation?unit=xa-tien-du'],
    ['track', '/track?code=PA-TEST'],
    ['reception', '/reception'],
    ['conferences', '/conferences'],
    ['figures', '/figures'],
  ];
  let scriptBytes = 0;
  for (const lang of ['vi', 'en'] as const) {
    for (const [name, url] of pages) {
      const response = await page.goto(`${svc.baseUrl}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectAccessible(page, `${name}.${lang}`);
      const again = await fetch(`${svc.baseUrl}${url}`, { headers: { 'accept-language': lang } });
      expect({ name, cache: again.headers.get('cache-control') }).toEqual({ name, cache: 'public, max-age=300' });
      expect(response!.status()).toBe(200);
    }
  }
  for (const src of await page
    .locator('script[src]')
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src)))
    scriptBytes += (await (await fetch(src)).arrayBuffer()).byteLength;
  expect(scriptBytes).toBeLessThanOrEqual(20 * 1024);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});
