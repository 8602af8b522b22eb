// Queue and search tables on the real app: sortable headers with shareable URLs, bulk assign from the
// checkboxes (no script), petitioner search, and a concurrent change answered with the case as it is now.
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
const tag = String(Date.now()).slice(-6);

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
  ]);
});
afterAll(async () => {
  await h?.stop();
});

async function register(overrides: Record<string, string> = {}): Promise<string> {
  const res = await officer.post(
    '/console/petitions',
    {
      kind: 'complaint',
      channel: 'in_person',
      receivingUnitId: h.org.communeId,
      field: 'land',
      subject: `Đường làng ${tag}`,
      body: 'Nội dung đơn',
      receivedAt: '2026-11-30T09:30',
      'p0.fullName': 'Nguyễn Thị Dân',
      intent: 'register',
      idempotencyKey: `k-${Math.random().toString(36).slice(2, 12)}`,
      ...overrides,
    },
    { formPage: '/console/petitions/new' },
  );
  expect(res.status).toBe(201);
  const id = /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(res.text)![1]!;
  await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: id, type: 'received' } }), {
    what: 'the receipt',
  });
  return id;
}

const act = (client: ConsoleClient, id: string, fields: Record<string, string>) =>
  client.post(`/console/petitions/${id}/actions`, fields, { formPage: `/console/petitions/${id}` });

test('when a leader ticks cases in the search table and assigns them, then the results page lists each case’s outcome', async () => {
  const [a, b, received] = [await register(), await register(), await register()];
  for (const id of [a, b])
    expect((await act(leader, id, { action: 'accept', idempotencyKey: `ac-${id}` })).status).toBe(303);
  const search = await leader.get(`/console/petitions?text=${encodeURIComponent(tag)}`);
  expect(search.text).toContain('id="bulk-assign"');
  for (const id of [a, b, received]) expect(search.text).toContain(`value="${id}" form="bulk-assign"`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(search.text)![1]!;
  const res = await leader.agent
    .post('/console/petitions/bulk-assign')
    .type('form')
    .send(
      `ids=${a}&ids=${received}&ids=${b}&assigneeId=${h.org.officer.id}&idempotencyKey=${key}` +
        `&returnTo=${encodeURIComponent('/console/petitions?text=x')}&_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(search.text)![1]!)}`,
    );
  expect(res.status).toBe(200);
  expect(res.text).toContain('Kết quả giao đơn');
  const rows = [...res.text.matchAll(/<tr data-outcome="(\w+)">/g)].map((m) => m[1]);
  expect(rows).toEqual(['assigned', 'refused', 'assigned']);
  expect(res.text).toContain('Thao tác không hợp lệ ở bước hiện tại.');
  expect(res.text).toContain('href="/console/petitions?text=x"');
  for (const id of [a, b])
    expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(h.org.officer.id);
  // The officer (who may not assign) sees no checkboxes and no form.
  const officersView = await officer.get(`/console/petitions?text=${encodeURIComponent(tag)}`);
  expect(officersView.text).not.toContain('id="bulk-assign"');
  expect(officersView.text).not.toContain('type="checkbox"');
});

test('when nothing is ticked, then the results page says so and nothing is assigned', async () => {
  const res = await leader.post(
    '/console/petitions/bulk-assign',
    { assigneeId: h.org.officer.id },
    { formPage: '/console' },
  );
  expect(res.status).toBe(400);
  expect(res.text).toContain('Chưa chọn đơn nào.');
});

test('when the table is sorted by a header, then the URL carries the order and the header says it with aria-sort', async () => {
  await register({ subject: `Sắp xếp ${tag} một` });
  await register({ subject: `Sắp xếp ${tag} hai` });
  const home = await officer.get('/console?queue=unassigned');
  expect(home.text).toMatch(
    /<th scope="col" aria-sort="ascending"><a href="\/console\?queue=unassigned&amp;sort=dueAt&amp;order=desc&amp;page=1" data-sort="dueAt">/,
  );
  const byCode = await officer.get(
    `/console/petitions?text=${encodeURIComponent(`Sắp xếp ${tag}`)}&sort=trackingCode&order=desc`,
  );
  expect(byCode.text).toMatch(/aria-sort="descending"><a [^>]*data-sort="trackingCode"/);
  const codes = [...byCode.text.matchAll(/<a href="\/console\/petitions\/(?!new")[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1]!,
  );
  expect(codes.length).toBe(2);
  expect([...codes].sort().reverse()).toEqual(codes);
  expect(byCode.text).toMatch(/href="\/console\/petitions\?text=[^"]*&amp;sort=trackingCode&amp;order=asc"/);
});

test('when an officer searches by a petitioner’s name without accents, then the case is found; a denouncer is found by no part of the name', async () => {
  const complaint = await register({ 'p0.fullName': `Trần Thị Ánh Tuyết ${tag}` });
  const denunciation = await register({ kind: 'denunciation', 'p0.fullName': `Lò Văn Kín ${tag}` });
  const found = await officer.get(`/console/petitions?petitioner=${encodeURIComponent(`anh tuyet ${tag}`)}`);
  expect(found.text).toContain(`/console/petitions/${complaint}"`);
  expect(found.text).toContain(`value="anh tuyet ${tag}"`);
  const partial = await officer.get(`/console/petitions?petitioner=${encodeURIComponent(`kin ${tag}`)}`);
  expect(partial.text).not.toContain(`/console/petitions/${denunciation}"`);
  // The registering officer, entitled to the identity, finds it by the whole name (accents optional).
  const whole = await officer.get(`/console/petitions?petitioner=${encodeURIComponent(`lo van kin ${tag}`)}`);
  expect(whole.text).toContain(`/console/petitions/${denunciation}"`);
});

test('when the case changed after the page was loaded, then the refused action shows the case as it is now and says it changed', async () => {
  const id = await register();
  const stale = await officer.get(`/console/petitions/${id}`);
  const form = /<form[^>]*data-action="accept"[^]*?<\/form>/.exec(stale.text)![0];
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)![1]!;
  expect(
    (await act(leader, id, { action: 'refuse', reason: 'Không thuộc thẩm quyền', idempotencyKey: `r-${id}` })).status,
  ).toBe(303);
  const res = await officer.post(
    `/console/petitions/${id}/actions`,
    {
      action: 'accept',
      idempotencyKey: field('idempotencyKey'),
      seenStage: field('seenStage'),
      seenEvents: field('seenEvents'),
    },
    { csrf: field('_csrf') },
  );
  expect(res.status).toBe(409);
  expect(res.text).toContain('Hồ sơ vừa được người khác thay đổi');
  expect(res.text).not.toContain('data-action="accept"');
});
