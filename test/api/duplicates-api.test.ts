// Đơn trùng: likely duplicates proposed across the province by keyed hash and folded subject, linked by an
// officer (closed, no clock, the citizen told where it is handled, counted once in the report), a matter
// already decided answered with the law, a new matter kept; and mass petitions in the report, their
// notices to the representatives.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { petitionReport } from '../../src/reports/reports';
import { parsePeriod } from '../../src/domain/report-period';
import type { Principal } from '../../src/org/access';
import { ZDuplicateDecisionResponse, ZDuplicateProposals } from '../../src/api/schemas/duplicates';
import { aResolutionDecision } from '../support/resolution';

let h: ApiHarness;
let officer: string;
let otherOfficer: string;
let leader: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [officer, otherOfficer, leader, supervisor] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.otherOfficer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.supervisor.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

interface Person {
  fullName: string;
  phone?: string;
  email?: string;
  address?: string;
  isRepresentative?: boolean;
}

const tag = () => randomBytes(3).toString('hex');

const register = (
  token: string,
  unitId: string,
  p: { subject: string; petitioners: Person[]; kind?: string; field?: string },
) =>
  request(h.app)
    .post('/api/v1/petitions')
    .set(auth(token))
    .send({
      kind: p.kind ?? 'complaint',
      receivingUnitId: unitId,
      channel: 'post',
      field: p.field ?? 'land',
      subject: p.subject,
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: p.petitioners,
    })
    .expect(201);

const proposals = (token: string, id: string) =>
  request(h.app).get(`/api/v1/petitions/${id}/duplicates`).set(auth(token)).expect(200);

