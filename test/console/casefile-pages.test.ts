// The case file's console screens on the real app and workflow: the duplicates block of the case page (who
// sees it, a link or "a new matter" through its forms, refusals in words, the CSRF check) and the registers
// page (an XLSX for a supervisor, refused to an officer; a reason opens denouncers for the entitled only),
// each role signed in through the console's own form.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eventually } from '../support/eventually';
import { csrfFrom, type ConsoleClient } from '../support/console-client';
import { registerInConsole, registrationFields, useConsoleStaff } from '../support/console-staff';
import { XLSX_TYPE } from '../../src/reports/table-export';

const { h, officer, leader, supervisor, otherOfficer } = useConsoleStaff();

const tag = () => randomBytes(3).toString('hex');

const register = (subject: string, email: string, kind: 'complaint' | 'denunciation' = 'complaint') =>
  registerInConsole(
    officer,
    registrationFields(h, {
      kind,
      field: kind === 'complaint' ? 'land' : 'officials_conduct',
      subject,
      'p0.fullName': 'Nguyễn Văn Minh',
      'p0.email': email,
      'p0.address': 'Thôn Đông',
    }),
  );

/** The same citizen sends the same matter twice: the second is a likely duplicate of the first. */
async function twoLetters() {
  const t = tag();
  const subject = `Khiếu nại việc bồi thường đất tại thôn Đông ${t}`;
  const first = await register(subject, `minh.${t}@example.test`);
  const second = await register(subject, `minh.${t}@example.test`);
  return { first, second };
}

const linkForm = (client: ConsoleClient, id: string, ofPetitionId: string, csrf?: null) =>
  client.post(
    `/console/petitions/${id}/duplicates`,
    { ofPetitionId },
    { formPage: `/console/petitions/${id}`, ...(csrf === null ? { csrf: null } : {}) },
  );

test('when a case has a likely duplicate, then the officer and the leader see it with its reasons and a link form, and the supervisor sees no duplicates block', async () => {
  const { first, second } = await twoLetters();
  for (const client of [officer, leader]) {
    const page = await client.get(`/console/petitions/${second.id}`);
    expect(page.status).toBe(200);
    const block = /<section aria-labelledby="duplicates-heading"[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? '';
    expect(block).toContain('<caption>Các đơn có thể trùng với đơn này trong tỉnh, và lý do</caption>');
    expect(block).toContain(`href="/console/petitions/${first.id}">${first.code}</a>`);
    expect(block).toMatch(/<li>cùng người gửi \(trùng [^)]+\)<\/li>/);
    expect(block).toContain('<li>nội dung tương tự (100%)</li>');
    expect(block).toContain(`action="/console/petitions/${second.id}/duplicates"`);
    expect(block).toContain(`name="ofPetitionId" value="${first.id}"`);
    expect(block).toMatch(/name="_csrf" value="[^"]+"/);
    expect(block).toContain('data-form="newMatter"');
    expect(block).toContain('<label for="duplicate-note">Ghi chú (không bắt buộc)</label>');
  }
  const asSupervisor = await supervisor.get(`/console/petitions/${second.id}`);
  expect(asSupervisor.status).toBe(200);
  expect(asSupervisor.text).not.toContain('duplicates-heading');
  expect(asSupervisor.text).not.toContain('/duplicates"');
  expect(asSupervisor.text).not.toContain('data-form="newMatter"');
  const english = await officer.get(`/console/petitions/${second.id}?lang=en`);
  expect(english.text).toContain('Link as duplicate of this case');
  expect(english.text).toContain(
    '<caption>Petitions in the province that may be the same matter as this one, and why</caption>',
  );
  await officer.get(`/console/petitions/${second.id}?lang=vi`);
});

