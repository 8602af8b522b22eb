// The console's sign-in and a day's work, in a real browser against the service as `npm start` runs it: the officer
// registers and prints the receipt, the leader accepts and assigns, the officer finds it in "mine"; a
// denunciation's extension is requested and decided from the leader's queue; a refused action says why; the
// supervisor finds the overdue case, opens its history and downloads the XLSX report and a register; a likely
// duplicate is decided a new matter; the leader's ladder queues and a denunciation's identity-access log; the
// case file's notes, documents and a decision's signed text are added through their forms. Every main page is
// checked by axe in Vietnamese and English and photographed for docs/screenshots.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { eventually } from '../support/eventually';
import { pdfFile } from '../support/document-files';
import { accessibilityViolations, axeTimeMs, collectPageProblems, launchBrowser, screenshot } from './support/browser';
import { startConsoleService, type ConsoleService } from './support/console-service';

let svc: ConsoleService;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageProblems: (() => string[])[] = [];

beforeAll(async () => {
  [svc, browser] = await Promise.all([
    startConsoleService({ POLICY_FILE: path.join(__dirname, '..', 'fixtures', 'policy-console-e2e.json') }),
    launchBrowser(),
  ]);
}, 150_000);

afterAll(async () => {
  process.stdout.write(`e2e: ${Math.round(axeTimeMs() / 1000)} s in axe\n`);
  await browser?.close();
  if (svc) expect(await svc.stop()).toBe(0);
});

afterEach(() => {
  expect(pageProblems.splice(0).flatMap((read) => read())).toEqual([]);
});

async function asUser(username: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const mine = collectPageProblems(page);
  pageProblems.push(() => mine.map((p) => `${username}: ${p}`));
  await page.goto(`${svc.baseUrl}/console/sign-in?lang=vi`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/console');
  return page;
}

async function axeAndScreenshot(page: Page, name: string, lang: 'vi' | 'en'): Promise<void> {
  expect({ page: name, lang, violations: await accessibilityViolations(page) }).toEqual({
    page: name,
    lang,
    violations: [],
  });
  await screenshot(page, `${name}.${lang}`);
}

/** axe in both languages, a screenshot of each, and back to Vietnamese. */
async function checkBothLanguages(page: Page, name: string): Promise<void> {
  const url = new URL(page.url());
  for (const lang of ['vi', 'en'] as const) {
    url.searchParams.set('lang', lang);
    if (lang === 'en') await page.goto(url.toString());
    await axeAndScreenshot(page, name, lang);
  }
  url.searchParams.set('lang', 'vi');
  await page.goto(url.toString());
}

async function openAction(page: Page, action: string) {
  await page.locator(`details:has(form[data-action="${action}"]) > summary`).click();
  return page.locator(`form[data-action="${action}"]`);
}

async function submit(page: Page, form: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
}

async function register(
  page: Page,
  kind: 'complaint' | 'denunciation',
  subject: string,
): Promise<{ code: string; caseUrl: string }> {
  await page.getByRole('link', { name: 'Tiếp nhận đơn' }).click();
  await page.getByLabel('Loại đơn').selectOption(kind);
  await page.getByLabel(/^Lĩnh vực/).fill(kind === 'complaint' ? 'land' : 'officials_conduct');
  await page.getByLabel('Tiêu đề').fill(subject);
  await page.getByLabel('Nội dung đơn').fill('Gia đình tôi đề nghị xem xét lại việc đo đạc ranh giới thửa đất số 120.');
  await page.getByLabel('Họ và tên').fill(kind === 'complaint' ? 'Nguyễn Thị Dân' : 'Người Tố Cáo Ẩn Danh');
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
  await page.getByRole('button', { name: 'Tiếp nhận và cấp phiếu hẹn' }).click();
  await page.getByRole('heading', { name: 'Phiếu tiếp nhận đơn' }).waitFor();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  const href = (await page.getByRole('link', { name: 'Mở hồ sơ đơn' }).getAttribute('href'))!;
  return { code, caseUrl: `${svc.baseUrl}${href}` };
}

let complaint: { code: string; caseUrl: string };
let denunciation: { code: string; caseUrl: string };

test('when a visitor opens the console, then the sign-in page is accessible in both languages and the switch is remembered', async () => {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const seen = collectPageProblems(page);
  pageProblems.push(() => seen);
  await page.goto(`${svc.baseUrl}/console`);
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, 'sign-in.vi');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, 'sign-in.en');
  await page.goto(`${svc.baseUrl}/console/sign-in`);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByLabel('Username').fill('can-bo-tien-du');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/console');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My work');
  const session = (await context.cookies()).find((c) => c.name === 'dv_session')!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
  await page.goto(`${svc.baseUrl}/console`);
  await page.waitForURL((u) => u.pathname === '/console/sign-in');
});

