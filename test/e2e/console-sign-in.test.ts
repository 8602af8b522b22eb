// The console in a real browser against the service as `npm start` runs it: sign-in, the language switch,
// accessibility (axe, WCAG 2.1 AA) in both languages, and the page staying inside its CSP.
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { accessibilityViolations, collectPageProblems, launchBrowser, screenshot } from './support/browser';
import { startConsoleService, type ConsoleService } from './support/console-service';

let svc: ConsoleService;
let browser: Browser;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startConsoleService(), launchBrowser()]);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (svc) expect(await svc.stop()).toBe(0);
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${svc.baseUrl}/console/sign-in`);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
}

test('when a visitor opens the console, then the sign-in page is accessible in Vietnamese and English and the switch is remembered', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(`${svc.baseUrl}/console`);
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, 'sign-in.vi');

  await page.getByRole('link', { name: 'English' }).click();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, 'sign-in.en');
  await page.goto(`${svc.baseUrl}/console/sign-in`);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(problems).toEqual([]);
  await context.close();
});

test('when an officer signs in with the demo account, then the home page shows the queues, and sign-out ends it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await signIn(page, 'can-bo-tien-du');
  await page.waitForURL((u) => u.pathname === '/console');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Việc của tôi');
  expect(await page.getByRole('status').textContent()).toContain('Giao cho tôi');
  expect(await accessibilityViolations(page)).toEqual([]);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'dv_session')!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
  await page.goto(`${svc.baseUrl}/console`);
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
  expect(problems).toEqual([]);
  await context.close();
});
