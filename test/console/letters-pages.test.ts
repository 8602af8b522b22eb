// The letter templates page: admins only; a wording saved, refused on its field for an unknown
// placeholder, previewed in its frame (its own policy, values escaped), the letterhead lines, removal.
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { signIn, type ConsoleClient } from '../support/console-client';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let admin: ConsoleClient;
const PAGE = '/console/admin/letters';

beforeAll(async () => {
  h = await startApiHarness();
  admin = await signIn(h.app, h.org.admin.username, PASSWORD);
});
afterAll(async () => {
  await h?.stop();
});

const choice = () => ({ unitId: h.org.communeId, template: 'result', kind: 'complaint' });
const pageOf = () => `${PAGE}?unitId=${h.org.communeId}&template=result&kind=complaint`;

test('when an officer, a leader or a supervisor opens the letter templates, then it is refused with 403', async () => {
  for (const username of [h.org.officer.username, h.org.communeLeader.username, h.org.supervisor.username]) {
    const client = await signIn(h.app, username, PASSWORD);
    expect((await client.get(PAGE)).status).toBe(403);
    expect((await client.get(`${PAGE}/preview`)).status).toBe(403);
  }
});

test('when an admin opens a template, then the built-in wording, its placeholders and a preview frame are shown, and the preview has a policy of its own', async () => {
  const res = await admin.get(pageOf());
  expect(res.status).toBe(200);
  expect(res.text).toContain('Đang dùng mẫu mặc định.');
  expect(res.text).toContain('<code>{{summary}}</code>');
  expect(res.text).toContain('Kết quả giải quyết đơn &quot;{{subject}}&quot;: {{summary}}');
  expect(res.text).toMatch(/<iframe[^>]*name="letter-preview"/);
  expect(res.text).toContain('href="/console/admin/letters" aria-current="page"');
  const preview = await admin.get(`${PAGE}/preview?unitId=${h.org.communeId}&template=result&kind=complaint`);
  expect(preview.status).toBe(200);
  expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
  expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(preview.text).toContain('Kết quả giải quyết đơn');
  expect(preview.text).toContain('Độc lập - Tự do - Hạnh phúc');
  const en = await admin.get(`${pageOf()}&lang=en`);
  expect(en.text).toContain('The built-in wording is in use.');
  // The language is remembered: back to Vietnamese for the tests below.
  expect((await admin.get(`${pageOf()}&lang=vi`)).text).toContain('Đang dùng mẫu mặc định.');
});

test('when a wording with an unknown placeholder is saved, then the form comes back with the field named and the text kept, and nothing is stored', async () => {
  const res = await admin.post(
    PAGE,
    {
      ...choice(),
      subjectVi: 'Trả lời {{trackingCode}}',
      subjectEn: 'Answer {{trackingCode}}',
      bodyVi: 'Kết quả: {{summary}} {{matKhau}}',
      bodyEn: 'Result: {{summary}}',
      intent: 'save',
    },
    { formPage: pageOf() },
  );
  expect(res.status).toBe(400);
  expect(res.text).toContain('<code>bodyVi</code>');
  expect(res.text).toContain('unknown placeholder {{matKhau}}');
  expect(res.text).toContain('Kết quả: {{summary}} {{matKhau}}');
  expect(await h.db.prisma.letterTemplate.count()).toBe(0);
});

test('when a draft is previewed, then the frame shows it escaped under the letterhead; saved, the page says so; the letterhead lines and removal work', async () => {
  const draft = {
    ...choice(),
    subjectVi: 'Trả lời đơn {{trackingCode}}',
    subjectEn: 'Answer to {{trackingCode}}',
    bodyVi: 'Xã trả lời: {{summary}}\n\n<script>alert(1)</script>',
    bodyEn: 'The commune answers: {{summary}}',
  };
  const preview = await admin.post(`${PAGE}/preview`, draft, { formPage: pageOf() });
  expect(preview.status).toBe(200);
  expect(preview.text).toContain('Trả lời đơn DV-MAU2-THU5 / Answer to DV-MAU2-THU5');
  expect(preview.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(preview.text).not.toContain('<script>');
  const refused = await admin.post(`${PAGE}/preview`, { ...draft, bodyEn: '{{oops' }, { formPage: pageOf() });
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('<code>bodyEn</code>');

  const saved = await admin.post(PAGE, { ...draft, intent: 'save' }, { formPage: pageOf() });
  expect(saved.status).toBe(303);
  const after = await admin.get(saved.headers.location!);
  expect(after.text).toContain('Đã lưu mẫu (phiên bản 1).');
  expect(after.text).toContain('Đang dùng mẫu riêng của đơn vị này (phiên bản 1).');
  expect(after.text).toContain('Xã trả lời: {{summary}}');
  // The same wording seen from another kind is inherited only when it is for every kind: here it is not.
  const feedback = await admin.get(`${PAGE}?unitId=${h.org.communeId}&template=result&kind=feedback`);
  expect(feedback.text).toContain('Đang dùng mẫu mặc định.');

  const head = await admin.post(
    `${PAGE}/letterhead`,
    { ...choice(), lines: 'Số 9 đường Hai Bà Trưng\r\n\r\nĐT: 0222 123 456' },
    { formPage: pageOf() },
  );
  expect(head.status).toBe(303);
  expect((await admin.get(head.headers.location!)).text).toContain('Đã lưu tiêu đề thư.');
  const framed = await admin.get(`${PAGE}/preview?unitId=${h.org.communeId}&template=result&kind=complaint`);
  expect(framed.text).toContain('Số 9 đường Hai Bà Trưng');
  expect(framed.text).toContain('Xã trả lời: Nội dung trả lời mẫu');

  const row = await h.db.prisma.letterTemplate.findFirstOrThrow({ where: { unitId: h.org.communeId } });
  const removed = await admin.post(`${PAGE}/remove`, { id: row.id }, { formPage: pageOf() });
  expect(removed.status).toBe(303);
  expect((await admin.get(removed.headers.location!)).text).toContain('Đã bỏ mẫu riêng.');
  expect(await h.db.prisma.letterTemplate.count()).toBe(0);
});
