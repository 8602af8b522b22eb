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

/** A petition received by commune 1 just now, as the API takes it. */
const petitionOfCommune1 = (fields: Record<string, unknown>) => ({
  receivingUnitId: h.org.communeId,
  body: '…',
  receivedAt: new Date().toISOString(),
  ...fields,
});

async function petitionInCommune1(): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(token('officer', 'in'))
    .send(
      petitionOfCommune1({
        kind: 'feedback',
        channel: 'online',
        field: 'planning',
        subject: 'Phản ánh đèn đường',
        petitioners: [{ fullName: 'Người dân' }],
      }),
    )
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
type Expected = Record<Who, Record<Scope, Outcome>>;
/** Every role and token scope refused 403, but the cells given. */
const onlyFor = (cells: Partial<Expected>): Expected => ({
  ...(Object.fromEntries(WHO.map((who) => [who, same<Outcome>(403)])) as Expected),
  ...cells,
});
/** Every role and token scope alike. */
const everyone = (cell: Record<Scope, Outcome>) => Object.fromEntries(WHO.map((who) => [who, cell])) as Expected;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/**
 * One request's status as `role` in or out of scope. The path and body are made at each call: a fresh
 * petition, a new policy version, a name that says who asked.
 */
const statusOf =
  (
    method: Method,
    route: string | (() => string | Promise<string>),
    body?: (role: Who, scope: Scope) => object | Promise<object>,
  ) =>
  async (role: Who, scope: Scope): Promise<Outcome> => {
    const path = typeof route === 'string' ? route : await route();
    const req = request(h.app)[method](`/api/v1${path}`).set(token(role, scope));
    return (await (body ? req.send(await body(role, scope)) : req)).status;
  };
/** Reads that must answer alike: their one status, or -1 when they differ. */
const sameStatusOf =
  (...paths: string[]) =>
  async (role: Who, scope: Scope): Promise<Outcome> => {
    const statuses: number[] = [];
    for (const path of paths)
      statuses.push((await request(h.app).get(`/api/v1${path}`).set(token(role, scope))).status);
    return statuses.every((s) => s === statuses[0]) ? statuses[0]! : -1;
  };

