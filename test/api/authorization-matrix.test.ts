// Every endpoint × role × in-scope/out-of-scope unit, with the expected outcome. A petition of commune 1
// is "in scope" for people bound to commune 1 or the province above it, "out of scope" for people bound
// to commune 2 only. Besides the four roles: an admin of a lower unit (commune 1 in scope, commune 2 out),
// and one API token per scope (on commune 1 in scope, on commune 2 out), each getting only its scope.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { hashPassword } from '../../src/org/auth';
import type { Role } from '../../src/domain/petition/petition-stages';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let bystander: string;
type Scope = 'in' | 'out';
type TokenScope = 'petitions:read' | 'petitions:write' | 'reports:read';
type Who = Role | 'communeAdmin' | TokenScope;
const ROLES: Role[] = ['officer', 'leader', 'supervisor', 'admin'];
const TOKEN_SCOPES: TokenScope[] = ['petitions:read', 'petitions:write', 'reports:read'];
const WHO: Who[] = [...ROLES, 'communeAdmin', ...TOKEN_SCOPES];
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startApiHarness({}, { outbox: true });
  // Out-of-scope supervisor and admin: bound to commune 2 only; the lower unit's admin of commune 1.
  const passwordHash = await hashPassword('correct horse');
  for (const [id, role, unitId] of [
    ['sv2', 'supervisor', h.org.otherCommuneId],
    ['ad2', 'admin', h.org.otherCommuneId],
    ['ad1', 'admin', h.org.communeId],
  ] as const) {
    const personId = `${id}-${unitId}`;
    await h.db.prisma.person.create({
      data: {
        id: personId,
        username: personId,
        fullName: `Người ${id}`,
        email: `${personId}@example.test`,
        passwordHash,
        unitId,
      },
    });
    await h.db.prisma.roleBinding.create({ data: { personId, role, unitId } });
  }
  const people: Record<`${Role | 'communeAdmin'}:${Scope}`, string> = {
    'officer:in': h.org.officer.username,
    'officer:out': h.org.otherOfficer.username,
    'leader:in': h.org.communeLeader.username,
    'leader:out': h.org.otherCommuneLeader.username,
    'supervisor:in': h.org.supervisor.username,
    'supervisor:out': `sv2-${h.org.otherCommuneId}`,
    'admin:in': h.org.admin.username,
    'admin:out': `ad2-${h.org.otherCommuneId}`,
    'communeAdmin:in': `ad1-${h.org.communeId}`,
    'communeAdmin:out': `ad2-${h.org.otherCommuneId}`,
  };
  // A person nobody signs in as, so a role the admin gives them changes no other cell.
  bystander = `by-${h.org.communeId}`;
  await h.db.prisma.person.create({
    data: {
      id: bystander,
      username: bystander,
      fullName: 'Người ngoài',
      email: `${bystander}@example.test`,
      passwordHash,
      unitId: h.org.communeId,
    },
  });
  for (const [key, username] of Object.entries(people)) tokens.set(key, await h.login(username));
  const admin = tokens.get('admin:in')!;
  for (const scope of TOKEN_SCOPES) {
    for (const [where, unitId] of [
      ['in', h.org.communeId],
      ['out', h.org.otherCommuneId],
    ] as const) {
      const created = await request(h.app)
        .post('/api/v1/tokens')
        .set({ authorization: `Bearer ${admin}` })
        .send({ name: `matrix ${scope} ${where}`, scopes: [scope], unitId })
        .expect(201);
      tokens.set(`${scope}:${where}`, created.body.token);
      if (scope === 'petitions:read' && where === 'in') communeToken = created.body.id;
    }
  }
});
let communeToken: string;

afterAll(async () => {
  // The schedules and conferences the matrix created run workflows on the shared server: end them.
  for (const s of await h.db.prisma.receptionSchedule.findMany())
    await h.client.workflow
      .getHandle(`reception-cycle-${s.id}`)
      .terminate('test finished')
      .catch(() => undefined);
  for (const w of [...(await h.db.prisma.receptionSession.findMany()), ...(await h.db.prisma.conference.findMany())])
    await h.client.workflow
      .getHandle(w.id)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.stop();
});

