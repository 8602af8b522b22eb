// Every endpoint × role × in-scope/out-of-scope unit, with the expected outcome. A petition of commune 1
// is "in scope" for people bound to commune 1 or the province above it, "out of scope" for people bound
// to commune 2 only.
import request from 'supertest';
import { hashPassword } from '../../src/org/auth';
import type { Role } from '../../src/domain/petition/petition-stages';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let bystander: string;
type Scope = 'in' | 'out';
const ROLES: Role[] = ['officer', 'leader', 'supervisor', 'admin'];
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startApiHarness();
  // Out-of-scope supervisor and admin: bound to commune 2 only.
  const passwordHash = await hashPassword('correct horse');
  for (const [id, role] of [['sv2', 'supervisor'], ['ad2', 'admin']] as const) {
    const personId = `${id}-${h.org.otherCommuneId}`;
    await h.db.prisma.person.create({ data: { id: personId, username: personId, fullName: `Người ${id}`, email: `${personId}@example.test`, passwordHash, unitId: h.org.otherCommuneId } });
    await h.db.prisma.roleBinding.create({ data: { personId, role, unitId: h.org.otherCommuneId } });
  }
  const people: Record<`${Role}:${Scope}`, string> = {
    'officer:in': h.org.officer.username,
    'officer:out': h.org.otherOfficer.username,
    'leader:in': h.org.communeLeader.username,
    'leader:out': h.org.otherCommuneLeader.username,
    'supervisor:in': h.org.supervisor.username,
    'supervisor:out': `sv2-${h.org.otherCommuneId}`,
    'admin:in': h.org.admin.username,
    'admin:out': `ad2-${h.org.otherCommuneId}`,
  };
  // A person nobody signs in as, so a role the admin gives them changes no other cell.
  bystander = `by-${h.org.communeId}`;
  await h.db.prisma.person.create({ data: { id: bystander, username: bystander, fullName: 'Người ngoài', email: `${bystander}@example.test`, passwordHash, unitId: h.org.communeId } });
  for (const [key, username] of Object.entries(people)) tokens.set(key, await h.login(username));
});

afterAll(async () => {
  // The schedules and conferences the matrix created run workflows on the shared server: end them.
  for (const s of await h.db.prisma.receptionSchedule.findMany()) await h.client.workflow.getHandle(`reception-cycle-${s.id}`).terminate('test finished').catch(() => undefined);
  for (const w of [...(await h.db.prisma.receptionSession.findMany()), ...(await h.db.prisma.conference.findMany())]) await h.client.workflow.getHandle(w.id).terminate('test finished').catch(() => undefined);
  await h?.stop();
});

const token = (role: Role, scope: Scope) => ({ authorization: `Bearer ${tokens.get(`${role}:${scope}`)}` });

async function petitionInCommune1(): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(token('officer', 'in'))
    .send({ kind: 'feedback', receivingUnitId: h.org.communeId, channel: 'online', field: 'planning', subject: 'Phản ánh đèn đường', body: '…', receivedAt: new Date().toISOString(), petitioners: [{ fullName: 'Người dân' }] })
    .expect(201);
  await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }), { what: 'the receipt' });
  return res.body.id;
}

let shared: string;
let versionSeq = 0;

interface Case {
  endpoint: string;
  expect: Record<Role, Record<Scope, number | 'visible' | 'hidden'>>;
  run: (role: Role, scope: Scope) => Promise<number | 'visible' | 'hidden'>;
}

const same = <T>(v: T) => ({ in: v, out: v });
const scoped = <T>(inScope: T, outScope: T) => ({ in: inScope, out: outScope });

