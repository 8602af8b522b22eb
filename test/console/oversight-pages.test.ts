// The leader's extension queue, the supervisor's oversight and reports pages, by role, on the real workflow.
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let leader: ConsoleClient;
let supervisor: ConsoleClient;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, supervisor] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
  ]);
});
afterAll(async () => {
  await h?.stop();
});

async function registerDenunciation(): Promise<string> {
  const res = await officer.post(
    '/console/petitions',
    {
      kind: 'denunciation',
      channel: 'post',
      receivingUnitId: h.org.communeId,
      field: 'officials_conduct',
      subject: 'Tố cáo cán bộ địa chính',
      body: 'Nội dung',
      receivedAt: '2026-11-20T08:00',
      'p0.fullName': 'Người tố cáo',
      intent: 'register',
      idempotencyKey: `den-${Math.random().toString(36).slice(2, 12)}`,
    },
    { formPage: '/console/petitions/new' },
  );
  expect(res.status).toBe(201);
  return /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(res.text)![1]!;
}

const act = (client: ConsoleClient, id: string, fields: Record<string, string>) =>
  client.post(`/console/petitions/${id}/actions`, fields, { formPage: `/console/petitions/${id}` });

async function requestExtension(id: string) {
  return act(officer, id, { action: 'requestExtension', days: '30', reason: 'cần xác minh thêm tại nhiều nơi' });
}

async function decideFromQueue(id: string, code: string, n: number) {
  await eventually(async () => (await leader.get('/console/extensions')).text.includes(`data-petition="${code}"`), {
    what: `${code} in the extension queue`,
  });
  const res = await leader.post(`/console/petitions/${id}/actions`, {
    action: 'decideExtension',
    returnTo: 'extensions',
    approve: 'true',
    reason: 'vụ việc đặc biệt phức tạp',
    'decision.number': `${n}/QĐ-UBND`,
    'decision.date': '2026-12-01',
    'decision.signer': 'Trần Thị Xã',
  });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`/console/extensions?done=${encodeURIComponent(code)}`);
}

test("when a very complex denunciation is extended twice from the leader's queue, then the third request is refused with the law's reason", async () => {
  const id = await registerDenunciation();
  const code = (await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).trackingCode;
  expect((await act(leader, id, { action: 'accept' })).status).toBe(303);
  expect(
    (
      await act(officer, id, {
        action: 'setFlags',
        'complex.present': '1',
        'veryComplex.present': '1',
        veryComplex: 'true',
        'remote.present': '1',
        'multiSite.present': '1',
        reason: 'nhiều đối tượng, nhiều địa điểm',
      })
    ).status,
  ).toBe(303);
  for (const n of [1, 2]) {
    expect((await requestExtension(id)).status).toBe(303);
    await decideFromQueue(id, code, n);
  }
  expect((await leader.get('/console/extensions')).text).not.toContain(`data-petition="${code}"`);
  const third = await requestExtension(id);
  expect(third.status).toBe(409);
  expect(third.text).toContain('Không được gia hạn theo quy định của luật.');
  expect(third.text).toMatch(
    /already extended 2 time\(s\); the law allows 2 for a very complex case \(Luật Tố cáo 2018/,
  );
  const page = await officer.get(`/console/petitions/${id}`);
  expect(page.text).toContain('2/QĐ-UBND');
});

test('when an approval lacks the written decision, then the leader is told what is missing', async () => {
  const id = await registerDenunciation();
  await act(leader, id, { action: 'accept' });
  await act(officer, id, { action: 'setFlags', 'complex.present': '1', complex: 'true', reason: 'phức tạp' });
  await requestExtension(id);
  const res = await act(leader, id, { action: 'decideExtension', approve: 'true', reason: 'đồng ý' });
  expect(res.status).toBe(400);
  expect(res.text).toContain('Thao tác thiếu thông tin cần thiết.');
});

test('when a supervisor opens the reports page, then a chart and a table of the same figures are shown and CSV and XLSX download', async () => {
  const page = await supervisor.get('/console/reports?period=2026&groupBy=unit');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<svg class="chart"');
  expect(page.text).toContain('<caption>Số liệu đơn thư kỳ');
  const csv = await supervisor.get('/console/reports/download?period=2026&groupBy=unit&format=csv');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.text).toContain('Tiếp nhận');
  // The headline says the totals of the table's last row in words, as the periodic report opens.
  const total = csv.text.trimEnd().split('\r\n').at(-1)!.split(',');
  const [received, accepted, resolved, onTime, , overdue, forwarded, escalated, , withdrawn, mass] = total.slice(1);
  const headline = /<p id="report-headline"><strong>([^<]+)<\/strong><\/p>/.exec(page.text)![1]!;
  expect(headline).toMatch(
    new RegExp(
      `^Kỳ năm 2026: tiếp nhận ${received} đơn \\(${mass} đơn đông người\\); đã thụ lý ${accepted}; ` +
        `đã giải quyết ${resolved}, trong đó ${onTime} đúng hạn \\((—|[\\d,]+\u00a0?%)\\); quá hạn hiện tại ${overdue}; ` +
        `chuyển đơn ${forwarded}; báo cáo lên cấp trên ${escalated}; rút đơn ${withdrawn}\\.$`,
    ),
  );
  // Not a sentence of zeros: the denunciations of the tests above are in the year's figures.
  expect(Number(received)).toBeGreaterThan(0);
  const xlsx = await supervisor.agent
    .get('/console/reports/download?period=2026&groupBy=unit&format=xlsx')
    .buffer(true);
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  const bad = await supervisor.get('/console/reports?period=nonsense');
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('Kỳ báo cáo không hợp lệ.');
});

test('when an officer opens the reports, then they are refused as the API refuses them', async () => {
  const res = await officer.get('/console/reports');
  expect(res.status).toBe(403);
  expect(res.text).toContain('Không có quyền truy cập');
  expect((await officer.get('/console/reports/download?period=2026&format=csv')).status).toBe(403);
});

test('when a supervisor opens the oversight page, then overdue and escalated tables are shown by unit', async () => {
  const res = await supervisor.get('/console/oversight');
  expect(res.status).toBe(200);
  expect(res.text).toContain('id="overdue-table"');
  expect(res.text).toContain('id="escalated-table"');
});