test('when an officer registers a complaint, then the receipt shows the codes and prints on A5 without the page chrome', async () => {
  const officer = await asUser('can-bo-tien-du');
  await checkBothLanguages(officer, 'home-officer');
  await officer.getByRole('link', { name: 'Tiếp nhận đơn' }).click();
  await checkBothLanguages(officer, 'register');
  complaint = await register(officer, 'complaint', 'Tranh chấp ranh giới đất thôn Đông');
  expect(complaint.code).toMatch(/\S{6,}/);
  expect(await officer.getByTestId('tracking-secret').textContent()).toMatch(/\S{6,}/);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'receipt.vi');
  await officer.emulateMedia({ media: 'print' });
  expect(await officer.locator('.site-header').isVisible()).toBe(false);
  expect(await officer.getByTestId('tracking-code').isVisible()).toBe(true);
  const pdf = await officer.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  // A5 is 148 × 210 mm, 419.5 × 595.3 points: the size the stylesheet's @page asks for, not the printer's A4.
  const box = /MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!;
  expect(Math.abs(Number(box[1]) - 419.5)).toBeLessThan(1.5);
  expect(Math.abs(Number(box[2]) - 595.3)).toBeLessThan(1.5);
  await officer.emulateMedia({ media: 'screen' });
});

test('when the leader accepts and assigns, then the officer sees the case in "mine"', async () => {
  const leader = await asUser('chu-tich-tien-du');
  await leader.goto(complaint.caseUrl);
  await submit(leader, await openAction(leader, 'accept'));
  expect(await leader.getByTestId('stage').textContent()).toBe('Đã thụ lý');
  const assign = await openAction(leader, 'assign');
  await assign.getByLabel('Người được giao').selectOption({ label: 'Vũ Thị Lan' });
  await submit(leader, assign);
  expect(await leader.getByTestId('assignee').textContent()).toBe('Vũ Thị Lan');
  await checkBothLanguages(leader, 'case-leader');

  const officer = await asUser('can-bo-tien-du');
  await eventually(
    async () => {
      await officer.waitForTimeout(300);
      await officer.goto(`${svc.baseUrl}/console?queue=mine`);
      return (await officer.locator('#queue-table').getByRole('link', { name: complaint.code }).count()) === 1;
    },
    { what: 'the case in "mine"' },
  );
  expect(await officer.getByRole('status').textContent()).toMatch(/[1-9]\d*\s*Giao cho tôi/);
});