const CASES: Case[] = [
  {
    endpoint: 'POST /petitions (unit: commune 1)',
    expect: { officer: scoped(201, 403), leader: scoped(201, 403), supervisor: same(403), admin: same(403) },
    run: async (role, scope) =>
      (await request(h.app).post('/api/v1/petitions').set(token(role, scope)).send({ kind: 'feedback', receivingUnitId: h.org.communeId, channel: 'online', field: 'x', subject: 'Thử quyền', body: '…', receivedAt: new Date().toISOString(), petitioners: [{ fullName: 'A' }] })).status,
  },
  {
    endpoint: 'GET /petitions/{id}',
    expect: { officer: scoped(200, 403), leader: scoped(200, 403), supervisor: scoped(200, 403), admin: scoped(200, 403) },
    run: async (role, scope) => (await request(h.app).get(`/api/v1/petitions/${shared}`).set(token(role, scope))).status,
  },
  {
    endpoint: 'GET /petitions/{id}/history',
    expect: { officer: scoped(200, 403), leader: scoped(200, 403), supervisor: scoped(200, 403), admin: scoped(200, 403) },
    run: async (role, scope) => (await request(h.app).get(`/api/v1/petitions/${shared}/history`).set(token(role, scope))).status,
  },
  {
    endpoint: 'GET /petitions (is the commune-1 petition listed?)',
    expect: { officer: scoped('visible', 'hidden'), leader: scoped('visible', 'hidden'), supervisor: scoped('visible', 'hidden'), admin: scoped('visible', 'hidden') },
    run: async (role, scope) => {
      const res = await request(h.app).get('/api/v1/petitions?pageSize=200').set(token(role, scope)).expect(200);
      return res.body.items.some((i: { id: string }) => i.id === shared) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: 'POST /petitions/{id}/actions accept',
    expect: { officer: scoped(200, 403), leader: scoped(200, 403), supervisor: same(403), admin: same(403) },
    run: async (role, scope) => (await request(h.app).post(`/api/v1/petitions/${await petitionInCommune1()}/actions`).set(token(role, scope)).send({ action: 'accept' })).status,
  },
  {
    endpoint: 'PUT /calendar/{year} (national: the top admin only)',
    expect: { officer: same(403), leader: same(403), supervisor: same(403), admin: scoped(200, 403) },
    run: async (role, scope) => (await request(h.app).put('/api/v1/calendar/2031').set(token(role, scope)).send({ year: 2031, holidays: ['2031-01-01'], workingWeekends: [] })).status,
  },
  {
    endpoint: 'POST /policy (unit rule for commune 2)',
    expect: { officer: same(403), leader: same(403), supervisor: same(403), admin: same(201) },
    run: async (role, scope) =>
      (await request(h.app).post('/api/v1/policy').set(token(role, scope)).send({ version: `matrix-${++versionSeq}`, unitId: h.org.otherCommuneId, effectiveFrom: '2030-01-01T00:00:00+07:00', kinds: {} })).status,
  },
  {
    endpoint: 'GET /policy, GET /calendar/{year}, POST /deadlines/compute',
    expect: { officer: same(200), leader: same(200), supervisor: same(200), admin: same(200) },
    run: async (role, scope) => {
      const statuses = [
        (await request(h.app).get('/api/v1/policy').set(token(role, scope))).status,
        (await request(h.app).get('/api/v1/calendar/2027').set(token(role, scope))).status,
        (await request(h.app).post('/api/v1/deadlines/compute').set(token(role, scope)).send({ start: '2026-11-23T09:00:00+07:00', limit: 5, unit: 'working_days' })).status,
      ];
      return statuses.every((s) => s === 200) ? 200 : Math.max(...statuses);
    },
  },
  {
    endpoint: 'PATCH /admin/units/{commune 1}',
    expect: { officer: same(403), leader: same(403), supervisor: same(403), admin: scoped(200, 403) },
    run: async (role, scope) => (await request(h.app).patch(`/api/v1/admin/units/${h.org.communeId}`).set(token(role, scope)).send({ nameEn: `An Binh commune (${role}/${scope})` })).status,
  },
  {
    endpoint: 'POST /admin/people/{a person of commune 1}/roles',
    expect: { officer: same(403), leader: same(403), supervisor: same(403), admin: scoped(201, 403) },
    run: async (role, scope) => (await request(h.app).post(`/api/v1/admin/people/${bystander}/roles`).set(token(role, scope)).send({ role: 'supervisor', unitId: h.org.communeId })).status,
  },
  {
    endpoint: "POST /identity-grants (a commune-1 denunciation, to the province's supervisor)",
    expect: { officer: same(403), leader: scoped(201, 403), supervisor: same(403), admin: same(403) },
    run: async (role, scope) => (await request(h.app).post('/api/v1/identity-grants').set(token(role, scope)).send({ personId: h.org.supervisor.id, petitionId: await denunciationInCommune1(), reason: 'Ma trận phân quyền' })).status,
  },
  {
    endpoint: 'GET /reports/petitions, GET /reports/leaders',
    expect: { officer: same(403), leader: same(200), supervisor: same(200), admin: same(200) },
    run: async (role, scope) => {
      const statuses = [
        (await request(h.app).get('/api/v1/reports/petitions?period=2026-11').set(token(role, scope))).status,
        (await request(h.app).get('/api/v1/reports/leaders?period=2026-11').set(token(role, scope))).status,
      ];
      return statuses.every((s) => s === statuses[0]) ? statuses[0]! : -1;
    },
  },
  {
    endpoint: 'POST /reception/schedules (commune 1)',
    expect: { officer: same(403), leader: scoped(201, 403), supervisor: same(403), admin: scoped(201, 403) },
    run: async (role, scope) =>
      (await request(h.app).post('/api/v1/reception/schedules').set(token(role, scope)).send({ unitId: h.org.communeId, leaderId: h.org.communeLeader.id, rule: { type: 'nthWeekday', n: 3, weekday: 2 }, startTime: '08:00', location: 'Phòng tiếp dân', announceDaysBefore: 1 })).status,
  },
  {
    endpoint: 'POST /conferences (commune 1)',
    expect: { officer: same(403), leader: scoped(201, 403), supervisor: same(403), admin: scoped(201, 403) },
    run: async (role, scope) =>
      (await request(h.app).post('/api/v1/conferences').set(token(role, scope)).send({ unitId: h.org.communeId, kind: 'adhoc', title: 'Đối thoại thử quyền', startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), location: 'Hội trường', chairId: h.org.communeLeader.id })).status,
  },
  {
    endpoint: 'GET /reception/obligations, GET /reports/conferences',
    expect: { officer: same(403), leader: same(200), supervisor: same(200), admin: same(200) },
    run: async (role, scope) => {
      const statuses = [
        (await request(h.app).get('/api/v1/reception/obligations?period=2026-11').set(token(role, scope))).status,
        (await request(h.app).get('/api/v1/reports/conferences?period=2026-11').set(token(role, scope))).status,
      ];
      return statuses.every((s) => s === statuses[0]) ? statuses[0]! : -1;
    },
  },
];