const CASES: Case[] = [
  {
    endpoint: 'POST /petitions (unit: commune 1)',
    expect: onlyFor({ officer: scoped(201, 403), leader: scoped(201, 403), 'petitions:write': scoped(201, 403) }),
    run: statusOf('post', '/petitions', () =>
      petitionOfCommune1({
        kind: 'feedback',
        channel: 'online',
        field: 'x',
        subject: 'Thử quyền',
        petitioners: [{ fullName: 'A' }],
      }),
    ),
  },
  {
    endpoint: 'GET /petitions/{id}',
    expect: onlyFor({
      officer: scoped(200, 403),
      leader: scoped(200, 403),
      supervisor: scoped(200, 403),
      admin: scoped(200, 403),
      communeAdmin: scoped(200, 403),
      'petitions:read': scoped(200, 403),
    }),
    run: statusOf('get', () => `/petitions/${shared}`),
  },
  {
    endpoint: 'GET /petitions/{id}/history',
    expect: onlyFor({
      officer: scoped(200, 403),
      leader: scoped(200, 403),
      supervisor: scoped(200, 403),
      admin: scoped(200, 403),
      communeAdmin: scoped(200, 403),
      'petitions:read': scoped(200, 403),
    }),
    run: statusOf('get', () => `/petitions/${shared}/history`),
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
    expect: onlyFor({ officer: scoped(200, 403), leader: scoped(200, 403), 'petitions:write': scoped(200, 403) }),
    run: statusOf(
      'post',
      async () => `/petitions/${await petitionInCommune1()}/actions`,
      () => ({ action: 'accept' }),
    ),
  },
  {
    endpoint: 'PUT /calendar/{year} (national: the top admin only)',
    expect: onlyFor({ admin: scoped(200, 403) }),
    run: statusOf('put', '/calendar/2031', () => ({ year: 2031, holidays: ['2031-01-01'], workingWeekends: [] })),
  },
  {
    endpoint: 'POST /policy (unit rule for commune 2)',
    expect: onlyFor({ admin: same(201), communeAdmin: scoped(403, 201) }),
    run: statusOf('post', '/policy', () => ({
      version: `matrix-${++versionSeq}`,
      unitId: h.org.otherCommuneId,
      effectiveFrom: '2030-01-01T00:00:00+07:00',
      kinds: {},
    })),
  },
  {
    endpoint: 'GET /policy, GET /calendar/{year}, POST /deadlines/compute',
    expect: everyone(same(200)),
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
    expect: onlyFor({ admin: scoped(200, 403), communeAdmin: scoped(200, 403) }),
    run: statusOf(
      'patch',
      () => `/admin/units/${h.org.communeId}`,
      (role, scope) => ({ nameEn: `An Binh commune (${role}/${scope})` }),
    ),
  },
  {
    endpoint: 'POST /admin/people/{a person of commune 1}/roles',
    expect: onlyFor({ admin: scoped(201, 403), communeAdmin: scoped(201, 403) }),
    run: statusOf(
      'post',
      () => `/admin/people/${bystander}/roles`,
      (role) => ({ role: role === 'communeAdmin' ? 'officer' : 'supervisor', unitId: h.org.communeId }),
    ),
  },
  {
    endpoint: "POST /identity-grants (a commune-1 denunciation, to the province's supervisor)",
    expect: onlyFor({ leader: scoped(201, 403) }),
    run: statusOf('post', '/identity-grants', async () => ({
      personId: h.org.supervisor.id,
      petitionId: await denunciationInCommune1(),
      reason: 'Ma trận phân quyền',
    })),
  },
  {
    endpoint: 'GET /reports/petitions, GET /reports/leaders',
    expect: onlyFor({
      leader: same(200),
      supervisor: same(200),
      admin: same(200),
      communeAdmin: same(200),
      'reports:read': same(200),
    }),
    run: sameStatusOf('/reports/petitions?period=2026-11', '/reports/leaders?period=2026-11'),
  },
  {
    endpoint: 'POST /reception/schedules (commune 1)',
    expect: onlyFor({ leader: scoped(201, 403), admin: scoped(201, 403), communeAdmin: scoped(201, 403) }),
    run: statusOf('post', '/reception/schedules', () => ({
      unitId: h.org.communeId,
      leaderId: h.org.communeLeader.id,
      rule: { type: 'nthWeekday', n: 3, weekday: 2 },
      startTime: '08:00',
      location: 'Phòng tiếp dân',
      announceDaysBefore: 1,
    })),
  },
  {
    endpoint: 'POST /conferences (commune 1)',
    expect: onlyFor({ leader: scoped(201, 403), admin: scoped(201, 403), communeAdmin: scoped(201, 403) }),
    run: statusOf('post', '/conferences', () => ({
      unitId: h.org.communeId,
      kind: 'adhoc',
      title: 'Đối thoại thử quyền',
      startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      location: 'Hội trường',
      chairId: h.org.communeLeader.id,
    })),
  },
  {
    endpoint: 'GET /reception/obligations, GET /reports/conferences',
    expect: onlyFor({
      leader: same(200),
      supervisor: same(200),
      admin: same(200),
      communeAdmin: same(200),
      'reports:read': same(200),
    }),
    run: sameStatusOf('/reception/obligations?period=2026-11', '/reports/conferences?period=2026-11'),
  },
  {
    endpoint: 'POST /policy (province-wide: the top admin only)',
    expect: onlyFor({ admin: scoped(201, 403) }),
    run: statusOf('post', '/policy', () => ({
      version: `matrix-wide-${++versionSeq}`,
      effectiveFrom: '2099-01-01T00:00:00+07:00',
      kinds: legalKinds(),
    })),
  },
  {
    endpoint: 'POST /policy (unit rule for commune 1)',
    expect: onlyFor({ admin: scoped(201, 403), communeAdmin: scoped(201, 403) }),
    run: statusOf('post', '/policy', () => ({
      version: `matrix-${++versionSeq}`,
      unitId: h.org.communeId,
      effectiveFrom: '2030-01-01T00:00:00+07:00',
      kinds: {},
    })),
  },
  {
    endpoint: 'POST /tokens (commune 1)',
    expect: onlyFor({ admin: scoped(201, 403), communeAdmin: scoped(201, 403) }),
    run: statusOf('post', '/tokens', (role, scope) => ({
      name: `by ${role}/${scope}`,
      scopes: ['reports:read'],
      unitId: h.org.communeId,
    })),
  },
  {
    endpoint: "GET /tokens (is commune 1's token listed?)",
    expect: onlyFor({ admin: scoped('visible', 'hidden'), communeAdmin: scoped('visible', 'hidden') }),
    run: async (role, scope) => {
      const res = await request(h.app).get('/api/v1/tokens').set(token(role, scope));
      if (res.status !== 200) return res.status;
      return res.body.items.some((t: { id: string }) => t.id === communeToken) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: 'DELETE /tokens/{a commune-1 token}',
    expect: onlyFor({ admin: scoped(204, 404), communeAdmin: scoped(204, 404) }),
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
    expect: onlyFor({
      supervisor: scoped('visible', 'hidden'),
      admin: scoped('visible', 'hidden'),
      communeAdmin: scoped('visible', 'hidden'),
    }),
    run: async (role, scope) => {
      const { messageId } = await mailsOfCommune1();
      const res = await request(h.app).get('/api/v1/outbox').set(token(role, scope));
      if (res.status !== 200) return res.status;
      return res.body.items.some((m: { messageId: string }) => m.messageId === messageId) ? 'visible' : 'hidden';
    },
  },
  {
    endpoint: "GET /outbox/{id} (a commune-1 complainant's acknowledgement)",
    expect: onlyFor({ supervisor: scoped(200, 404), admin: scoped(200, 404), communeAdmin: scoped(200, 404) }),
    run: statusOf('get', async () => `/outbox/${(await mailsOfCommune1()).id}`),
  },
  {
    endpoint: "GET /outbox/{id} (a commune-1 denouncer's acknowledgement: the recipient)",
    expect: onlyFor({
      supervisor: scoped<Outcome>('sealed', 404),
      admin: scoped<Outcome>('sealed', 404),
      communeAdmin: scoped<Outcome>('sealed', 404),
    }),
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
          .send(
            petitionOfCommune1({
              kind,
              channel: 'post',
              field: 'land',
              subject: 'Thư cho ma trận',
              petitioners: [{ fullName, email }],
            }),
          )
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
      .send(
        petitionOfCommune1({
          kind: 'denunciation',
          channel: 'post',
          field: 'officials_conduct',
          subject: 'Tố cáo',
          petitioners: [{ fullName: 'Người tố cáo' }],
        }),
      )
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
