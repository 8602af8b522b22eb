// The portal's public forms against abuse: per-address rate limits, the honeypot, the size limit, and
// hostile input on every form answered with a 4xx page, never a 5xx, and nothing filed.
import request from 'supertest';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let sessionId: string;

beforeAll(async () => {
  h = await startApiHarness({
    portalLimits: { submit: { limit: 3, windowMs: 60_000 }, lookup: { limit: 5, windowMs: 60_000 } },
  });
  // An announced session written straight into the read model: the portal only reads it and registers.
  const schedule = await h.db.prisma.receptionSchedule.create({
    data: {
      id: `rs-portal-${Date.now()}`,
      unitId: h.org.communeId,
      leaderId: h.org.communeLeader.id,
      rule: { type: 'weekly', weekdays: [4] },
      startTime: '08:00',
      location: 'Hội trường xã',
      registrationCutoffDays: null,
      startsFrom: '2026-01-01',
      createdById: h.org.admin.id,
    },
  });
  sessionId = `reception-${schedule.id}-2099-01-01`;
  await h.db.prisma.receptionSession.create({
    data: {
      id: sessionId,
      scheduleId: schedule.id,
      unitId: h.org.communeId,
      nominalDay: '2099-01-01',
      day: '2099-01-01',
      startsAt: new Date('2099-01-01T01:00:00Z'),
      status: 'announced',
      leaderId: h.org.communeLeader.id,
      receivingLeaderId: h.org.communeLeader.id,
      jointUnitIds: [],
      location: 'Hội trường xã',
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

let address = 0;
/** Each test its own client address (the app trusts X-Forwarded-For from loopback), so limits do not leak. */
const from = () => `203.0.113.${++address}`;

const validFeedback = () => ({
  unitId: h.org.communeId,
  kind: 'feedback',
  field: 'infrastructure',
  subject: 'Đèn đường hỏng',
  body: 'Đèn đường thôn Đông hỏng từ tuần trước, buổi tối rất tối.',
  fullName: 'Nguyễn Văn An',
  email: 'an@example.test',
});

test('when a robot fills the honeypot, then nothing is filed and the answer is a 400 page', async () => {
  const before = await h.db.prisma.petition.count();
  const res = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .type('form')
    .send({ ...validFeedback(), website: 'http://spam.example' })
    .expect(400);
  expect(res.text).toContain('Không nhận được đơn này');
  expect(await h.db.prisma.petition.count()).toBe(before);
});

test('when one address files more than the limit, then it gets 429 with Retry-After, and another address still files', async () => {
  const ip = from();
  for (let i = 0; i < 3; i++)
    await request(h.app)
      .post('/file')
      .set('x-forwarded-for', ip)
      .type('form')
      .send({ ...validFeedback(), subject: `Đèn hỏng ${i}` })
      .expect(201);
  const limited = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', ip)
    .type('form')
    .send(validFeedback())
    .expect(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(limited.text).toContain('Quá nhiều yêu cầu');
  await request(h.app).post('/file').set('x-forwarded-for', from()).type('form').send(validFeedback()).expect(201);
});

test('when tracking lookups exceed the limit, then the address is refused even with a wrong secret each time', async () => {
  const ip = from();
  for (let i = 0; i < 5; i++)
    await request(h.app)
      .post('/track')
      .set('x-forwarded-for', ip)
      .type('form')
      .send({ code: 'PA-0000-0000', secret: `guess${i}` })
      .expect(404);
  await request(h.app)
    .post('/track')
    .set('x-forwarded-for', ip)
    .type('form')
    .send({ code: 'PA-0000-0000', secret: 'guess' })
    .expect(429);
});

test('when a form is larger than the size limit, then it is refused with 413 before it is read', async () => {
  const res = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .type('form')
    .send({ ...validFeedback(), body: 'x'.repeat(40_000) });
  expect(res.status).toBe(413);
});

const HOSTILE: Record<string, unknown>[] = [
  {},
  { unitId: '../../etc/passwd', kind: 'feedback' },
  { unitId: "' OR 1=1 --", kind: 'complaint' },
  { kind: 'denunciation', subject: 'x', body: 'y' },
  { kind: 'complaint', knownOn: '2026-02-31', decision: 'QĐ' },
  { kind: 'complaint', knownOn: '9999-99-99' },
  { kind: 'complaint', knownOn: '2999-01-01', decision: 'QĐ 12/2026' },
  { subject: '<script>alert(1)</script>', body: '\u0000\u202e'.repeat(50), email: 'a@b', phone: 'call me' },
  { kind: 'x', 'kind[]': 'feedback', 'subject[a]': 'b', ['__proto__']: 'x', constructor: 'y' },
  { fullName: 'A'.repeat(5000), email: `${'a'.repeat(300)}@x.vn` },
];

test('when hostile input is posted to every public form, then each answer is a 4xx page and nothing is filed', async () => {
  const before = await h.db.prisma.petition.count();
  const registrations = await h.db.prisma.receptionRegistration.count();
  for (const raw of HOSTILE) {
    const body = { ...validFeedback(), ...raw };
    if ('unitId' in raw || Object.keys(raw).length === 0)
      Object.assign(
        body,
        Object.keys(raw).length === 0 ? { unitId: undefined, kind: undefined, fullName: undefined } : {},
      );
    for (const path of [
      '/file',
      '/track',
      '/track/rating',
      `/reception/${sessionId}/register`,
      '/reception/%00/register',
    ]) {
      // A registration gets the hostile fields alone: the feedback's valid name and e-mail would register.
      const sent = path.includes('/register') ? raw : body;
      const res = await request(h.app)
        .post(path)
        .set('x-forwarded-for', from())
        .type('form')
        .send(Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as Record<string, string>);
      expect({ path, raw, status: res.status < 500 && res.status >= 400 }).toEqual({ path, raw, status: true });
      expect(res.text).not.toContain('<script>alert(1)</script>');
    }
  }
  for (const path of [
    '/file?unit=%3Cscript%3E',
    '/file?q=%E0%A4%A',
    `/file?q=${'đ'.repeat(500)}`,
    '/track?code=%3Cb%3E',
    '/denunciation?unit=nope',
    '/reception/x/register',
  ]) {
    const res = await request(h.app).get(path);
    expect({ path, ok: res.status < 500 }).toEqual({ path, ok: true });
    expect(res.text).not.toContain('<script>');
  }
  const cross = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .set('origin', 'https://evil.example')
    .type('form')
    .send(validFeedback());
  expect(cross.status).toBe(403);
  expect(await h.db.prisma.petition.count()).toBe(before);
  expect(await h.db.prisma.receptionRegistration.count()).toBe(registrations);
});

test('when a complaint is outside the 90-day window, then the page explains Đ.9 and files it only with a reason for the delay', async () => {
  const complaint = {
    ...validFeedback(),
    kind: 'complaint',
    decision: 'Quyết định 12/QĐ-UBND ngày 01/03/2026',
    knownOn: '2026-03-02',
  };
  const late = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .type('form')
    .send(complaint)
    .expect(422);
  expect(late.text).toContain('Đã quá thời hiệu khiếu nại');
  expect(late.text).toContain('Điều 9');
  const filed = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .type('form')
    .send({ ...complaint, lateReason: 'Tôi nằm viện từ tháng 3 đến tháng 10 năm 2026' })
    .expect(201);
  const code = /data-testid="tracking-code">([^<]+)</.exec(filed.text)![1]!;
  const row = await h.db.prisma.petition.findUniqueOrThrow({ where: { trackingCode: code } });
  expect(row).toMatchObject({ kind: 'complaint', channel: 'online', receivingUnitId: h.org.communeId });
  expect(row.body).toContain('Lý do khiếu nại sau thời hiệu');
});

test('when a public page is read, then it may be cached and carries no cookie; the receipt is never cached and its secret is not in any URL', async () => {
  const home = await request(h.app).get('/').expect(200);
  expect(home.headers['cache-control']).toBe('public, max-age=300');
  expect(home.headers['set-cookie']).toBeUndefined();
  const filed = await request(h.app)
    .post('/file')
    .set('x-forwarded-for', from())
    .type('form')
    .send(validFeedback())
    .expect(201);
  expect(filed.headers['cache-control']).toBe('no-store');
  const secret = /data-testid="tracking-secret">([^<]+)</.exec(filed.text)![1]!;
  const hrefs = [...filed.text.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.some((u) => u!.includes(secret))).toBe(false);
  expect(filed.text).toContain('<svg');
});