test('when the officer links the case as a duplicate through the form, then it is redirected back to the case, the petition is linked, and the page says where it is handled', async () => {
  const { first, second } = await twoLetters();
  const res = await linkForm(officer, second.id, first.id);
  expect(res.status).toBe(303);
  expect(res.headers.location).toMatch(
    new RegExp(`^/console/petitions/${second.id}\\?duplicate(Linked|Pending)=${encodeURIComponent(first.code)}$`),
  );
  const stored = await eventually(
    async () => {
      const row = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.id } });
      return row.duplicateOfId ? row : null;
    },
    { what: 'the link as duplicate' },
  );
  expect(stored).toMatchObject({ duplicateOfId: first.id, stage: 'closed' });
  const back = await officer.get(res.headers.location!);
  expect(back.status).toBe(200);
  expect(back.text).toMatch(/role="status"/);
  expect(back.text).toContain(`data-testid="duplicate-of"><a href="/console/petitions/${first.id}">`);
  expect(back.text).not.toContain('data-testid="duplicate-proposals"');
});

test('when a link is refused, then the case page says why in words, and nothing is linked', async () => {
  const { second } = await twoLetters();
  const itself = await linkForm(officer, second.id, second.id);
  expect(itself.status).toBe(400);
  expect(itself.text).toContain('Thông tin chưa hợp lệ.');
  expect(itself.text).toContain('a petition cannot duplicate itself');
  expect(itself.text).toMatch(/role="alert"/);
  const { first } = await twoLetters();
  const bySupervisor = await linkForm(supervisor, second.id, first.id);
  expect(bySupervisor.status).toBe(403);
  expect(bySupervisor.text).toContain('Bạn không có quyền thực hiện việc này.');
  const stored = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.id } });
  expect(stored.duplicateOfId).toBeNull();
});

test('when the link form comes without its CSRF token, then it is refused and nothing is linked', async () => {
  const { first, second } = await twoLetters();
  const res = await linkForm(officer, second.id, first.id, null);
  expect(res.status).toBe(403);
  expect(res.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ.');
  const stored = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.id } });
  expect(stored.duplicateOfId).toBeNull();
});

const newMatterForm = (client: ConsoleClient, id: string, note: string, csrf?: null) =>
  client.post(
    `/console/petitions/${id}/duplicates`,
    { decision: 'newMatter', note },
    { formPage: `/console/petitions/${id}`, ...(csrf === null ? { csrf: null } : {}) },
  );

const reviews = (petitionId: string) =>
  h.db.prisma.petitionEvent.findMany({ where: { petitionId, type: 'notDuplicate' } });

test('when the officer decides a proposed duplicate is a new matter with a note, then the page says so with who, when and the note, the forms to decide are gone, and the case keeps its own stage', async () => {
  const { first, second } = await twoLetters();
  const res = await newMatterForm(officer, second.id, '  Khác thửa đất: thửa số 120, không phải 121  ');
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`/console/petitions/${second.id}?duplicateNewMatter=1`);
  expect(await reviews(second.id)).toEqual([
    expect.objectContaining({ actorId: h.org.officer.id, note: 'Khác thửa đất: thửa số 120, không phải 121' }),
  ]);
  const stored = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.id } });
  expect(stored).toMatchObject({ duplicateOfId: null, stage: 'received' });

  const back = await officer.get(res.headers.location!);
  expect(back.status).toBe(200);
  expect(back.text).toMatch(/role="status"[^>]*>[\s\S]*?Đã ghi nhận đây là vụ việc mới\./);
  const decided = /<div data-testid="duplicate-new-matter">[\s\S]*?<\/div>/.exec(back.text)?.[0] ?? '';
  expect(decided).toContain('Đã xác định đây là vụ việc mới.');
  expect(decided).toContain('Phạm Văn Cán');
  expect(decided).toContain('Ghi chú: Khác thửa đất: thửa số 120, không phải 121');
  expect(back.text).not.toContain('data-form="newMatter"');
  // The timeline names the events in words, not by their recorded types.
  expect(back.text).toContain('<td>Xác định là vụ việc mới</td>');
  expect(back.text).toContain('<td>Tiếp nhận</td>');
  expect(back.text).not.toMatch(/<td>(notDuplicate|received)<\/td>/);
  // The proposal stays listed: a later letter may still show it is the same matter after all.
  expect(back.text).toContain(`name="ofPetitionId" value="${first.id}"`);
  const english = await leader.get(`/console/petitions/${second.id}?lang=en`);
  expect(english.text).toContain('This was decided to be a new matter.');
  expect(english.text).toContain('Note: Khác thửa đất: thửa số 120, không phải 121');
  expect(english.text).toContain('<td>Decided a new matter</td>');
  await leader.get(`/console/petitions/${second.id}?lang=vi`);

  // Decided once: a second post finds the same review.
  expect((await newMatterForm(leader, second.id, 'lần hai')).status).toBe(303);
  expect(await reviews(second.id)).toHaveLength(1);
});