const token = (role: Who, scope: Scope) => ({ authorization: `Bearer ${tokens.get(`${role}:${scope}`)}` });

async function petitionInCommune1(): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(token('officer', 'in'))
    .send({
      kind: 'feedback',
      receivingUnitId: h.org.communeId,
      channel: 'online',
      field: 'planning',
      subject: 'Phản ánh đèn đường',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Người dân' }],
    })
    .expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt' },
  );
  return res.body.id;
}

let shared: string;
let versionSeq = 0;

type Outcome = number | 'visible' | 'hidden' | 'sealed' | 'open';
interface Case {
  endpoint: string;
  expect: Record<Who, Record<Scope, Outcome>>;
  run: (role: Who, scope: Scope) => Promise<Outcome>;
}

const same = <T>(v: T) => ({ in: v, out: v });
const scoped = <T>(inScope: T, outScope: T) => ({ in: inScope, out: outScope });
/** No API token scope opens the route. */
const noToken = { 'petitions:read': same(403), 'petitions:write': same(403), 'reports:read': same(403) };

const CASES: Case[] = [
  {
    endpoint: 'POST /petitions (unit: commune 1)',
    expect: {
      officer: scoped(201, 403),
      leader: scoped(201, 403),
      supervisor: same(403),
      admin: same(403),
      communeAdmin: same(403),
      ...noToken,
      'petitions:write': scoped(201, 403),
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/petitions')
          .set(token(role, scope))
          .send({
            kind: 'feedback',
            receivingUnitId: h.org.communeId,
            channel: 'online',
            field: 'x',
            subject: 'Thử quyền',
            body: '…',
            receivedAt: new Date().toISOString(),
            petitioners: [{ fullName: 'A' }],
          })
      ).status,
  },
  {
    endpoint: 'GET /petitions/{id}',
    expect: {
      officer: scoped(200, 403),
      leader: scoped(200, 403),
      supervisor: scoped(200, 403),
      admin: scoped(200, 403),
      communeAdmin: scoped(200, 403),
      ...noToken,
      'petitions:read': scoped(200, 403),
    },
    run: async (role, scope) =>
      (await request(h.app).get(`/api/v1/petitions/${shared}`).set(token(role, scope))).status,
  },
  {
    endpoint: 'GET /petitions/{id}/history',
    expect: {
      officer: scoped(200, 403),
      leader: scoped(200, 403),
      supervisor: scoped(200, 403),
      admin: scoped(200, 403),
      communeAdmin: scoped(200, 403),
      ...noToken,
      'petitions:read': scoped(200, 403),
    },
    run: async (role, scope) =>
      (await request(h.app).get(`/api/v1/petitions/${shared}/history`).set(token(role, scope))).status,
  },
  {
    endpoint: 'GET /petitions (is the commune-1 petition listed?)',
    expect: {
      officer: scoped('visible', 'hidden'),
      leader: scoped('visible', 'hidden'),
      supervisor: scoped('visible', 'hidden'),
      admin: scoped('visible', 'hidden'),
      communeAdmin: scoped('visible', 'hidden'),
      'petitions:read': scoped('visible', 'hidden'),
      'petitions:write': same('hidden'),
      'reports:read': same('hidden'),
    },
    run: async (role, scope) => {
      const res = await request(h.app).get('/api/v1/petitions?pageSize=200').set(token(role, scope)).expect(200);
      return res.body.items.some((i: { id: string }) => i.id === shared) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: 'POST /petitions/{id}/actions accept',
    expect: {
      officer: scoped(200, 403),
      leader: scoped(200, 403),
      supervisor: same(403),
      admin: same(403),
      communeAdmin: same(403),
      ...noToken,
      'petitions:write': scoped(200, 403),
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post(`/api/v1/petitions/${await petitionInCommune1()}/actions`)
          .set(token(role, scope))
          .send({ action: 'accept' })
      ).status,
  },
  {
    endpoint: 'PUT /calendar/{year} (national: the top admin only)',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(200, 403),
      communeAdmin: same(403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .put('/api/v1/calendar/2031')
          .set(token(role, scope))
          .send({ year: 2031, holidays: ['2031-01-01'], workingWeekends: [] })
      ).status,
  },
  {
    endpoint: 'POST /policy (unit rule for commune 2)',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: same(201),
      communeAdmin: scoped(403, 201),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/policy')
          .set(token(role, scope))
          .send({
            version: `matrix-${++versionSeq}`,
            unitId: h.org.otherCommuneId,
            effectiveFrom: '2030-01-01T00:00:00+07:00',
            kinds: {},
          })
      ).status,
  },
  {
    endpoint: 'GET /policy, GET /calendar/{year}, POST /deadlines/compute',
    expect: {
      officer: same(200),
      leader: same(200),
      supervisor: same(200),
      admin: same(200),
      communeAdmin: same(200),
      'petitions:read': same(200),
      'petitions:write': same(200),
      'reports:read': same(200),
    },
    run: async (role, scope) => {
      const statuses = [
        (await request(h.app).get('/api/v1/policy').set(token(role, scope))).status,
        (await request(h.app).get('/api/v1/calendar/2027').set(token(role, scope))).status,
        (
          await request(h.app)
            .post('/api/v1/deadlines/compute')
            .set(token(role, scope))
            .send({ start: '2026-11-23T09:00:00+07:00', limit: 5, unit: 'working_days' })
        ).status,
      ];
      return statuses.every((s) => s === 200) ? 200 : Math.max(...statuses);
    },
  },
  {
    endpoint: 'PATCH /admin/units/{commune 1}',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(200, 403),
      communeAdmin: scoped(200, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .patch(`/api/v1/admin/units/${h.org.communeId}`)
          .set(token(role, scope))
          .send({ nameEn: `An Binh commune (${role}/${scope})` })
      ).status,
  },
  {
    endpoint: 'POST /admin/people/{a person of commune 1}/roles',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: scoped(201, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post(`/api/v1/admin/people/${bystander}/roles`)
          .set(token(role, scope))
          .send({ role: role === 'communeAdmin' ? 'officer' : 'supervisor', unitId: h.org.communeId })
      ).status,
  },
  {
    endpoint: "POST /identity-grants (a commune-1 denunciation, to the province's supervisor)",
    expect: {
      officer: same(403),
      leader: scoped(201, 403),
      supervisor: same(403),
      admin: same(403),
      communeAdmin: same(403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/identity-grants')
          .set(token(role, scope))
          .send({
            personId: h.org.supervisor.id,
            petitionId: await denunciationInCommune1(),
            reason: 'Ma trận phân quyền',
          })
      ).status,
  },
  {
    endpoint: 'GET /reports/petitions, GET /reports/leaders',
    expect: {
      officer: same(403),
      leader: same(200),
      supervisor: same(200),
      admin: same(200),
      communeAdmin: same(200),
      ...noToken,
      'reports:read': same(200),
    },
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
    expect: {
      officer: same(403),
      leader: scoped(201, 403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: scoped(201, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/reception/schedules')
          .set(token(role, scope))
          .send({
            unitId: h.org.communeId,
            leaderId: h.org.communeLeader.id,
            rule: { type: 'nthWeekday', n: 3, weekday: 2 },
            startTime: '08:00',
            location: 'Phòng tiếp dân',
            announceDaysBefore: 1,
          })
      ).status,
  },
  {
    endpoint: 'POST /conferences (commune 1)',
    expect: {
      officer: same(403),
      leader: scoped(201, 403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: scoped(201, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/conferences')
          .set(token(role, scope))
          .send({
            unitId: h.org.communeId,
            kind: 'adhoc',
            title: 'Đối thoại thử quyền',
            startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
            location: 'Hội trường',
            chairId: h.org.communeLeader.id,
          })
      ).status,
  },
  {
    endpoint: 'GET /reception/obligations, GET /reports/conferences',
    expect: {
      officer: same(403),
      leader: same(200),
      supervisor: same(200),
      admin: same(200),
      communeAdmin: same(200),
      ...noToken,
      'reports:read': same(200),
    },
    run: async (role, scope) => {
      const statuses = [
        (await request(h.app).get('/api/v1/reception/obligations?period=2026-11').set(token(role, scope))).status,
        (await request(h.app).get('/api/v1/reports/conferences?period=2026-11').set(token(role, scope))).status,
      ];
      return statuses.every((s) => s === statuses[0]) ? statuses[0]! : -1;
    },
  },
  {
    endpoint: 'POST /policy (province-wide: the top admin only)',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: same(403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/policy')
          .set(token(role, scope))
          .send({
            version: `matrix-wide-${++versionSeq}`,
            effectiveFrom: '2099-01-01T00:00:00+07:00',
            kinds: legalKinds(),
          })
      ).status,
  },
  {
    endpoint: 'POST /policy (unit rule for commune 1)',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: scoped(201, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/policy')
          .set(token(role, scope))
          .send({
            version: `matrix-${++versionSeq}`,
            unitId: h.org.communeId,
            effectiveFrom: '2030-01-01T00:00:00+07:00',
            kinds: {},
          })
      ).status,
  },
  {
    endpoint: 'POST /tokens (commune 1)',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(201, 403),
      communeAdmin: scoped(201, 403),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .post('/api/v1/tokens')
          .set(token(role, scope))
          .send({ name: `by ${role}/${scope}`, scopes: ['reports:read'], unitId: h.org.communeId })
      ).status,
  },
  {
    endpoint: "GET /tokens (is commune 1's token listed?)",
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped('visible', 'hidden'),
      communeAdmin: scoped('visible', 'hidden'),
      ...noToken,
    },
    run: async (role, scope) => {
      const res = await request(h.app).get('/api/v1/tokens').set(token(role, scope));
      if (res.status !== 200) return res.status;
      return res.body.items.some((t: { id: string }) => t.id === communeToken) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: 'DELETE /tokens/{a commune-1 token}',
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: same(403),
      admin: scoped(204, 404),
      communeAdmin: scoped(204, 404),
      ...noToken,
    },
    run: async (role, scope) => {
      const created = await request(h.app)
        .post('/api/v1/tokens')
        .set(token('admin', 'in'))
        .send({ name: 'to revoke', scopes: ['reports:read'], unitId: h.org.communeId })
        .expect(201);
      return (await request(h.app).delete(`/api/v1/tokens/${created.body.id}`).set(token(role, scope))).status;
    },
  },
  {
    endpoint: "GET /outbox (is a commune-1 case's e-mail listed?)",
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: scoped('visible', 'hidden'),
      admin: scoped('visible', 'hidden'),
      communeAdmin: scoped('visible', 'hidden'),
      ...noToken,
    },
    run: async (role, scope) => {
      const { messageId } = await mailsOfCommune1();
      const res = await request(h.app).get('/api/v1/outbox').set(token(role, scope));
      if (res.status !== 200) return res.status;
      return res.body.items.some((m: { messageId: string }) => m.messageId === messageId) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: "GET /outbox/{id} (a commune-1 complainant's acknowledgement)",
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: scoped(200, 404),
      admin: scoped(200, 404),
      communeAdmin: scoped(200, 404),
      ...noToken,
    },
    run: async (role, scope) =>
      (
        await request(h.app)
          .get(`/api/v1/outbox/${(await mailsOfCommune1()).id}`)
          .set(token(role, scope))
      ).status,
  },
  {
    endpoint: "GET /outbox/{id} (a commune-1 denouncer's acknowledgement: the recipient)",
    expect: {
      officer: same(403),
      leader: same(403),
      supervisor: scoped<Outcome>('sealed', 404),
      admin: scoped<Outcome>('sealed', 404),
      communeAdmin: scoped<Outcome>('sealed', 404),
      ...noToken,
    },
    run: async (role, scope) => {
      const res = await request(h.app)
        .get(`/api/v1/outbox/${(await mailsOfCommune1()).sealedId}`)
        .set(token(role, scope));
      if (res.status !== 200) return res.status;
      return res.body.to.includes(DENOUNCER_EMAIL) || res.body.text.includes(DENOUNCER_NAME)
        ? 'open'
        : res.body.to[0] === 'công dân (sealed)'
          ? 'sealed'
          : -1;
    },
  },
];

const DENOUNCER_NAME = 'Ẩn Danh Ma Trận';
const DENOUNCER_EMAIL = 'an.danh.ma.tran@example.test';
let mails: Promise<{ id: string; messageId: string; sealedId: string }> | undefined;
/** A complaint and a denunciation of commune 1, each with a citizen's e-mail: their acknowledgements in the outbox. */
function mailsOfCommune1() {
  mails ??= (async () => {
    const file = async (kind: string, fullName: string, email: string) =>
      (
        await request(h.app)
          .post('/api/v1/petitions')
          .set(token('officer', 'in'))
          .send({
            kind,
            receivingUnitId: h.org.communeId,
            channel: 'post',
            field: 'land',
            subject: 'Thư cho ma trận',
            body: '…',
            receivedAt: new Date().toISOString(),
            petitioners: [{ fullName, email }],
          })
          .expect(201)
      ).body.trackingCode as string;
    const [complaint, denunciation] = [
      await file('complaint', 'Người Khiếu Nại', 'khieu.nai.ma.tran@example.test'),
      await file('denunciation', DENOUNCER_NAME, DENOUNCER_EMAIL),
    ];
    const find = (to: string) =>
      eventually(
        async () =>
          (
            await Promise.all((await h.outbox!.list()).filter((m) => m.to.includes(to)).map((m) => h.outbox!.get(m.id)))
          ).find((m) => m && (m.subject + m.text).includes(to === DENOUNCER_EMAIL ? denunciation : complaint)) ?? null,
        { what: `the e-mail to ${to}` },
      );
    const [plain, sealed] = [await find('khieu.nai.ma.tran@example.test'), await find(DENOUNCER_EMAIL)];
    return { id: plain.id, messageId: plain.messageId!, sealedId: sealed.id };
  })();
  return mails;
}

function legalKinds() {
  return (
    JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'), 'utf8')) as {
      kinds: unknown;
    }
  ).kinds;
}

let denunciation: string | undefined;
async function denunciationInCommune1(): Promise<string> {
  denunciation ??= (
    await request(h.app)
      .post('/api/v1/petitions')
      .set(token('officer', 'in'))
      .send({
        kind: 'denunciation',
        receivingUnitId: h.org.communeId,
        channel: 'post',
        field: 'officials_conduct',
        subject: 'Tố cáo',
        body: '…',
        receivedAt: new Date().toISOString(),
        petitioners: [{ fullName: 'Người tố cáo' }],
      })
      .expect(201)
  ).body.id as string;
  return denunciation;
}

test('the authorization matrix holds for every endpoint, role and scope', async () => {
  shared = await petitionInCommune1();
  const mismatches: string[] = [];
  let cells = 0;
  for (const c of CASES) {
    for (const role of WHO) {
      for (const scope of ['in', 'out'] as Scope[]) {
        cells += 1;
        const got = await c.run(role, scope);
        if (got !== c.expect[role][scope])
          mismatches.push(
            `${c.endpoint} as ${role} (${scope} of scope): expected ${c.expect[role][scope]}, got ${got}`,
          );
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(cells).toBe(CASES.length * WHO.length * 2);
});

test('every 403 says which permission is missing', async () => {
  const denied = await request(h.app)
    .post(`/api/v1/petitions/${shared}/actions`)
    .set(token('supervisor', 'in'))
    .send({ action: 'withdraw', reason: 'thử' })
    .expect(403);
  expect(denied.body.error.message).toMatch(/needs role (officer or leader|leader)/);
  const calendar = await request(h.app)
    .put('/api/v1/calendar/2031')
    .set(token('leader', 'in'))
    .send({ year: 2031, holidays: [], workingWeekends: [] })
    .expect(403);
  expect(calendar.body.error.message).toMatch(/needs role admin/);
  const read = await request(h.app).get(`/api/v1/petitions/${shared}`).set(token('officer', 'out')).expect(403);
  expect(read.body.error.message).toMatch(/needs a role on unit/);
});
