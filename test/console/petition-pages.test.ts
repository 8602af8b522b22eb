// The petition pages on the real app and workflow: who sees which action, who is refused, and refusals in
// words. Each role signs in through the console's own form.
import request from 'supertest';
import { eventually } from '../support/eventually';
import type { ConsoleClient } from '../support/console-client';
import { registerInConsole, registrationFields, useConsoleStaff } from '../support/console-staff';

const { h, officer, leader, supervisor, otherOfficer } = useConsoleStaff();

const formsOn = (html: string) => [...html.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);

const register = (client: ConsoleClient, overrides: Record<string, string> = {}) =>
  registerInConsole(client, registrationFields(h, overrides));

async function act(client: ConsoleClient, id: string, fields: Record<string, string>) {
  return client.post(`/console/petitions/${id}/actions`, fields, { formPage: `/console/petitions/${id}` });
}

test('when an officer registers a complaint in the form, then the receipt shows the tracking code and secret and the case is stored', async () => {
  const { id, html } = await register(officer);
  expect(html).toContain('Phiếu tiếp nhận đơn');
  const code = /data-testid="tracking-code">([^<]+)</.exec(html)![1]!;
  const stored = await h.db.prisma.petition.findUniqueOrThrow({ where: { id } });
  expect(stored.trackingCode).toBe(code);
  expect(stored.receivedAt.toISOString()).toBe('2026-11-30T02:30:00.000Z');
  expect(html).toMatch(/data-testid="tracking-secret">[^<]{6,}</);
});

test('when the form is posted twice with the same key, then one petition is registered', async () => {
  const key = `dup-${Date.now()}`;
  const first = await register(officer, { idempotencyKey: key });
  const again = await officer.post('/console/petitions', registrationFields(h, { idempotencyKey: key }), {
    formPage: '/console/petitions/new',
  });
  expect(again.status).toBe(200);
  expect(again.text).toContain(`/console/petitions/${first.id}`);
});

test('when a required field is missing, then the form comes back with the error and the typed values', async () => {
  const res = await officer.post(
    '/console/petitions',
    {
      kind: 'complaint',
      channel: 'in_person',
      receivingUnitId: h.org.communeId,
      field: 'land',
      subject: 'ab',
      body: 'Nội dung',
      receivedAt: '2026-11-30T09:30',
      'p0.fullName': 'Nguyễn Thị Dân',
      intent: 'register',
    },
    { formPage: '/console/petitions/new' },
  );
  expect(res.status).toBe(400);
  expect(res.text).toContain('Biểu mẫu có lỗi');
  expect(res.text).toMatch(/id="subject"[^>]*aria-invalid="true"/);
  expect(res.text).toContain('value="Nguyễn Thị Dân"');
});

test('when a subject carries a script tag, then the case page shows it as text', async () => {
  const { id } = await register(officer, { subject: '<script>alert("x")</script> đất' });
  const page = await officer.get(`/console/petitions/${id}`);
  expect(page.text).not.toContain('<script>alert(');
  expect(page.text).toContain('&lt;script>alert(');
});

test('when a case is received, then the officer and the leader see triage actions, the supervisor none, and another commune is refused', async () => {
  const { id } = await register(officer);
  expect(formsOn((await officer.get(`/console/petitions/${id}`)).text).sort()).toEqual([
    'accept',
    'forward',
    'refuse',
    'setFlags',
    'withdraw',
  ]);
  expect(formsOn((await leader.get(`/console/petitions/${id}`)).text).sort()).toEqual([
    'accept',
    'forward',
    'refuse',
    'setFlags',
    'withdraw',
  ]);
  const sup = await supervisor.get(`/console/petitions/${id}`);
  expect(sup.status).toBe(200);
  expect(formsOn(sup.text)).toEqual([]);
  expect(sup.text).toContain('Bạn không có thao tác nào');
  const other = await otherOfficer.get(`/console/petitions/${id}`);
  expect(other.status).toBe(403);
  expect(other.text).toContain('Bạn không có quyền thực hiện việc này.');
});

test('when the leader accepts and assigns the officer, then the officer finds the case in "mine" and may verify but not assign', async () => {
  const { id } = await register(officer);
  expect((await act(leader, id, { action: 'accept', idempotencyKey: `a-${id}` })).status).toBe(303);
  expect(formsOn((await leader.get(`/console/petitions/${id}`)).text)).toContain('assign');
  expect(formsOn((await officer.get(`/console/petitions/${id}`)).text)).not.toContain('assign');
  const assigned = await act(leader, id, { action: 'assign', assigneeId: h.org.officer.id, idempotencyKey: `b-${id}` });
  expect(assigned.status).toBe(303);
  expect(assigned.headers.location).toBe(`/console/petitions/${id}?done=assign`);
  await eventually(
    async () => {
      const mine = await officer.get('/console?queue=mine');
      return mine.text.includes(`/console/petitions/${id}"`);
    },
    { what: 'the case in the officer\'s "mine" queue' },
  );
  const page = await officer.get(`/console/petitions/${id}`);
  expect(formsOn(page.text)).toContain('startVerification');
  expect(formsOn(page.text)).not.toContain('assign');
});