test('when a supervisor or an officer of another commune posts the new-matter form, or it comes without its CSRF token, then it is refused and nothing is recorded', async () => {
  const { second } = await twoLetters();
  const bySupervisor = await newMatterForm(supervisor, second.id, 'không trùng');
  expect(bySupervisor.status).toBe(403);
  expect(bySupervisor.text).toContain('Bạn không có quyền thực hiện việc này.');
  const elsewhere = await otherOfficer.get(`/console/petitions/${second.id}`);
  expect(elsewhere.status).toBe(403);
  expect(elsewhere.text).not.toContain('data-form="newMatter"');
  const byOtherOfficer = await otherOfficer.post(
    `/console/petitions/${second.id}/duplicates`,
    { decision: 'newMatter', note: 'không trùng' },
    { formPage: '/console' },
  );
  expect(byOtherOfficer.status).toBe(403);
  const noToken = await newMatterForm(officer, second.id, 'không trùng', null);
  expect(noToken.status).toBe(403);
  expect(noToken.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ.');
  expect(await reviews(second.id)).toEqual([]);
});

test('when the new-matter note is too long, then the form comes back with the note and the limit in words, and nothing is recorded', async () => {
  const { second } = await twoLetters();
  const note = 'x'.repeat(2001);
  const res = await newMatterForm(officer, second.id, note);
  expect(res.status).toBe(400);
  expect(res.text).toContain('Ghi chú dài tối đa 2.000 ký tự.');
  expect(res.text).toMatch(new RegExp(`<textarea id="duplicate-note"[^>]*aria-invalid="true"[^>]*>${note}</textarea>`));
  expect(await reviews(second.id)).toEqual([]);
});

const binary = (client: ConsoleClient, path: string) =>
  client.agent
    .get(path)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

test('when a supervisor opens the registers page, then a unit and a period are asked with labelled fields and both registers download as XLSX', async () => {
  const home = await supervisor.get('/console');
  expect(home.text).toContain('href="/console/registers"');
  const page = await supervisor.get('/console/registers');
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/<label for="registers-unit">Đơn vị<\/label>/);
  expect(page.text).toMatch(/<label for="registers-from">Từ ngày<\/label>/);
  expect(page.text).toMatch(/<label for="registers-to">Đến ngày<\/label>/);
  expect(page.text).toContain(`value="${h.org.communeId}"`);
  expect(page.text).toContain('formaction="/console/registers/reception"');
  expect(page.text).toContain('formaction="/console/registers/petitions"');
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  for (const which of ['reception', 'petitions']) {
    const res = await binary(
      supervisor,
      `/console/registers/${which}?unitId=${h.org.communeId}&from=2026-11-01&to=${today}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?so-(tiep-cong-dan|theo-doi-xu-ly-don)-.+\.xlsx"?$/,
    );
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  }
  const invalid = await supervisor.get(
    `/console/registers/petitions?unitId=${h.org.communeId}&from=${today}&to=2026-01-01`,
  );
  expect(invalid.status).toBe(400);
  expect(invalid.text).toContain('Chọn đơn vị và cả hai ngày');
});

test('when an officer asks for the registers, then the page and the downloads are refused and the navigation does not offer them', async () => {
  const home = await officer.get('/console');
  expect(home.text).not.toContain('href="/console/registers"');
  const page = await officer.get('/console/registers');
  expect(page.status).toBe(403);
  expect(page.text).toContain('Sổ sách dành cho lãnh đạo và thanh tra.');
  const res = await binary(
    officer,
    `/console/registers/reception?unitId=${h.org.communeId}&from=2026-11-01&to=2026-11-30`,
  );
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).not.toContain(XLSX_TYPE);
});

/** The register's row of a case (by its tracking code), its cells joined. */
async function registerRow(buffer: Buffer, code: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const rows: string[] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells = (row.values as unknown[]).map((v) => (v == null ? '' : String(v)));
    if (cells.includes(code)) rows.push(cells.join(' | '));
  });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The registers page's form, posted as the browser posts it (with the page's CSRF token unless null). */
async function postRegister(client: ConsoleClient, fields: Record<string, string>, csrf?: null) {
  const token = csrfFrom((await client.get('/console/registers')).text);
  return client.agent
    .post('/console/registers/petitions')
    .type('form')
    .send({
      unitId: h.org.communeId,
      from: '2026-11-01',
      to: localToday(),
      ...fields,
      ...(csrf === null ? {} : { _csrf: token }),
    })
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

const localToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

test('when a leader gives a reason on the registers form, then the denouncer of their unit is named and the opening recorded; without one, or by GET, or for a supervisor without a grant, “công dân”', async () => {
  const page = await leader.get('/console/registers');
  expect(page.text).toMatch(/<form class="stack" method="post" action="\/console\/registers\/petitions">/);
  expect(page.text).toMatch(/<label for="registers-reason">Lý do mở danh tính \(không bắt buộc\)<\/label>/);
  expect(page.text).toMatch(/<input id="registers-reason" name="reason"[^>]*aria-describedby="registers-reason-hint"/);
  const t = tag();
  const denunciation = await register(`Tố cáo cán bộ địa chính ${t}`, `to.cao.${t}@example.test`, 'denunciation');
  const openings = () =>
    h.db.prisma.identityAccess.findMany({
      where: { petitionId: denunciation.id },
      select: { personId: true, reason: true },
    });

  const sealed = await postRegister(leader, {});
  expect(sealed.status).toBe(200);
  expect(sealed.headers['content-type']).toContain(XLSX_TYPE);
  expect(await registerRow(sealed.body as Buffer, denunciation.code)).toContain('| công dân |');
  const byGet = await binary(
    leader,
    `/console/registers/petitions?unitId=${h.org.communeId}&from=2026-11-01&to=${localToday()}&reason=${encodeURIComponent('đối chiếu sổ')}`,
  );
  expect(await registerRow(byGet.body as Buffer, denunciation.code)).toContain('| công dân |');
  const bySupervisor = await postRegister(supervisor, { reason: 'kiểm tra sổ' });
  expect(bySupervisor.status).toBe(200);
  expect(await registerRow(bySupervisor.body as Buffer, denunciation.code)).toContain('| công dân |');
  expect(await openings()).toEqual([]);

  const opened = await postRegister(leader, { reason: 'đối chiếu hồ sơ' });
  expect(opened.status).toBe(200);
  const row = await registerRow(opened.body as Buffer, denunciation.code);
  expect(row).toContain('Nguyễn Văn Minh');
  expect(row).not.toContain('| công dân |');
  expect(await openings()).toEqual([{ personId: h.org.communeLeader.id, reason: 'register: đối chiếu hồ sơ' }]);
});

test('when the registers form comes without its CSRF token or with a reason too short, then it is refused and nothing is opened', async () => {
  const t = tag();
  const denunciation = await register(`Tố cáo ${t}`, `tc.${t}@example.test`, 'denunciation');
  const noToken = await postRegister(leader, { reason: 'đối chiếu hồ sơ' }, null);
  expect(noToken.status).toBe(403);
  expect(noToken.headers['content-type']).not.toContain(XLSX_TYPE);
  const short = await leader.post(
    '/console/registers/petitions',
    { unitId: h.org.communeId, from: '2026-11-01', to: localToday(), reason: 'ab' },
    { formPage: '/console/registers' },
  );
  expect(short.status).toBe(400);
  expect(short.text).toContain('Lý do mở danh tính dài từ 3 đến 500 ký tự.');
  expect(short.text).toMatch(/<input id="registers-reason" name="reason"[^>]*value="ab"[^>]*aria-invalid="true"/);
  expect(await h.db.prisma.identityAccess.count({ where: { petitionId: denunciation.id } })).toBe(0);
});