test("when a denunciation's extension is requested, then the leader decides it from the queue, and a refused action says why", async () => {
  const officer = await asUser('can-bo-tien-du');
  denunciation = await register(officer, 'denunciation', 'Tố cáo cán bộ địa chính nhận tiền');
  const leader = await asUser('chu-tich-tien-du');
  await leader.goto(denunciation.caseUrl);
  expect(await leader.content()).not.toContain('Người Tố Cáo Ẩn Danh');
  await submit(leader, await openAction(leader, 'accept'));

  await officer.goto(denunciation.caseUrl);
  const flags = await openAction(officer, 'setFlags');
  await flags.getByLabel('Phức tạp', { exact: true }).check();
  await flags.getByLabel('Lý do').fill('nhiều đối tượng liên quan');
  await submit(officer, flags);
  const ask = await openAction(officer, 'requestExtension');
  await ask.getByLabel('Lý do').fill('cần xác minh thêm');
  await submit(officer, ask);
  expect(await officer.getByRole('status').first().textContent()).toContain('Đã thực hiện');

  await leader.getByRole('link', { name: 'Quyết định gia hạn' }).click();
  await checkBothLanguages(leader, 'extensions');
  const form = leader.locator(`form[data-petition="${denunciation.code}"]`);
  await form.getByLabel('Lý do').fill('vụ việc phức tạp');
  await form.getByLabel('Số quyết định').fill('15/QĐ-UBND');
  await form.getByLabel('Người ký').fill('Lê Quang Minh');
  await submit(leader, form);
  expect(await leader.locator(`form[data-petition="${denunciation.code}"]`).count()).toBe(0);

  // A complex case may be extended once (Luật Tố cáo 2018, Đ.30): the second request is refused in words.
  await officer.goto(denunciation.caseUrl);
  expect(await officer.content()).toContain('15/QĐ-UBND');
  // The case file with its blocks filled in, each through its own form: a note, a document of the petition,
  // and the signed extension decision attached to that decision (sealed, as a denunciation's documents are).
  const note = officer.locator('form[data-form="addNote"]');
  await note.getByLabel('Nội dung ghi chú').fill('Đã đối chiếu sổ địa chính, cần ý kiến lãnh đạo');
  await Promise.all([officer.waitForURL(/noteAdded=1/), note.getByRole('button', { name: 'Lưu ghi chú' }).click()]);
  const attach = async (form: ReturnType<Page['locator']>, name: string) => {
    await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdfFile() });
    await Promise.all([officer.waitForURL(/documentAdded=/), form.locator('button[type=submit]').click()]);
  };
  await attach(officer.locator('form[data-form="uploadDocument"]'), 'don-to-cao.pdf');
  const toDecision = officer.locator('form[data-form="uploadDecisionDocument"]');
  await toDecision.getByLabel('Quyết định', { exact: true }).selectOption({ index: 0 });
  await attach(toDecision, 'quyet-dinh-gia-han-da-ky.pdf');
  expect(await officer.getByTestId('decisions').textContent()).toContain('niêm phong');
  expect(await officer.getByTestId('notes').textContent()).toContain('cần ý kiến lãnh đạo');
  await checkBothLanguages(officer, 'case-file');
  const again = await openAction(officer, 'requestExtension');
  await again.getByLabel('Lý do').fill('cần thêm thời gian');
  await submit(officer, again);
  const alert = officer.getByRole('alert');
  expect(await alert.textContent()).toContain('Không được gia hạn theo quy định của luật.');
  expect(await alert.textContent()).toContain('Luật Tố cáo 2018');
  await axeAndScreenshot(officer, 'case-refused', 'vi');
  // The refusal is the answer to a post, so the English one is asked for in English.
  await officer.goto(`${denunciation.caseUrl}?lang=en`);
  const inEnglish = await openAction(officer, 'requestExtension');
  await inEnglish.locator('[name=reason]').fill('more time needed');
  await submit(officer, inEnglish);
  expect(await officer.getByRole('alert').textContent()).toContain('Luật Tố cáo 2018');
  await axeAndScreenshot(officer, 'case-refused', 'en');

  // The same denouncer (by telephone) writes again on the same field: the duplicates block proposes the first
  // letter, with the forms that decide.
  await officer.goto(`${svc.baseUrl}/console?lang=vi`);
  const secondLetter = await register(officer, 'denunciation', 'Tố cáo cán bộ địa chính nhận tiền, gửi lại');
  await officer.goto(secondLetter.caseUrl);
  const proposals = officer.getByTestId('duplicate-proposals');
  expect(await proposals.getByRole('link', { name: denunciation.code }).count()).toBe(1);
  await checkBothLanguages(officer, 'case-duplicates');
  const newMatter = officer.locator('form[data-form="newMatter"]');
  await newMatter.getByLabel('Ghi chú (không bắt buộc)').fill('Tố cáo một việc khác của cùng cán bộ');
  await submit(officer, newMatter);
  expect(await officer.getByTestId('duplicate-new-matter').textContent()).toContain('Đã xác định đây là vụ việc mới.');
  await axeAndScreenshot(officer, 'case-duplicate-decided', 'vi');
});

