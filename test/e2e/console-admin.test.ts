// The admin's console in a real browser against the service as `npm start` runs it: an admin marks a
// holiday inside a case's deadline, sees in the preview what it would move, saves, and the case's due
// date moves. Every admin page, the letter templates and the national sync report are checked by axe in
// Vietnamese and English and photographed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { formatDay, isWeekend, localDayOf, yearOf } from '../../src/domain/calendar/day';
import { eventually } from '../support/eventually';
import { accessibilityViolations, collectPageProblems, launchBrowser, screenshot } from './support/browser';
import { startConsoleService, type ConsoleService } from './support/console-service';

let svc: ConsoleService;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: (() => string[])[] = [];

// A national receiver that accepts every record, so the sync the service starts at boot leaves a run to report.
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}'));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/records`;
  [svc, browser] = await Promise.all([
    startConsoleService({ NATIONAL_SYNC_URL: receiverUrl, NATIONAL_SYNC_ALLOW_HTTP: 'true' }),
    launchBrowser(),
  ]);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (svc) expect(await svc.stop()).toBe(0);
  await new Promise((resolve) => receiver.close(resolve));
});

afterEach(() => {
  expect(problems.splice(0).flatMap((read) => read())).toEqual([]);
});

async function asUser(username: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const seen = collectPageProblems(page);
  problems.push(() => seen.map((p) => `${username}: ${p}`));
  await page.goto(`${svc.baseUrl}/console/sign-in?lang=vi`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/console');
  return page;
}

async function axeAndScreenshot(page: Page, name: string, lang: 'vi' | 'en', exclude: string[] = []): Promise<void> {
  expect({ page: name, lang, violations: await accessibilityViolations(page, { exclude }) }).toEqual({
    page: name,
    lang,
    violations: [],
  });
  await screenshot(page, `${name}.${lang}`);
}

/** A GET page in both languages, then back to Vietnamese. */
async function checkBothLanguages(page: Page, path: string, name: string, exclude: string[] = []): Promise<void> {
  for (const lang of ['en', 'vi'] as const) {
    await page.goto(`${svc.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await axeAndScreenshot(page, name, lang, exclude);
  }
}

test('when an admin marks a holiday inside a case’s deadline, then the preview names the case and after saving its due date moves', async () => {
  const [officer, admin] = await Promise.all([asUser('can-bo-tien-du'), asUser('quan-tri')]);

  // A denunciation whose triage clock (7 working days) runs from now.
  await officer.getByRole('link', { name: 'Tiếp nhận đơn' }).click();
  await officer.getByLabel('Loại đơn').selectOption('denunciation');
  await officer.getByLabel(/^Lĩnh vực/).fill('officials_conduct');
  await officer.getByLabel('Tiêu đề').fill('Tố cáo chờ thụ lý, lịch nghỉ bù');
  await officer.getByLabel('Nội dung đơn').fill('Nội dung tố cáo.');
  await officer.getByLabel('Họ và tên').fill('Người Tố Cáo');
  await officer.getByRole('button', { name: 'Tiếp nhận và cấp phiếu hẹn' }).click();
  await officer.getByRole('heading', { name: 'Phiếu tiếp nhận đơn' }).waitFor();
  const code = (await officer.getByTestId('tracking-code').textContent())!.trim();
  const caseUrl = `${svc.baseUrl}${(await officer.getByRole('link', { name: 'Mở hồ sơ đơn' }).getAttribute('href'))!}`;

  // A working weekday inside the window, not already a holiday.
  let day = localDayOf(Date.now()) + 2;
  while (isWeekend(day) || defaultCalendarYear(yearOf(day)).holidays.includes(formatDay(day))) day++;
  const date = formatDay(day);

  // Only admins see the entry; it leads to the sections.
  expect(await officer.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
  await admin.getByRole('link', { name: 'Quản trị' }).click();
  await admin.waitForURL((u) => u.pathname === '/console/admin/units');
  await admin.getByRole('link', { name: 'Lịch làm việc' }).click();
  await admin.waitForURL((u) => u.pathname === '/console/admin/calendar');

  // The preview in English first (for axe), cancelled; then the real change in Vietnamese.
  await admin.goto(`${svc.baseUrl}/console/admin/calendar?year=${yearOf(day)}&lang=en`);
  await admin.getByLabel('Date', { exact: true }).fill(date);
  await admin.getByRole('button', { name: 'Preview the effect' }).click();
  await admin.getByRole('heading', { level: 1, name: /Preview/ }).waitFor();
  await axeAndScreenshot(admin, 'admin-calendar-preview', 'en');
  await admin.getByRole('link', { name: 'Cancel, back to the calendar' }).click();

  await admin.goto(`${svc.baseUrl}/console/admin/calendar?year=${yearOf(day)}&lang=vi`);
  await admin.getByLabel('Ngày', { exact: true }).fill(date);
  await admin.getByLabel('Loại ngày').selectOption('holiday');
  await admin.getByRole('button', { name: 'Xem trước ảnh hưởng' }).click();
  const row = admin.locator(`#preview-moved tr[data-petition="${code}"]`);
  await row.waitFor();
  const [dueNow, dueAfter] = [
    (await row.locator('td').nth(3).textContent())!,
    (await row.locator('td').nth(4).textContent())!,
  ];
  expect(dueAfter).not.toBe(dueNow);
  await axeAndScreenshot(admin, 'admin-calendar-preview', 'vi');
  await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await admin.getByText(/Đã lưu lịch năm/).waitFor();
  expect(await admin.locator(`td.holiday[data-date="${date}"]`).count()).toBe(1);

  // The case page: first the due date the preview said was current, then the one it promised.
  await eventually(
    async () => {
      await admin.goto(caseUrl);
      return (await admin.locator('#clock-heading + dl').textContent())?.includes(dueAfter);
    },
    { what: `the due date of ${code} to become ${dueAfter}` },
  );
  expect(await admin.locator('#clock-heading + dl').textContent()).not.toContain(dueNow);
});

test('when an admin opens each admin page, then axe finds nothing in Vietnamese or English', async () => {
  const admin = await asUser('quan-tri');
  await checkBothLanguages(admin, '/console/admin/units', 'admin-units');
  await checkBothLanguages(admin, '/console/admin/units/xa-tien-du', 'admin-unit');
  await checkBothLanguages(admin, '/console/admin/people', 'admin-people');
  await checkBothLanguages(admin, '/console/admin/people/can-bo-tien-du', 'admin-person');
  await checkBothLanguages(admin, '/console/admin/tokens', 'admin-tokens');
  await checkBothLanguages(admin, '/console/admin/policy', 'admin-policy');
  await checkBothLanguages(admin, '/console/admin/calendar', 'admin-calendar');
  // A created token is shown once, on the answer to the form.
  await admin.goto(`${svc.baseUrl}/console/admin/tokens?lang=vi`);
  await admin.getByLabel('Tên (hệ thống sẽ dùng mã)').fill('Cổng dịch vụ công');
  await admin.getByLabel('Đọc đơn (petitions:read)').check();
  await admin.getByRole('button', { name: 'Tạo mã' }).click();
  const token = await admin.getByLabel('Mã truy cập', { exact: true }).inputValue();
  expect(token).toMatch(/^dvt_/);
  await axeAndScreenshot(admin, 'admin-token-created', 'vi');
  await admin.goto(`${svc.baseUrl}/console/admin/tokens`);
  expect(await admin.content()).not.toContain(token);
});

test('when an admin opens the letter templates and the national sync report with its first run, then axe finds nothing in Vietnamese or English', async () => {
  const admin = await asUser('quan-tri');
  // The preview frame is sandboxed without scripts, so axe reads its letter as a page of its own.
  await checkBothLanguages(admin, '/console/admin/letters', 'admin-letters', ['#letter-preview']);
  const preview = (await admin.locator('#letter-preview').getAttribute('src'))!;
  await checkBothLanguages(admin, preview.replace(/&lang=en$/, ''), 'admin-letter-preview');
  expect(await admin.locator('#preview-subject').count()).toBe(1);
  // The sync started at boot reports its first run (of the province) as soon as it has begun.
  await eventually(
    async () => {
      await admin.goto(`${svc.baseUrl}/console/national-sync?lang=vi`);
      return (await admin.locator('#sync-runs tbody tr').count()) > 0;
    },
    { what: 'the first national sync run in the report' },
  );
  await checkBothLanguages(admin, '/console/national-sync', 'national-sync');
  const run = (await admin.locator('#sync-runs tbody tr a').first().getAttribute('href'))!;
  await checkBothLanguages(admin, run.replace(/\?lang=en$/, ''), 'national-sync-run');
  expect(await admin.locator('#sync-run').count()).toBe(1);
});
