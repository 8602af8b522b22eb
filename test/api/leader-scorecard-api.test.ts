// The leader scorecard against a small seeded history whose expected figures are counted by hand in
// the comments below, not by the code under test.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let supervisor: string;

const T = (d: string) => new Date(`${d}T10:00:00+07:00`);

interface SeedEvent {
  type: string;
  at: string;
  actor?: 'officer';
  dueBefore?: string;
  remind?: 'c1' | 'c2';
  toUnit?: 'c2';
}

async function seed(unit: 'c1' | 'c2', dueAt: string | null, closed: boolean, events: SeedEvent[]): Promise<void> {
  const id = randomUUID();
  const unitOf = (u: 'c1' | 'c2') => (u === 'c1' ? h.org.communeId : h.org.otherCommuneId);
  const leaderOf = (u: 'c1' | 'c2') => (u === 'c1' ? h.org.communeLeader.id : h.org.otherCommuneLeader.id);
  const forwardedTo = events.find((e) => e.toUnit)?.toUnit;
  await h.db.prisma.petition.create({
    data: {
      id,
      trackingCode: `DV-S${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      kind: 'complaint',
      channel: 'post',
      field: 'land',
      subject: 's',
      body: 'b',
      receivingUnitId: unitOf(unit),
      unitId: unitOf(forwardedTo ?? unit),
      receivedAt: T('2026-10-01'),
      createdById: h.org.officer.id,
      workflowId: `seed-${id}`,
      dueAt: dueAt ? T(dueAt) : null,
      closedAt: closed ? T('2026-11-30') : null,
      stage: closed ? 'resolved' : 'assigned',
      events: {
        create: events.map((e, i) => ({
          key: `seed-${id}-${i}`,
          type: e.type,
          at: T(e.at),
          actorId: e.actor ? h.org.officer.id : null,
          data: {
            ...(e.dueBefore ? { dueBefore: T(e.dueBefore).toISOString() } : {}),
            ...(e.remind ? { recipientIds: [leaderOf(e.remind)] } : {}),
            ...(e.toUnit ? { toUnitId: unitOf(e.toUnit) } : {}),
          },
        })),
      },
    },
  });
}

beforeAll(async () => {
  h = await startApiHarness();
  supervisor = await h.login(h.org.supervisor.username);
  // A: commune 1, resolved on 10 Nov under a deadline of 15 Nov → due, on time.
  await seed('c1', null, true, [{ type: 'resolve', at: '2026-11-10', actor: 'officer', dueBefore: '2026-11-15' }]);
  // B: commune 1, leader reminded on 14 Nov, resolved late on 18 Nov (due 16 Nov) → due, late, 1 reminder, acted after it.
  await seed('c1', null, true, [
    { type: 'reminder', at: '2026-11-14', remind: 'c1' },
    { type: 'resolve', at: '2026-11-18', actor: 'officer', dueBefore: '2026-11-16' },
  ]);
  // C: commune 1, open, due 10 Nov → due, overdue now; reminded twice, then escalated on 11 Nov; nobody acted.
  await seed('c1', '2026-11-10', false, [
    { type: 'reminder', at: '2026-11-09', remind: 'c1' },
    { type: 'reminder', at: '2026-11-10', remind: 'c1' },
    { type: 'escalated', at: '2026-11-11' },
  ]);
  // D: received by commune 1, forwarded to commune 2 on 5 Nov, escalated there on 20 Nov → an escalation for commune 2's leader; due in 2030.
  await seed('c1', '2030-01-01', false, [
    { type: 'forward', at: '2026-11-05', actor: 'officer', toUnit: 'c2' },
    { type: 'escalated', at: '2026-11-20' },
  ]);
  // E: commune 2, everything in October → nothing in November.
  await seed('c2', null, true, [
    { type: 'reminder', at: '2026-10-20', remind: 'c2' },
    { type: 'resolve', at: '2026-10-22', actor: 'officer', dueBefore: '2026-10-25' },
  ]);
  // F: commune 1, reminded on 21 Nov, no action since; due in 2030.
  await seed('c1', '2030-01-01', false, [{ type: 'reminder', at: '2026-11-21', remind: 'c1' }]);
});

afterAll(async () => {
  await h?.stop();
});

test('November: each responsible leader’s cases due, on time, overdue, reminders and escalations', async () => {
  const res = await request(h.app).get('/api/v1/reports/leaders?period=2026-11').set(auth(supervisor)).expect(200);
  const row = (id: string) => res.body.rows.find((r: { leaderId: string }) => r.leaderId === id);
  // Commune 1: due A, B, C = 3; on time A = 1 (33.3%); overdue C; reminders B1 + C2 + F1 = 4; acted after a reminder: B; escalations: C.
  expect(row(h.org.communeLeader.id)).toEqual({
    leaderId: h.org.communeLeader.id,
    leaderName: 'Trần Thị Xã',
    units: [expect.stringContaining('Xã An Bình')],
    due: 3,
    resolvedOnTime: 1,
    onTimePct: 33.3,
    overdueNow: 1,
    remindersReceived: 4,
    casesActedAfterReminder: 1,
    escalations: 1,
    receptionShortfalls: null,
  });
  // Commune 2: only D's escalation (it held the case by then); E is October.
  expect(row(h.org.otherCommuneLeader.id)).toMatchObject({
    due: 0,
    resolvedOnTime: 0,
    onTimePct: null,
    overdueNow: 0,
    remindersReceived: 0,
    escalations: 1,
  });
  // The province leader answers for the province itself, which has no cases; the central unit is outside the supervisor's subtree.
  expect(row(h.org.provinceLeader.id)).toMatchObject({ due: 0, escalations: 0 });
  expect(row(h.org.centralLeader.id)).toBeUndefined();
});

test('October counts E for commune 2; CSV has Vietnamese headings, English on request', async () => {
  const oct = await request(h.app)
    .get('/api/v1/reports/leaders?from=2026-10-01&to=2026-10-31')
    .set(auth(supervisor))
    .expect(200);
  expect(oct.body.rows.find((r: { leaderId: string }) => r.leaderId === h.org.otherCommuneLeader.id)).toMatchObject({
    due: 1,
    resolvedOnTime: 1,
    onTimePct: 100,
    remindersReceived: 1,
    casesActedAfterReminder: 1,
  });
  const csv = await request(h.app)
    .get('/api/v1/reports/leaders?period=2026-11&format=csv')
    .set(auth(supervisor))
    .expect(200);
  expect(csv.text.split('\r\n')[0]).toBe(
    '\uFEFFLãnh đạo phụ trách,Địa bàn,Vụ việc đến hạn,Giải quyết đúng hạn,Tỷ lệ đúng hạn (%),Quá hạn hiện tại,Số lần được nhắc,Vụ việc xử lý sau khi được nhắc,Bị báo cáo lên cấp trên,Kỳ tiếp công dân chưa đủ số ngày',
  );
  expect(csv.text).toContain('Trần Thị Xã,');
  const en = await request(h.app)
    .get('/api/v1/reports/leaders?period=2026-11&format=csv&lang=en')
    .set(auth(supervisor))
    .expect(200);
  expect(en.text).toContain('Responsible leader,Localities,Cases due');
  const officer = await h.login(h.org.officer.username);
  await request(h.app).get('/api/v1/reports/leaders?period=2026-11').set(auth(officer)).expect(403);
  await request(h.app).get('/api/v1/reports/leaders?period=2026-13').set(auth(supervisor)).expect(400);
});