let denunciation: string | undefined;
async function denunciationInCommune1(): Promise<string> {
  denunciation ??= (
    await request(h.app)
      .post('/api/v1/petitions')
      .set(token('officer', 'in'))
      .send({ kind: 'denunciation', receivingUnitId: h.org.communeId, channel: 'post', field: 'officials_conduct', subject: 'Tố cáo', body: '…', receivedAt: new Date().toISOString(), petitioners: [{ fullName: 'Người tố cáo' }] })
      .expect(201)
  ).body.id as string;
  return denunciation;
}

test('the authorization matrix holds for every endpoint, role and scope', async () => {
  shared = await petitionInCommune1();
  const mismatches: string[] = [];
  let cells = 0;
  for (const c of CASES) {
    for (const role of ROLES) {
      for (const scope of ['in', 'out'] as Scope[]) {
        cells += 1;
        const got = await c.run(role, scope);
        if (got !== c.expect[role][scope]) mismatches.push(`${c.endpoint} as ${role} (${scope} of scope): expected ${c.expect[role][scope]}, got ${got}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(cells).toBe(CASES.length * ROLES.length * 2);
});

test('every 403 says which permission is missing', async () => {
  const denied = await request(h.app).post(`/api/v1/petitions/${shared}/actions`).set(token('supervisor', 'in')).send({ action: 'withdraw', reason: 'thử' }).expect(403);
  expect(denied.body.error.message).toMatch(/needs role (officer or leader|leader)/);
  const calendar = await request(h.app).put('/api/v1/calendar/2031').set(token('leader', 'in')).send({ year: 2031, holidays: [], workingWeekends: [] }).expect(403);
  expect(calendar.body.error.message).toMatch(/needs role admin/);
  const read = await request(h.app).get(`/api/v1/petitions/${shared}`).set(token('officer', 'out')).expect(403);
  expect(read.body.error.message).toMatch(/needs a role on unit/);
});
