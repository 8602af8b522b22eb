// The leader's two ladder queues on the home page ("escalated to me", "my reminders") over seeded ladder
// events, and the identity-access log on a case's full history, by role, on a real registered denunciation.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { signIn, type ConsoleClient } from '../support/console-client';
import { formatDateTime } from '../../src/web/format';

let h: ApiHarness;
const PASSWORD = 'correct horse';
let officer: ConsoleClient;
let secondOfficer: ConsoleClient;
let otherOfficer: ConsoleClient;
let communeLeader: ConsoleClient;
let provinceLeader: ConsoleClient;
let supervisor: ConsoleClient;
let secondOfficerId: string;

const AT = new Date('2026-11-20T03:00:00Z');

/** Who the ladder told, as the workflow records it (workflows/petition/notices.ts). */
type Rung =
  { type: 'escalated'; toUnitId: string; recipientIds: string[] } | { type: 'reminder'; recipientIds: string[] };

/** A case with its ladder events written straight into the read model: the ladder fires after days, not here. */
async function seed(rungs: Rung[], options: { closed?: boolean; subject?: string } = {}): Promise<string> {
  const id = randomUUID();
  await h.db.prisma.petition.create({
    data: {
      id,
      trackingCode: `DV-L${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      kind: 'complaint',
      channel: 'post',
      field: 'land',
      subject: options.subject ?? `Đơn ${id.slice(0, 6)}`,
      body: 'b',
      receivingUnitId: h.org.communeId,
      unitId: h.org.communeId,
      receivedAt: new Date('2026-10-01T03:00:00Z'),
      createdById: h.org.officer.id,
      workflowId: `seed-${id}`,
      currentClock: 'resolution',
      dueAt: new Date('2030-01-01T16:59:59Z'),
      closedAt: options.closed ? new Date('2026-11-25T03:00:00Z') : null,
      stage: options.closed ? 'resolved' : 'assigned',
      events: {
        create: rungs.map((r, i) => ({
          key: `seed-${id}-${i}`,
          type: r.type,
          at: AT,
          data:
            r.type === 'escalated'
              ? { clock: 'resolution', level: 1, toUnitId: r.toUnitId, recipientIds: r.recipientIds }
              : { clock: 'resolution', rung: 'leaderReminder', recipientIds: r.recipientIds },
        })),
      },
    },
  });
  return id;
}

const countOf = (html: string, queue: string) => {
  const match = new RegExp(`data-queue="${queue}"><span class="count">([\\d.]+)</span>`).exec(html);
  return match ? Number(match[1]!.replace(/\./g, '')) : null;
};
const casesIn = (html: string) =>
  [...html.matchAll(/<a href="\/console\/petitions\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);

let escalatedByMail: string[];
let escalatedToUnit: string;
let remindedLeader: string;
let remindedOfficer: string;
let closedReminded: string;

beforeAll(async () => {
  h = await startApiHarness();
  const officerRow = await h.db.prisma.person.findUniqueOrThrow({ where: { id: h.org.officer.id } });
  secondOfficerId = `of2-${randomUUID().slice(0, 8)}`;
  await h.db.prisma.person.create({
    data: {
      id: secondOfficerId,
      username: secondOfficerId,
      fullName: 'Hoàng Văn Khác',
      email: `${secondOfficerId}@example.test`,
      passwordHash: officerRow.passwordHash,
      unitId: h.org.communeId,
      roleBindings: { create: { role: 'officer', unitId: h.org.communeId } },
    },
  });
  // The province leader: 25 escalations mailed to him, one to his unit with nobody on record to mail (26: two pages of 25).
  escalatedByMail = [];
  for (let i = 0; i < 25; i++)
    escalatedByMail.push(
      await seed([{ type: 'escalated', toUnitId: h.org.provinceId, recipientIds: [h.org.provinceLeader.id] }]),
    );
  escalatedToUnit = await seed([{ type: 'escalated', toUnitId: h.org.provinceId, recipientIds: [] }]);
  // The commune leader: one open case reminded, one closed case reminded (not counted).
  remindedLeader = await seed([{ type: 'reminder', recipientIds: [h.org.communeLeader.id] }]);
  closedReminded = await seed([{ type: 'reminder', recipientIds: [h.org.communeLeader.id] }], { closed: true });
  // The officer on duty: one reminder.
  remindedOfficer = await seed([{ type: 'reminder', recipientIds: [h.org.officer.id] }]);
  [officer, secondOfficer, otherOfficer, communeLeader, provinceLeader, supervisor] = await Promise.all([
    signIn(h.app, h.org.officer.username, PASSWORD),
    signIn(h.app, secondOfficerId, PASSWORD),
    signIn(h.app, h.org.otherOfficer.username, PASSWORD),
    signIn(h.app, h.org.communeLeader.username, PASSWORD),
    signIn(h.app, h.org.provinceLeader.username, PASSWORD),
    signIn(h.app, h.org.supervisor.username, PASSWORD),
  ]);
});
afterAll(async () => {
  await h?.stop();
});

describe('the ladder queues', () => {
  test('when a breach was escalated to the province leader, by mail or to his unit, then "escalated to me" counts and lists both, two pages of 25', async () => {
    const home = await provinceLeader.get('/console');
    expect(countOf(home.text, 'escalatedToMe')).toBe(26);
    expect(countOf(home.text, 'myReminders')).toBe(0);
    expect(home.text).toContain('Chuyển cấp đến tôi');
    const first = await provinceLeader.get('/console?queue=escalatedToMe');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Chuyển cấp đến tôi: 26 đơn');
    expect(first.text).toMatch(
      /<a href="\/console\?queue=escalatedToMe" aria-current="page" data-queue="escalatedToMe">/,
    );
    const onFirst = casesIn(first.text);
    expect(onFirst).toHaveLength(25);
    // The same time-left badge as every queue, and the pager's shareable URL.
    expect(first.text).toContain('class="badge ok"');
    expect(first.text).toContain('href="/console?queue=escalatedToMe&amp;page=2"');
    const second = await provinceLeader.get('/console?queue=escalatedToMe&page=2');
    const onSecond = casesIn(second.text);
    expect(onSecond).toHaveLength(1);
    expect(new Set([...onFirst, ...onSecond])).toEqual(new Set([...escalatedByMail, escalatedToUnit]));
  });

  test('when a leader was reminded, then "my reminders" lists the open case and not the closed one; nothing was escalated to him', async () => {
    const home = await communeLeader.get('/console?queue=myReminders');
    expect(countOf(home.text, 'myReminders')).toBe(1);
    expect(countOf(home.text, 'escalatedToMe')).toBe(0);
    expect(casesIn(home.text)).toEqual([remindedLeader]);
    expect(home.text).not.toContain(closedReminded);
    expect(home.text).toContain('Nhắc việc gửi tôi: 1 đơn');
    const en = await communeLeader.get('/console?queue=myReminders&lang=en');
    expect(en.text).toContain('My reminders: 1 petitions');
    expect(en.text).toContain('Escalated to me');
  });

  test('when an officer was reminded, then only "my reminders" appears on the home page; an officer never reminded sees neither queue', async () => {
    const reminded = await officer.get('/console');
    expect(countOf(reminded.text, 'myReminders')).toBe(1);
    expect(reminded.text).not.toContain('data-queue="escalatedToMe"');
    const list = await officer.get('/console?queue=myReminders');
    expect(casesIn(list.text)).toEqual([remindedOfficer]);
    for (const client of [secondOfficer, otherOfficer]) {
      const home = await client.get('/console');
      expect(home.text).toContain('data-queue="mine"');
      expect(home.text).not.toContain('data-queue="escalatedToMe"');
      expect(home.text).not.toContain('data-queue="myReminders"');
    }
    // The live counts the page refreshes follow the same rule.
    const live = await officer.get('/console/queue-counts?queue=mine');
    expect(countOf(live.text, 'myReminders')).toBe(1);
    expect(live.text).not.toContain('data-queue="escalatedToMe"');
  });

  test('when a case escalated to the province is opened by URL by the commune leader, then it is not his: the queue is empty', async () => {
    const res = await communeLeader.get('/console?queue=escalatedToMe&lang=vi');
    expect(res.status).toBe(200);
    expect(casesIn(res.text)).toEqual([]);
    expect(res.text).toContain('Chuyển cấp đến tôi: 0 đơn');
  });
});

describe('the identity-access log on the full history', () => {
  let id: string;
  const DENOUNCER = 'Người Tố Cáo Kín Đáo';

  beforeAll(async () => {
    const res = await officer.post(
      '/console/petitions',
      {
        kind: 'denunciation',
        channel: 'post',
        receivingUnitId: h.org.communeId,
        field: 'officials_conduct',
        subject: 'Tố cáo cán bộ địa chính',
        body: 'Nội dung',
        receivedAt: '2026-11-20T08:00',
        'p0.fullName': DENOUNCER,
        'p0.address': 'Số 9 đường Kín',
        intent: 'register',
        idempotencyKey: `den-${randomUUID()}`,
      },
      { formPage: '/console/petitions/new' },
    );
    expect(res.status).toBe(201);
    id = /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(res.text)![1]!;
    await eventually(() => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: id, type: 'received' } }), {
      what: 'the receipt',
    });
    const opened = await officer.post(`/console/petitions/${id}/reveal`, { reason: 'liên hệ xác minh nội dung' });
    expect(opened.text).toContain(DENOUNCER);
    // A sealed document opened by the leader (documents.ts writes the same row with its documentId).
    await h.db.prisma.identityAccess.create({
      data: {
        petitionId: id,
        personId: h.org.communeLeader.id,
        reason: 'đọc đơn gốc',
        documentId: randomUUID(),
        at: new Date('2026-11-21T01:05:00Z'),
      },
    });
  });

  test('when the registering officer opens the history, then the log names who, when, why and what kind, never the identity', async () => {
    const res = await officer.get(`/console/petitions/${id}/history`);
    expect(res.status).toBe(200);
    const section = /<section id="identity-access"[^]*?<\/section>/.exec(res.text)![0];
    expect(section).toContain('Nhật ký mở danh tính bảo mật');
    const rows = [...section.matchAll(/<tr data-access="(\w+)">([^]*?)<\/tr>/g)];
    // Oldest first: the document (21 Nov), then the reveal just now.
    expect(rows.map((r) => r[1])).toEqual(['document', 'identity']);
    expect(rows[1]![2]).toContain('Phạm Văn Cán');
    expect(rows[1]![2]).toContain('liên hệ xác minh nội dung');
    expect(rows[1]![2]).toContain('Danh tính người gửi');
    expect(rows[0]![2]).toContain('Trần Thị Xã');
    expect(rows[0]![2]).toContain('Tài liệu bảo mật');
    // 01:05 UTC is 08:05 in Hà Nội, written the Vietnamese way.
    expect(rows[0]![2]).toContain(formatDateTime('2026-11-21T01:05:00Z', 'vi'));
    expect(formatDateTime('2026-11-21T01:05:00Z', 'vi')).toMatch(/08:05.*21\/11\/2026|21\/11\/2026.*08:05/);
    expect(res.text).not.toContain(DENOUNCER);
    expect(res.text).not.toContain('Số 9 đường Kín');
    const en = await officer.get(`/console/petitions/${id}/history?lang=en`);
    expect(en.text).toContain('Identity-access log');
    expect(en.text).toContain('A sealed document');
  });

  test('when a supervisor over the unit opens the history, then the log is there without a grant, and still no identity', async () => {
    const res = await supervisor.get(`/console/petitions/${id}/history`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="identity-access"');
    expect(res.text).toContain('liên hệ xác minh nội dung');
    expect(res.text).not.toContain(DENOUNCER);
  });

  test('when an officer of the unit who does not handle the case opens the history, then there is no log', async () => {
    const res = await secondOfficer.get(`/console/petitions/${id}/history`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Lịch sử đầy đủ');
    expect(res.text).not.toContain('id="identity-access"');
    expect(res.text).not.toContain('liên hệ xác minh nội dung');
    expect(res.text).not.toContain(DENOUNCER);
  });

  test('when the API serves the history, then identityAccess follows the same rule', async () => {
    const [supervisorToken, secondToken] = await Promise.all([
      h.login(h.org.supervisor.username, PASSWORD),
      h.login(secondOfficerId, PASSWORD),
    ]);
    const asSupervisor = await request(h.app)
      .get(`/api/v1/petitions/${id}/history`)
      .set({ authorization: `Bearer ${supervisorToken}` })
      .expect(200);
    expect(asSupervisor.body.identityAccess).toEqual([
      {
        at: '2026-11-21T01:05:00.000Z',
        person: { id: h.org.communeLeader.id, fullName: 'Trần Thị Xã' },
        reason: 'đọc đơn gốc',
        documentId: expect.any(String),
      },
      {
        at: expect.any(String),
        person: { id: h.org.officer.id, fullName: 'Phạm Văn Cán' },
        reason: 'liên hệ xác minh nội dung',
        documentId: null,
      },
    ]);
    expect(JSON.stringify(asSupervisor.body)).not.toContain(DENOUNCER);
    const asSecond = await request(h.app)
      .get(`/api/v1/petitions/${id}/history`)
      .set({ authorization: `Bearer ${secondToken}` })
      .expect(200);
    expect(asSecond.body.timeline.length).toBeGreaterThan(0);
    expect(asSecond.body).not.toHaveProperty('identityAccess');
  });
});