test('when the complaint runs past its deadline, then the supervisor finds it overdue, reads its history and downloads the XLSX report', async () => {
  const supervisor = await asUser('thanh-tra-vien');
  await eventually(
    async () => {
      await supervisor.waitForTimeout(500);
      await supervisor.goto(`${svc.baseUrl}/console/oversight`);
      return (await supervisor.locator('#overdue-table').getByRole('link', { name: complaint.code }).count()) === 1;
    },
    { what: 'the complaint in the overdue table', timeoutMs: 60_000 },
  );
  await checkBothLanguages(supervisor, 'oversight');
  await supervisor.locator('#overdue-table').getByRole('link', { name: complaint.code }).click();
  await supervisor.getByRole('link', { name: 'Toàn bộ lịch sử' }).click();
  await supervisor.locator('summary', { hasText: 'Sự kiện của quy trình' }).click();
  expect(await supervisor.locator('table').nth(1).textContent()).toContain('WORKFLOW_EXECUTION_STARTED');
  await checkBothLanguages(supervisor, 'history');

  await supervisor.getByRole('link', { name: 'Báo cáo' }).click();
  await checkBothLanguages(supervisor, 'reports');
  expect(await supervisor.locator('#report-chart').count()).toBe(1);
  const [download] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.getByRole('link', { name: 'Tải Excel (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

  // The registers: a form post (it may carry a reason that opens identities) answered by the workbook.
  await supervisor.goto(`${svc.baseUrl}/console/registers`);
  await checkBothLanguages(supervisor, 'registers');
  const [register] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.getByRole('button', { name: 'Tải Sổ theo dõi xử lý đơn (XLSX)' }).click(),
  ]);
  expect(register.suggestedFilename()).toMatch(/^so-theo-doi-xu-ly-don-.+\.xlsx$/);
  expect(
    readFileSync(await register.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  await supervisor.getByRole('link', { name: 'Hộp thư đi' }).click();
  expect(await supervisor.locator('table caption').textContent()).toMatch(/Thư hệ thống đã gửi: [1-9]/);
  await checkBothLanguages(supervisor, 'outbox');
});

test('when the leader opens the ladder queues and the history of a denunciation he opened, then the identity-access log names him, not the denouncer', async () => {
  const leader = await asUser('chu-tich-tien-du');
  for (const queue of ['escalatedToMe', 'myReminders'] as const) {
    await leader.goto(`${svc.baseUrl}/console?queue=${queue}`);
    expect(await leader.locator(`[data-queue="${queue}"][aria-current="page"]`).count()).toBe(1);
    expect(await leader.locator('#queue-table caption').textContent()).toMatch(/: \d+ đơn/);
    await checkBothLanguages(leader, `home-leader-${queue}`);
  }
  await leader.goto(denunciation.caseUrl);
  await leader.getByLabel('Lý do mở (được ghi lại)').fill('đối chiếu chữ ký trên đơn');
  await leader.getByRole('button', { name: 'Mở danh tính' }).click();
  // The page is already loaded when the click lands, so waiting for 'load' can return before the reveal's
  // answer arrives: wait for the opened name itself.
  await leader.getByText('Người Tố Cáo Ẩn Danh').first().waitFor();
  await leader.getByRole('link', { name: 'Toàn bộ lịch sử' }).click();
  const log = leader.locator('#identity-access');
  expect(await log.locator('tr[data-access="identity"]').last().textContent()).toContain('đối chiếu chữ ký trên đơn');
  expect(await log.textContent()).toContain('Lê Quang Minh');
  expect(await leader.content()).not.toContain('Người Tố Cáo Ẩn Danh');
  await checkBothLanguages(leader, 'history-identity-access');
});

// A test of its own: six more axe runs would push the supervisor's day past its time budget on a slow machine.
test('when a supervisor opens the scorecard, the conference report and the reception duty, then each is accessible in both languages', async () => {
  const supervisor = await asUser('thanh-tra-vien');
  for (const [page, name] of [
    ['/console/reports/leaders?period=2026', 'report-leaders'],
    ['/console/reports/conferences?period=2026', 'report-conferences'],
    ['/console/reports/obligations?period=2026', 'report-obligations'],
  ] as const) {
    await supervisor.goto(`${svc.baseUrl}${page}`);
    expect(await supervisor.locator('svg.chart, table caption').count()).toBeGreaterThan(0);
    await checkBothLanguages(supervisor, name);
  }
});

test('when an officer opens the outbox, then the page refuses them in words', async () => {
  const officer = await asUser('can-bo-tien-du');
  const res = await officer.goto(`${svc.baseUrl}/console/outbox`);
  expect(res?.status()).toBe(403);
  expect(await officer.getByRole('alert').textContent()).toContain('Bạn không có quyền thực hiện việc này.');
  expect(await accessibilityViolations(officer)).toEqual([]);
});

test('when the leader resolves a complaint through the case page, then the written record is asked for, and the decisions list links its printed decision', async () => {
  const officer = await asUser('can-bo-tien-du');
  const resolved = await register(officer, 'complaint', 'Khiếu nại quyết định bồi thường thửa số 88');
  const leader = await asUser('chu-tich-tien-du');
  await leader.goto(resolved.caseUrl);
  await submit(leader, await openAction(leader, 'accept'));
  const assign = await openAction(leader, 'assign');
  await assign.getByLabel('Người được giao').selectOption({ label: 'Vũ Thị Lan' });
  await submit(leader, assign);

  await openAction(leader, 'resolve');
  await axeAndScreenshot(leader, 'case-resolve', 'vi');
  await leader.goto(`${resolved.caseUrl}?lang=en`);
  await openAction(leader, 'resolve');
  await axeAndScreenshot(leader, 'case-resolve', 'en');
  await leader.goto(`${resolved.caseUrl}?lang=vi`);
  const again = await openAction(leader, 'resolve');
  await again.getByLabel('Tóm tắt kết quả').fill('Giữ nguyên quyết định bồi thường thửa số 88');
  await again.getByLabel('Số văn bản').fill('88/QĐ-UBND');
  await again.getByLabel('Người ký', { exact: true }).fill('Lê Quang Minh');
  await again.getByLabel('Chức vụ người ký').fill('Chủ tịch');
  await submit(leader, again);
  expect(await leader.getByTestId('stage').textContent()).toBe('Đã giải quyết');
  const decisions = leader.getByTestId('decisions');
  expect(await decisions.textContent()).toContain('Văn bản giải quyết số 88/QĐ-UBND');
  expect(await decisions.textContent()).toContain('Chủ tịch Lê Quang Minh');
  const href = await decisions
    .getByRole('link', { name: 'Văn bản giải quyết số 88/QĐ-UBND (PDF)' })
    .getAttribute('href');
  const pdf = await leader.request.get(`${svc.baseUrl}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await axeAndScreenshot(leader, 'case-resolved', 'vi');
});