const decide = (token: string, id: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/duplicates`).set(auth(token)).send(body);

const act = (token: string, id: string, body: object) =>
  request(h.app).post(`/api/v1/petitions/${id}/actions`).set(auth(token)).send(body).expect(200);

/** This month's report over the whole province, from the rollups (API) and from the rows themselves. */
async function provinceReceived(): Promise<{ rollup: number; events: number; massRollup: number; massEvents: number }> {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const api = await request(h.app)
    .get(`/api/v1/reports/petitions?period=${month}&groupBy=none`)
    .set(auth(supervisor))
    .expect(200);
  const principal: Principal = {
    personId: h.org.supervisor.id,
    fullName: 'Đỗ Thanh Tra',
    unitId: h.org.provinceId,
    bindings: [{ role: 'supervisor', unitId: h.org.provinceId }],
  };
  const events = await petitionReport(h.db.prisma, principal, parsePeriod(month)!, 'none', new Date(), {
    source: 'events',
  });
  return {
    rollup: api.body.total.received,
    events: events.total.received,
    massRollup: api.body.total.massReceived,
    massEvents: events.total.massReceived,
  };
}

test('when the same citizen sends the same matter to another commune of the province, then it is proposed with the reasons, linked to the open case, told where it is handled, left without a clock, and counted once in the report', async () => {
  const t = tag();
  const minh = {
    fullName: 'Nguyễn Văn Minh',
    phone: '0912 345 678',
    email: `minh.${t}@example.test`,
    address: 'Thôn Đông',
  };
  const first = await register(officer, h.org.communeId, {
    subject: `Khiếu nại việc bồi thường đất tại thôn Đông ${t}`,
    petitioners: [minh],
  });
  const unrelated = await register(officer, h.org.communeId, {
    subject: `Phản ánh đèn đường hỏng ở ngõ ${t}`,
    petitioners: [{ fullName: 'Lê Thị Hoa', phone: '0933 111 222' }],
  });
  expect(unrelated.body.possibleDuplicates).toBe(0);
  const before = await provinceReceived();
  expect(before.rollup).toBe(before.events);

  // Typed without diacritics and with +84: the same petitioner and the same subject all the same.
  const second = await register(otherOfficer, h.org.otherCommuneId, {
    subject: `khieu nai viec boi thuong dat tai thon Dong ${t}`,
    petitioners: [{ fullName: 'Nguyen Van Minh', phone: '+84 912 345 678', email: minh.email }],
  });
  expect(second.body.possibleDuplicates).toBe(1);
  expect(await provinceReceived()).toMatchObject({ rollup: before.rollup + 1, events: before.events + 1 });

  const proposed = await proposals(otherOfficer, second.body.id);
  // What the OpenAPI document promises is what is answered.
  ZDuplicateProposals.parse(proposed.body);
  expect(proposed.body.decision).toBeNull();
  expect(proposed.body.proposals).toHaveLength(1);
  const [p] = proposed.body.proposals;
  expect(p).toMatchObject({
    petitionId: first.body.id,
    trackingCode: first.body.trackingCode,
    unit: { id: h.org.communeId },
    stage: 'received',
    decided: false,
  });
  expect(p.reasons.map((r: { code: string }) => r.code)).toEqual(['samePetitioner', 'similarSubject', 'sameField']);
  expect(p.reasons[0].facets).toEqual(['email', 'phone']);
  expect(p.reasons[1].similarity).toBe(1);
  // Across communes the officer learns where the case is handled, never who sent it.
  expect(JSON.stringify(proposed.body)).not.toMatch(/Minh|912|minh\./);

  const linked = await decide(otherOfficer, second.body.id, {
    decision: 'duplicate',
    ofPetitionId: first.body.id,
  }).expect(200);
  ZDuplicateDecisionResponse.parse(linked.body);
  expect(linked.body).toMatchObject({
    decision: 'duplicate',
    stage: 'closed',
    duplicateOf: { id: first.body.id, trackingCode: first.body.trackingCode, unit: { id: h.org.communeId } },
    answer: null,
  });
  const row = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.body.id } });
  expect(row).toMatchObject({ duplicateOfId: first.body.id, stage: 'closed', dueAt: null, currentClock: null });
  // No clock of its own: the workflow has nothing left to wait for.
  await eventually(
    async () => (await h.client.workflow.getHandle(second.body.workflowId).describe()).status.name === 'COMPLETED',
    { what: 'the duplicate’s workflow to complete' },
  );
  const told = await eventually(
    async () =>
      h.mailer.to(minh.email).find((m) => m.subject.includes(second.body.trackingCode) && /trùng/.test(m.subject)),
    { what: 'the notice to the citizen' },
  );
  expect(told.text).toContain(first.body.trackingCode);
  expect(told.text).toContain(`Xã An Bình`);

  // The matter once: the linked petition is no longer among those received, by either way of counting.
  expect(await provinceReceived()).toMatchObject({ rollup: before.rollup, events: before.events });
  const again = await proposals(otherOfficer, second.body.id);
  expect(again.body).toMatchObject({
    decision: { decision: 'duplicate', duplicateOf: { id: first.body.id } },
    proposals: [],
  });
  // Linked once: a second decision is refused.
  await decide(otherOfficer, second.body.id, { decision: 'newMatter' }).expect(409);
});

test('when a denouncer writes again, then the sealed identities are matched by their keyed hashes without being opened', async () => {
  const t = tag();
  const lan = { fullName: 'Trần Thị Lan', phone: '0987 654 321', address: `Xóm ${t}` };
  const first = await register(officer, h.org.communeId, {
    kind: 'denunciation',
    field: 'officials_conduct',
    subject: `Tố cáo cán bộ địa chính nhận tiền ${t}`,
    petitioners: [lan],
  });
  const second = await register(officer, h.org.communeId, {
    kind: 'denunciation',
    field: 'officials_conduct',
    subject: `To cao can bo dia chinh nhan tien cua dan ${t}`,
    petitioners: [{ ...lan, fullName: 'TRẦN THỊ LAN', phone: '0987654321' }],
  });
  const rows = await h.db.prisma.petitioner.findMany({
    where: { petitionId: { in: [first.body.id, second.body.id] } },
  });
  expect(rows.map((r) => r.fullName)).toEqual(['công dân', 'công dân']);
  expect(JSON.stringify(rows.map((r) => r.matchKeys))).not.toMatch(/0987|lan|xom/i);
  expect(rows[0]!.matchKeys.sort()).toEqual(rows[1]!.matchKeys.sort());

  const proposed = await proposals(officer, second.body.id);
  const p = proposed.body.proposals.find((x: { petitionId: string }) => x.petitionId === first.body.id);
  expect(p.reasons[0]).toMatchObject({ code: 'samePetitioner', facets: ['name-address', 'phone'] });
  expect(JSON.stringify(proposed.body)).not.toMatch(/Lan|0987/);
  // Compared without opening: no identity was read.
  expect(
    await h.db.prisma.identityAccess.count({ where: { petitionId: { in: [first.body.id, second.body.id] } } }),
  ).toBe(0);
});

test('when a matter already decided comes again with no new facts, then it gets the legal answer and no new case; with new facts the link is refused', async () => {
  const t = tag();
  const citizen = {
    fullName: 'Phạm Văn Đức',
    email: `duc.${t}@example.test`,
    address: 'Thôn Tây',
    phone: '0905 000 111',
  };
  const decided = await register(officer, h.org.communeId, {
    subject: `Khiếu nại quyết định thu hồi đất thửa số 12 ${t}`,
    petitioners: [citizen],
  });
  await act(officer, decided.body.id, { action: 'accept' });
  await act(leader, decided.body.id, { action: 'assign', assigneeId: h.org.officer.id });
  await act(leader, decided.body.id, {
    action: 'resolve',
    summary: 'Giữ nguyên quyết định thu hồi đất',
    decision: aResolutionDecision(),
  });
  const before = await provinceReceived();

  const again = await register(officer, h.org.communeId, {
    subject: `Khieu nai quyet dinh thu hoi dat thua so 12 ${t}`,
    petitioners: [citizen],
  });
  const proposed = await proposals(officer, again.body.id);
  expect(proposed.body.proposals[0]).toMatchObject({ petitionId: decided.body.id, stage: 'resolved', decided: true });

  const refused = await decide(officer, again.body.id, {
    decision: 'duplicate',
    ofPetitionId: decided.body.id,
    hasNewFacts: true,
  }).expect(400);
  expect(refused.body.error.details[0].path).toBe('hasNewFacts');

  const answered = await decide(officer, again.body.id, {
    decision: 'duplicate',
    ofPetitionId: decided.body.id,
  }).expect(200);
  expect(answered.body).toMatchObject({
    decision: 'alreadyDecided',
    stage: 'closed',
    answer: { basis: 'Luật Khiếu nại 2011, Điều 33' },
  });
  const event = await h.db.prisma.petitionEvent.findFirstOrThrow({
    where: { petitionId: again.body.id, type: 'alreadyDecided' },
  });
  expect(event.data).toMatchObject({ duplicateOfId: decided.body.id, basis: 'Luật Khiếu nại 2011, Điều 33' });
  const mail = await eventually(
    async () =>
      h.mailer
        .to(citizen.email)
        .find((m) => m.subject.includes(again.body.trackingCode) && /đã được giải quyết/.test(m.subject)),
    { what: 'the legal answer' },
  );
  expect(mail.text).toContain('Điều 33');
  expect(mail.text).toContain(decided.body.trackingCode);
  // No new case: it is not among those received.
  expect(await provinceReceived()).toMatchObject({ rollup: before.rollup, events: before.events });
});

test('when the officer finds it is a new matter, then it keeps its own clock and the decision is recorded once', async () => {
  const t = tag();
  const citizen = { fullName: 'Võ Văn Nam', phone: '0977 222 333', address: 'Ấp 3' };
  const first = await register(officer, h.org.communeId, {
    subject: `Khiếu nại cấp giấy chứng nhận ${t}`,
    petitioners: [citizen],
  });
  const second = await register(officer, h.org.communeId, {
    subject: `Khiếu nại việc chậm chi trả trợ cấp ${t}`,
    petitioners: [citizen],
  });
  expect(second.body.possibleDuplicates).toBe(1);
  expect(
    (await proposals(officer, second.body.id)).body.proposals[0].reasons.map((r: { code: string }) => r.code),
  ).toContain('samePetitioner');
  await decide(officer, second.body.id, { decision: 'newMatter', note: 'nội dung khác' }).expect(200);
  await decide(officer, second.body.id, { decision: 'newMatter' }).expect(200);
  const view = await proposals(officer, second.body.id);
  expect(view.body.decision).toMatchObject({ decision: 'newMatter', actorId: h.org.officer.id, note: 'nội dung khác' });
  expect(await h.db.prisma.petitionEvent.count({ where: { petitionId: second.body.id, type: 'notDuplicate' } })).toBe(
    1,
  );
  const row = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: second.body.id } });
  expect(row).toMatchObject({ stage: 'received', duplicateOfId: null, currentClock: 'triage' });
  expect(row.dueAt).not.toBeNull();
  expect(first.body.id).not.toBe(second.body.id);
});

test('when the link is not the officer’s to make or points nowhere, then it is refused and nothing changes', async () => {
  const t = tag();
  const a = await register(officer, h.org.communeId, {
    subject: `Kiến nghị sửa đường liên thôn ${t}`,
    petitioners: [{ fullName: 'Đặng Văn Sơn', phone: '0966 444 555' }],
  });
  const b = await register(officer, h.org.communeId, {
    subject: `Kiến nghị sửa đường liên thôn ${t}`,
    petitioners: [{ fullName: 'Đặng Văn Sơn', phone: '0966 444 555' }],
  });
  await decide(otherOfficer, b.body.id, { decision: 'duplicate', ofPetitionId: a.body.id }).expect(403);
  await decide(supervisor, b.body.id, { decision: 'duplicate', ofPetitionId: a.body.id }).expect(403);
  expect(
    (await decide(officer, b.body.id, { decision: 'duplicate', ofPetitionId: b.body.id }).expect(400)).body.error
      .details[0].path,
  ).toBe('ofPetitionId');
  await decide(officer, b.body.id, { decision: 'duplicate', ofPetitionId: 'no-such-petition' }).expect(400);
  await decide(officer, b.body.id, { decision: 'maybe' }).expect(400);
  expect(await h.db.prisma.petition.findUniqueOrThrow({ where: { id: b.body.id } })).toMatchObject({
    stage: 'received',
    duplicateOfId: null,
  });
});

test('when the API is described, then the duplicate and register routes are in the OpenAPI document', async () => {
  const doc = await request(h.app).get('/api/v1/openapi.json').expect(200);
  expect(Object.keys(doc.body.paths)).toEqual(
    expect.arrayContaining(['/petitions/{petitionId}/duplicates', '/registers/reception', '/registers/petitions']),
  );
  expect(Object.keys(doc.body.paths['/petitions/{petitionId}/duplicates'])).toEqual(['get', 'post']);
});

test('when a mass petition is registered, then the report counts it as such once, and its notices go to the representatives only', async () => {
  const t = tag();
  const before = await provinceReceived();
  const people: Person[] = Array.from({ length: 6 }, (_, i) => ({
    fullName: `Hộ dân ${i + 1}`,
    email: `ho${i + 1}.${t}@example.test`,
    // The representative last: the acknowledgement goes out in position order, so once it has the others would have too.
    ...(i === 5 ? { isRepresentative: true } : {}),
  }));
  const mass = await register(officer, h.org.communeId, {
    field: 'site_clearance',
    subject: `Khiếu nại giá bồi thường giải phóng mặt bằng ${t}`,
    petitioners: people,
  });
  await eventually(async () => h.mailer.to(people[5]!.email!).some((m) => m.subject.includes(mass.body.trackingCode)), {
    what: 'the acknowledgement to the representative',
  });
  for (const p of people.slice(0, 5)) expect(h.mailer.to(p.email!)).toHaveLength(0);
  expect(await provinceReceived()).toEqual({
    rollup: before.rollup + 1,
    events: before.events + 1,
    massRollup: before.massRollup + 1,
    massEvents: before.massEvents + 1,
  });
});
