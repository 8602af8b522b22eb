// The leader's cycle pages in a real browser against the service as `npm start` runs it: today's reception
// session is run from matters (one answered, one registered as a petition) to minutes; a dialogue
// conference is called, held, and its one opinion becomes a commitment whose progress is reported; the
// scorecard and identity grants open. Each new page is checked by axe in Vietnamese and English and
// photographed for docs/screenshots. The reception policy fixture lets a conference be called for today.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { formatDay, localDayOf } from '../../src/domain/calendar/day';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { eventually } from '../support/eventually';
import { accessibilityViolations, axeTimeMs, collectPageProblems, launchBrowser, screenshot } from './support/browser';
import { startConsoleService, type ConsoleService } from './support/console-service';

let svc: ConsoleService;
let browser: Browser;
const problems: (() => string[])[] = [];
const started = Date.now();
const today = formatDay(localDayOf(Date.now()));

async function api(method: string, url: string, token: string | null, body?: unknown) {
  const res = await fetch(`${svc.baseUrl}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}
const tokenOf = async (username: string) =>
  (await api('POST', '/auth/login', null, { username, password: DEMO_PASSWORD })).token as string;

beforeAll(async () => {
  [svc, browser] = await Promise.all([
    startConsoleService({
      RECEPTION_POLICY_FILE: path.join(__dirname, '..', 'fixtures', 'reception-policy-console-e2e.json'),
    }),
    launchBrowser(),
  ]);
  process.stdout.write(`e2e cycles: service and browser up in ${Math.round((Date.now() - started) / 1000)} s\n`);
  // Today is made a working day if it is not, so today's session is held whatever day the run is.
  const admin = await tokenOf('quan-tri');
  const year = Number(today.slice(0, 4));
  const table = (await api('GET', `/calendar/${year}`, admin)) as { holidays: string[]; workingWeekends: string[] };
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  if (table.holidays.includes(today) || ((weekday === 0 || weekday === 6) && !table.workingWeekends.includes(today)))
    await api('PUT', `/calendar/${year}`, admin, {
      year,
      holidays: table.holidays.filter((d) => d !== today),
      workingWeekends: [...table.workingWeekends, today],
    });
  // A schedule whose session is today from midnight: its cycle announces and opens it at once.
  await api('POST', '/reception/schedules', await tokenOf('chu-tich-tien-du'), {
    unitId: 'xa-tien-du',
    leaderId: 'chu-tich-tien-du',
    rule: { type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] },
    startTime: '00:00',
    location: 'Phòng tiếp công dân xã Tiên Du',
    announceDaysBefore: 1,
    startsFrom: today,
  });
}, 150_000);

afterAll(async () => {
  process.stdout.write(
    `e2e cycles: ${Math.round((Date.now() - started) / 1000)} s in all, ${Math.round(axeTimeMs() / 1000)} s in axe\n`,
  );
  await browser?.close();
  if (svc) expect(await svc.stop()).toBe(0);
});

afterEach(() => {
  expect(problems.splice(0).flatMap((read) => read())).toEqual([]);
});

async function asLeader(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = collectPageProblems(page);
  problems.push(() => seen);
  await page.goto(`${svc.baseUrl}/console/sign-in?lang=vi`);
  await page.getByLabel('Tên đăng nhập').fill('chu-tich-tien-du');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/console');
  return page;
}

/** axe in both languages, a screenshot of each, and back to Vietnamese. */
async function checkBothLanguages(page: Page, name: string): Promise<void> {
  const url = new URL(page.url());
  url.hash = '';
  for (const lang of ['vi', 'en'] as const) {
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    expect({ page: name, lang, violations: await accessibilityViolations(page) }).toEqual({
      page: name,
      lang,
      violations: [],
    });
    await screenshot(page, `${name}.${lang}`);
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

test("when today's reception session is open, then the leader runs it from matters to minutes", async () => {
  const leader = await asLeader();
  // Today's sessions are an item of the home page's queues, linking to the calendar.
  await leader.getByRole('link', { name: /Buổi tiếp công dân hôm nay/ }).click();
  await leader.waitForURL((u) => u.pathname === '/console/reception');
  await eventually(
    async () => {
      await leader.goto(`${svc.baseUrl}/console/reception`);
      return (await leader.locator('#today-table a').count()) > 0;
    },
    { what: "today's session on the calendar", timeoutMs: 30_000 },
  );
  await checkBothLanguages(leader, 'reception-calendar');
  await leader.locator('#today-table a').first().click();
  await eventually(
    async () => {
      await leader.reload();
      return (await leader.getByTestId('session-status').textContent()) === 'Đang tiếp';
    },
    { what: 'the session open', timeoutMs: 30_000 },
  );

  const answered = await openAction(leader, 'matter');
  await answered.getByLabel('Họ tên công dân').fill('Ông Nguyễn Văn Ba');
  await answered.getByLabel('Nội dung công dân trình bày').fill('Hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất');
  await answered.getByLabel('Lĩnh vực', { exact: true }).fill('land');
  await answered.getByLabel('Kết quả', { exact: true }).selectOption('answered');
  await answered.getByLabel('Nội dung trả lời hoặc giải thích').fill('Đã hướng dẫn hồ sơ theo quy định');
  await submit(leader, answered);
  expect(await leader.getByRole('status').first().textContent()).toContain('Đã ghi nhận: Ghi vụ việc.');

  const filed = await openAction(leader, 'matter');
  await filed.getByLabel('Họ tên công dân').fill('Bà Trần Thị Tư');
  await filed.getByLabel('Nội dung công dân trình bày').fill('Khiếu nại quyết định thu hồi đất');
  await filed.getByLabel('Lĩnh vực', { exact: true }).fill('land');
  await filed.getByLabel('Kết quả', { exact: true }).selectOption('petition');
  await filed.getByLabel('Loại đơn').selectOption('complaint');
  await filed.getByLabel('Tiêu đề đơn').fill('Khiếu nại quyết định thu hồi đất');
  await filed.getByLabel('Nội dung đơn').fill('Trình bày tại buổi tiếp công dân');
  await submit(leader, filed);
  const petitionLink = leader.locator('#matters-table a');
  expect(await petitionLink.textContent()).toMatch(/^DV-/);
  await checkBothLanguages(leader, 'reception-session');

  const close = await openAction(leader, 'close');
  await close
    .getByLabel('Biên bản buổi tiếp')
    .fill('Biên bản: tiếp 2 lượt công dân; 1 vụ việc trả lời, 1 đơn tiếp nhận.');
  await close.getByLabel('Số lượt công dân được tiếp').fill('2');
  await submit(leader, close);
  expect(await leader.getByTestId('session-status').textContent()).toBe('Đã kết thúc');
  expect(await leader.getByTestId('minutes').textContent()).toContain('tiếp 2 lượt công dân');

  await petitionLink.click();
  expect(await leader.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hồ sơ đơn DV-/);
  expect(await leader.content()).toContain('Buổi tiếp công dân');
});

test('when a leader calls and holds a conference, then its one opinion becomes a commitment with its progress', async () => {
  const leader = await asLeader();
  await leader.goto(`${svc.baseUrl}/console/conferences`);
  const call = leader.locator('form[data-action="call"]');
  if (!(await call.isVisible())) await openAction(leader, 'call');
  await call.getByLabel('Loại hội nghị').selectOption('adhoc');
  await call.getByLabel('Tên hội nghị').fill('Đối thoại về khói bụi lò gạch thôn Đông');
  const startsAt = new Date(Date.now() + 7 * 3_600_000 + 5 * 60_000).toISOString().slice(0, 16);
  await call.getByLabel('Thời gian bắt đầu (giờ Việt Nam)').fill(startsAt);
  await call.getByLabel('Địa điểm').fill('Hội trường UBND xã Tiên Du');
  await submit(leader, call);
  expect(await leader.getByTestId('conference-status').textContent()).toBe('Đã thông báo');

  const hold = await openAction(leader, 'hold');
  await hold.getByLabel('Số người dự').fill('85');
  await hold.getByLabel('Biên bản hội nghị').fill('Biên bản hội nghị đối thoại với nhân dân thôn Đông');
  await submit(leader, hold);
  expect(await leader.getByTestId('conference-status').textContent()).toBe('Đã tổ chức');

  const opinion = await openAction(leader, 'opinion');
  await opinion.getByLabel('Người nêu ý kiến').fill('Ông Lê Văn Năm');
  await opinion.getByLabel('Lĩnh vực', { exact: true }).fill('environment');
  await opinion.getByLabel('Nội dung ý kiến').fill('Đề nghị di dời lò gạch gây khói bụi');
  await opinion.getByLabel('Kết quả', { exact: true }).selectOption('commitment');
  await opinion.getByLabel('Nội dung cam kết').fill('Kiểm tra, xử lý lò gạch thôn Đông');
  await opinion.getByLabel('Hạn hoàn thành').fill(formatDay(localDayOf(Date.now()) + 30));
  await submit(leader, opinion);
  await checkBothLanguages(leader, 'conference');

  await leader.locator('#opinions-table a').click();
  await leader.waitForURL((u) => u.pathname === '/console/commitments');
  const row = leader.locator('#commitments-table tr', { hasText: 'Kiểm tra, xử lý lò gạch thôn Đông' });
  expect(await row.getByTestId('commitment-status').textContent()).toContain('Đang thực hiện');
  const progress = await openAction(leader, 'progress');
  await progress.getByLabel('Phần trăm hoàn thành (dưới 100)').fill('50');
  await progress.getByLabel('Nội dung báo cáo').fill('Đã lập đoàn kiểm tra, lò gạch cam kết dừng đốt ban đêm');
  await submit(leader, progress);
  expect(await row.getByTestId('progress').textContent()).toBe('50%');
  await checkBothLanguages(leader, 'commitments');

  await leader.getByRole('link', { name: 'Hội nghị đối thoại' }).click();
  await checkBothLanguages(leader, 'conferences');
  await leader.getByRole('link', { name: 'Kết quả của tôi' }).click();
  expect(await leader.locator('#scorecard-table caption').textContent()).toContain('Lê Quang Minh');
  await checkBothLanguages(leader, 'scorecard');
  await leader.getByRole('link', { name: 'Quyền mở danh tính' }).click();
  await checkBothLanguages(leader, 'identity-grants');
});