test('when an action is refused by the workflow, then the case page says why in words', async () => {
  const { id } = await register(officer);
  await act(leader, id, { action: 'accept', idempotencyKey: `c-${id}` });
  const res = await act(officer, id, {
    action: 'requestExtension',
    days: '30',
    reason: 'cần thêm thời gian',
    idempotencyKey: `d-${id}`,
  });
  expect(res.status).toBe(409);
  expect(res.text).toContain('Không được gia hạn theo quy định của luật.');
  expect(res.text).toContain('a complaint has no extension by law');
});

test('when an action form is posted without its CSRF token, then it is refused and nothing happens', async () => {
  const { id } = await register(officer);
  const res = await officer.post(`/console/petitions/${id}/actions`, { action: 'accept' }, { csrf: null });
  expect(res.status).toBe(403);
  expect((await h.db.prisma.petition.findUniqueOrThrow({ where: { id } })).stage).toBe('received');
});

test('when a denunciation is registered, then its denouncer is sealed for the supervisor and opened with a reason for the registering officer', async () => {
  const { id } = await register(officer, { kind: 'denunciation', 'p0.fullName': 'Người Tố Cáo Bí Mật' });
  const sup = await supervisor.get(`/console/petitions/${id}`);
  expect(sup.text).not.toContain('Người Tố Cáo Bí Mật');
  expect(sup.text).not.toContain('name="reason" required');
  const own = await officer.get(`/console/petitions/${id}`);
  expect(own.text).not.toContain('Người Tố Cáo Bí Mật');
  expect(own.text).toContain('Mở danh tính người tố cáo');
  const opened = await officer.post(`/console/petitions/${id}/reveal`, { reason: 'liên hệ xác minh' });
  expect(opened.status).toBe(200);
  expect(opened.text).toContain('Người Tố Cáo Bí Mật');
  expect(await h.db.prisma.identityAccess.count({ where: { petitionId: id, personId: h.org.officer.id } })).toBe(1);
});

test('when the API reads a petition, then it carries the allowed actions of the caller, and the queue filters answer', async () => {
  const { id } = await register(officer);
  const token = await h.login(h.org.supervisor.username);
  const officerToken = await h.login(h.org.officer.username);
  const asSupervisor = await request(h.app)
    .get(`/api/v1/petitions/${id}`)
    .set({ authorization: `Bearer ${token}` })
    .expect(200);
  expect(asSupervisor.body.allowedActions).toEqual([]);
  const asOfficer = await request(h.app)
    .get(`/api/v1/petitions/${id}`)
    .set({ authorization: `Bearer ${officerToken}` })
    .expect(200);
  expect(asOfficer.body.allowedActions).toEqual(['accept', 'refuse', 'forward', 'withdraw', 'setFlags']);
  const unassigned = await request(h.app)
    .get('/api/v1/petitions?unassigned=true&open=true&pageSize=200')
    .set({ authorization: `Bearer ${officerToken}` })
    .expect(200);
  expect(unassigned.body.items.map((p: { id: string }) => p.id)).toContain(id);
  const mine = await request(h.app)
    .get('/api/v1/petitions?mine=true')
    .set({ authorization: `Bearer ${officerToken}` })
    .expect(200);
  expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
});

/** Forty households on a site clearance, the first `representatives` of them marked as representatives. */
function massPetitioners(count: number, representatives: number): Record<string, string> {
  const fields: Record<string, string> = { field: 'site_clearance', subject: 'Khiếu nại giá bồi thường' };
  for (let i = 0; i < count; i++) {
    fields[`p${i}.fullName`] = `Hộ dân số ${i + 1}`;
    fields[`p${i}.phone`] = '';
    fields[`p${i}.email`] = '';
    fields[`p${i}.address`] = `Thôn ${1 + (i % 4)}`;
    if (i < representatives) fields[`p${i}.isRepresentative`] = 'true';
  }
  return fields;
}

test('when forty petitioners are entered in the form, then six representatives are refused in words and five register a mass petition', async () => {
  const rows = await officer.post(
    '/console/petitions',
    { ...registrationFields(h), rows: '40', intent: 'rows' },
    { formPage: '/console/petitions/new' },
  );
  expect(rows.status).toBe(200);
  expect(rows.text).toContain('id="p39-fullName"');

  const before = await h.db.prisma.petition.count();
  const refused = await officer.post(
    '/console/petitions',
    { ...registrationFields(h), ...massPetitioners(40, 6), idempotencyKey: `mass-${Date.now()}` },
    { formPage: '/console/petitions/new' },
  );
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('40 người cùng khiếu nại một nội dung phải cử từ 1 đến 5 người đại diện (đang có 6');
  expect(refused.text).toContain('value="Hộ dân số 40"');
  expect(await h.db.prisma.petition.count()).toBe(before);

  const { id } = await register(officer, massPetitioners(40, 5));
  const stored = await h.db.prisma.petition.findUniqueOrThrow({ where: { id }, include: { petitioners: true } });
  expect(stored.isMass).toBe(true);
  expect(stored.petitioners).toHaveLength(40);
  expect(stored.petitioners.filter((p) => p.isRepresentative)).toHaveLength(5);
});
