// Deadline policy as versioned data: seeded from the file, added by admins, pinned by each petition at
// receipt, with a unit's local rules merged in for that unit only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { computeDeadline } from '../../src/domain/calendar/deadline';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let admin: string;
let officer: string;
let otherOfficer: string;
const legal = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
const legalDoc = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'), 'utf8'),
) as { kinds: Record<string, unknown> };

beforeAll(async () => {
  h = await startApiHarness();
  [admin, officer, otherOfficer] = await Promise.all([
    h.login(h.org.admin.username),
    h.login(h.org.officer.username),
    h.login(h.org.otherOfficer.username),
  ]);
});

afterAll(async () => {
  await h?.stop();
});

async function register(token: string, unitId: string, kind = 'complaint') {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(token))
    .send({
      kind,
      receivingUnitId: unitId,
      channel: 'online',
      field: 'planning',
      subject: 'Ý kiến về quy hoạch',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Người dân' }],
    })
    .expect(201);
  // The workflow records the receipt (and the deadline) right after it starts.
  const received = await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: res.body.id, type: 'received' } }),
    { what: 'the receipt event' },
  );
  const view = await request(h.app).get(`/api/v1/petitions/${res.body.id}`).set(auth(token)).expect(200);
  return {
    id: res.body.id as string,
    policyVersion: (received.data as { policyVersion: string }).policyVersion,
    view: view.body,
  };
}

test('the seeded legal version is listed and in force, with its bases', async () => {
  const res = await request(h.app).get('/api/v1/policy').set(auth(officer)).expect(200);
  expect(res.body.inForce).toBe(legal.version);
  const seeded = res.body.versions.find((v: { version: string }) => v.version === legal.version);
  expect(seeded.document.kinds.denunciation.clocks.triage).toMatchObject({
    limit: 7,
    unit: 'working_days',
    basis: expect.stringContaining('Đ.24'),
  });
});

test('only an admin adds a version, and a bad one is refused field by field', async () => {
  await request(h.app).post('/api/v1/policy').set(auth(officer)).send({}).expect(403);
  const bad = await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({
      version: 'bad',
      effectiveFrom: new Date().toISOString(),
      kinds: {
        ...legalDoc.kinds,
        complaint: {
          clocks: { triage: '10 days', resolution: 'P1D', reportBack: 'P1D' },
          ladder: { remindOfficerBefore: 'P1D', escalateAfter: 'P1D' },
        },
      },
    })
    .expect(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('kinds.complaint.clocks.triage');
  await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({ version: 'no-date', kinds: legalDoc.kinds })
    .expect(400);
});

test('when a new version takes effect, then new petitions pin it and earlier ones keep theirs', async () => {
  const before = await register(officer, h.org.communeId);
  expect(before.policyVersion).toBe(legal.version);

  const kinds = structuredClone(legalDoc.kinds) as Record<string, { clocks: Record<string, unknown> }>;
  kinds.complaint!.clocks.triage = { limit: 5, unit: 'working_days', basis: 'Thử nghiệm: 5 ngày làm việc' };
  const added = await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({ version: 'law-2-test', effectiveFrom: new Date(Date.now() - 60_000).toISOString(), note: 'trial', kinds })
    .expect(201);
  expect(added.body).toMatchObject({ version: 'law-2-test', unitId: null, createdById: h.org.admin.id });
  await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({ version: 'law-2-test', effectiveFrom: new Date().toISOString(), kinds })
    .expect(409);

  const after = await register(officer, h.org.communeId);
  expect(after.policyVersion).toBe('law-2-test');
  const span = (v: { nextDeadline: { dueAt: string } }) => Date.parse(v.nextDeadline.dueAt);
  expect(span(after.view)).toBeLessThan(span(before.view));
  expect((await request(h.app).get('/api/v1/policy').set(auth(officer))).body.inForce).toBe('law-2-test');
});

test('when a version takes effect between receipt and acceptance, then the resolution clock runs on the rules in force at acceptance', async () => {
  const p = await register(officer, h.org.communeId);
  const kinds = structuredClone(legalDoc.kinds) as Record<string, { clocks: Record<string, unknown> }>;
  kinds.complaint!.clocks.resolution = { limit: 20, unit: 'days', basis: 'Thử nghiệm: 20 ngày' };
  await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({ version: 'law-3-test', effectiveFrom: new Date(Date.now() - 1000).toISOString(), kinds })
    .expect(201);
  const accepted = await request(h.app)
    .post(`/api/v1/petitions/${p.id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept' })
    .expect(200);
  const start = Date.parse(accepted.body.clock.startedAt);
  const due20 = computeDeadline(
    { startMs: start, limit: 20, unit: 'days' },
    workingCalendarFrom([], defaultCalendarYear),
  ).dueAtMs;
  expect(Date.parse(accepted.body.clock.dueAt)).toBe(due20);
  const event = await h.db.prisma.petitionEvent.findFirstOrThrow({ where: { petitionId: p.id, type: 'accept' } });
  expect(event.data).toMatchObject({ policyVersion: 'law-3-test' });
  expect(p.policyVersion).not.toBe('law-3-test');
});

test("when a unit sets a local rule, then its petitions use it and other units' do not", async () => {
  await request(h.app)
    .post('/api/v1/policy')
    .set(auth(admin))
    .send({
      version: 'local-answer-7wd',
      unitId: h.org.communeId,
      effectiveFrom: new Date(Date.now() - 60_000).toISOString(),
      kinds: { feedback: { clocks: { triage: { limit: 3, unit: 'working_days', basis: 'Quyết định của UBND xã' } } } },
    })
    .expect(201);
  const local = await register(officer, h.org.communeId, 'feedback');
  const elsewhere = await register(otherOfficer, h.org.otherCommuneId, 'feedback');
  expect(local.policyVersion).toMatch(/\+local-answer-7wd$/);
  expect(elsewhere.policyVersion).not.toMatch(/local/);
  expect(Date.parse(local.view.nextDeadline.dueAt)).toBeLessThan(Date.parse(elsewhere.view.nextDeadline.dueAt));
});
