// Time-skipping tests of the petition lifecycle on the real Temporal test server, with the real
// activities writing to a real PostgreSQL database and a capturing mailer.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { createActivities } from '../../activities';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { registerPetition, type RegisterPetitionInput } from '../../src/petitions/petition-registration';
import { actionUpdate, snapshotQuery, type PetitionActionInput } from '../../workflows/petition/messages';
import { petitionWorkflow } from '../../workflows';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { aResolutionDecision } from '../support/resolution';
import { DAY_MS } from '../../src/domain/calendar/day';
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { CapturingMailer } from '../support/capturing-mailer';
import type { TestOrg } from '../support/org';
import type { TestDatabase } from '../support/test-database';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', 'fixtures', 'policy-days.json'));
const CITIZEN_EMAIL = 'citizen@example.test';

let testbed: WorkflowTestbed;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let org: TestOrg;
let mailer: CapturingMailer;
let client: Client;

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
  ({ env, db, org } = testbed);
  client = env.client;
});

afterEach(async () => {
  await testbed.terminateTracked();
});

afterAll(async () => {
  await testbed?.teardown();
});

beforeEach(() => {
  mailer = new CapturingMailer();
});

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `q-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer });
  return worker.runUntil(async () => {
    const result = await fn(taskQueue);
    await testbed.settleTracked();
    return result;
  });
}

async function startPetition(taskQueue: string, overrides: Partial<RegisterPetitionInput> = {}) {
  const now = new Date(await env.currentTimeMs()).toISOString();
  const registered = await registerPetition(
    db.prisma,
    policy,
    {
      kind: 'complaint',
      receivingUnitId: org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Tranh chấp ranh giới đất',
      body: 'Đề nghị xem xét lại việc cấp giấy chứng nhận.',
      receivedAt: now,
      petitioners: [{ fullName: 'Hoàng Văn Dân', email: CITIZEN_EMAIL, phone: '0912345678' }],
      registeredById: org.officer.id,
      ...overrides,
    },
    { identityKey: TEST_IDENTITY_KEY },
  );
  const handle = await client.workflow.start(petitionWorkflow, {
    taskQueue,
    workflowId: registered.workflowId,
    args: [registered.workflowInput],
  });
  testbed.track(handle);
  await waitForIdle(handle);
  return { ...registered, handle };
}

const officerActor = () => ({ personId: org.officer.id, roles: ['officer' as const] });
const leaderActor = () => ({ personId: org.communeLeader.id, roles: ['leader' as const] });

function act(handle: Awaited<ReturnType<typeof startPetition>>['handle'], input: PetitionActionInput) {
  return handle.executeUpdate(actionUpdate, { args: [input] });
}

async function eventTypes(petitionId: string): Promise<string[]> {
  const events = await db.prisma.petitionEvent.findMany({ where: { petitionId }, orderBy: { at: 'asc' } });
  return events.map((e) => e.type);
}

test('when a complaint is resolved with its written decision, then the record is kept beside the resolve event and in the snapshot; without one, with a bad number, or dated before the receipt or ahead, it is refused', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    await act(p.handle, { action: 'accept', actor: officerActor() });
    await act(p.handle, { action: 'assign', actor: leaderActor(), assigneeId: org.officer.id });
    await env.sleep('3 days');
    const now = await env.currentTimeMs();
    const resolve = (resolution?: ResolutionDecision) =>
      act(p.handle, { action: 'resolve', actor: leaderActor(), summary: 'Giữ nguyên quyết định', resolution });
    const refusal = async (resolution?: ResolutionDecision) => {
      const update = resolve(resolution);
      await expect(update).rejects.toThrow(WorkflowUpdateFailedError);
      const failure = (await update.catch((e: WorkflowUpdateFailedError) => e.cause)) as ApplicationFailure;
      expect(failure.type).toBe('InvalidAction');
      return failure.message;
    };
    expect(await refusal()).toContain('Luật Khiếu nại 2011 Đ.31');
    expect(await refusal(aResolutionDecision({ number: 'QĐ 125' }, now))).toContain('số văn bản không hợp lệ');
    expect(await refusal(aResolutionDecision({}, now - 5 * DAY_MS))).toContain('trước ngày nhận đơn');
    expect(await refusal(aResolutionDecision({}, now + 2 * DAY_MS))).toContain('không được ở tương lai');
    expect(await eventTypes(p.petitionId)).toEqual(['received', 'accept', 'assign']);

    const record = aResolutionDecision({ number: '7/QĐ-UBND', signer: 'Trần Thị Xã', signerTitle: 'Chủ tịch' }, now);
    const resolved = await resolve(record);
    expect(resolved.stage).toBe('resolved');
    expect(resolved.resolution).toEqual(record);
    const event = await db.prisma.petitionEvent.findFirstOrThrow({
      where: { petitionId: p.petitionId, type: 'resolve' },
      include: { resolution: true },
    });
    expect(event.resolution).toMatchObject({
      petitionId: p.petitionId,
      number: '7/QĐ-UBND',
      signer: 'Trần Thị Xã',
      signerTitle: 'Chủ tịch',
    });
    expect(event.resolution!.date.toISOString().slice(0, 10)).toBe(record.date);
    await act(p.handle, { action: 'reportBack', actor: officerActor(), summary: 'Đã gửi quyết định cho công dân' });
    expect((await p.handle.result()).stage).toBe('closed');
    expect(await db.prisma.petitionResolution.count({ where: { petitionId: p.petitionId } })).toBe(1);
    await keepHistory('resolution-with-decision', p.handle);
  });
});

test('when a complaint is handled on time, then it closes with no reminders and the citizen gets the result', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    await act(p.handle, { action: 'accept', actor: officerActor() });
    await act(p.handle, { action: 'assign', actor: leaderActor(), assigneeId: org.officer.id });
    await act(p.handle, { action: 'startVerification', actor: officerActor() });
    await env.sleep('10 days');
    await act(p.handle, {
      action: 'resolve',
      actor: leaderActor(),
      summary: 'Giữ nguyên quyết định',
      resolution: aResolutionDecision({}, await env.currentTimeMs()),
    });
    const final = await act(p.handle, {
      action: 'reportBack',
      actor: officerActor(),
      summary: 'Đã trả lời bằng văn bản',
    });
    expect(final.stage).toBe('closed');
    const result = await p.handle.result();
    expect(result.stage).toBe('closed');
    expect(result.escalated).toBe(false);

    expect(await eventTypes(p.petitionId)).toEqual([
      'received',
      'accept',
      'assign',
      'startVerification',
      'resolve',
      'reportBack',
    ]);
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: p.petitionId } });
    expect(row.stage).toBe('closed');
    expect(row.closedAt).not.toBeNull();
    expect(mailer.to(CITIZEN_EMAIL).map((m) => m.subject)).toEqual([
      expect.stringContaining('Đã tiếp nhận đơn'),
      expect.stringContaining('Thông báo thụ lý'),
      expect.stringContaining('Kết quả giải quyết đơn'),
    ]);
    expect(mailer.to(org.officer.email)).toHaveLength(1); // the assignment
    expect(mailer.sent.some((m) => /Nhắc hạn|quá hạn/.test(m.subject))).toBe(false);
    await keepHistory('on-time-resolution', p.handle);
    await keepHistory('on-time-resolution-policy-at-clock-start', p.handle);
    await keepHistory('on-time-resolution-local-writes', p.handle);
  });
});

test('when a 30-day resolution deadline runs out, then the officer, the leader and the level above are told in turn', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    await act(p.handle, { action: 'accept', actor: officerActor() });
    await act(p.handle, { action: 'assign', actor: leaderActor(), assigneeId: org.officer.id });
    const snap = await p.handle.query(snapshotQuery);
    expect(snap.clock?.name).toBe('resolution');
    expect(Date.parse(snap.clock!.dueAt) - Date.parse(snap.clock!.startedAt)).toBe(30 * 86_400_000);

    await env.sleep('26 days');
    expect(mailer.sent.filter((m) => m.subject.includes('Nhắc hạn'))).toHaveLength(0);

    await env.sleep('2 days'); // day 28: three days before the due time has passed
    const officerReminders = mailer.to(org.officer.email).filter((m) => m.subject.includes('Nhắc hạn'));
    expect(officerReminders).toHaveLength(1);
    expect(mailer.to(org.communeLeader.email).filter((m) => m.subject.includes('đến hạn'))).toHaveLength(0);

    await env.sleep('49 hours'); // past day 30: the due time
    expect(mailer.to(org.communeLeader.email).filter((m) => m.subject.includes('Đơn đến hạn'))).toHaveLength(1);
    expect(mailer.to(org.provinceLeader.email)).toHaveLength(0);

    await env.sleep('1 day'); // past the one-day grace: breached
    const escalations = mailer.to(org.provinceLeader.email);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.subject).toContain('quá hạn');
    // The citizen's name and phone never go to officials.
    for (const m of mailer.sent.filter((x) => x.to !== CITIZEN_EMAIL)) {
      expect(m.text).not.toContain('Hoàng Văn Dân');
      expect(m.text).not.toContain('0912345678');
    }

    expect(await eventTypes(p.petitionId)).toEqual([
      'received',
      'accept',
      'assign',
      'reminder',
      'reminder',
      'escalated',
    ]);
    const escalated = await db.prisma.petitionEvent.findFirstOrThrow({
      where: { petitionId: p.petitionId, type: 'escalated' },
    });
    expect(escalated.data).toMatchObject({ toUnitId: org.provinceId, recipientIds: [org.provinceLeader.id] });
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: p.petitionId } });
    expect(row.escalated).toBe(true);
    const after = await p.handle.query(snapshotQuery);
    expect(after.nextRung).toBeNull();
    expect(after.stage).toBe('assigned');
    await keepHistory('reminder-ladder-escalation', p.handle);
  });
});

test('when a petition is forwarded, then it moves to the competent unit with a new triage clock, and only once', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    await env.sleep('3 days');
    const moved = await act(p.handle, {
      action: 'forward',
      actor: officerActor(),
      toUnitId: org.otherCommuneId,
      reason: 'Thuộc thẩm quyền xã Hòa Lạc',
    });
    expect(moved.unitId).toBe(org.otherCommuneId);
    expect(moved.stage).toBe('received');
    expect(moved.forwardCount).toBe(1);
    // The competent unit's triage clock starts at the forward, not at the original receipt.
    expect(Date.parse(moved.clock!.startedAt) - Date.parse(p.workflowInput.receivedAt)).toBeGreaterThanOrEqual(
      3 * 86_400_000,
    );
    expect(Date.parse(moved.clock!.dueAt) - Date.parse(moved.clock!.startedAt)).toBe(10 * 86_400_000);
    // The action's e-mails go on their own retry path, one after the other: the Update answers before they are sent.
    await eventually(async () => mailer.to(org.otherCommuneLeader.email).length > 0, { what: 'the forward e-mails' });
    expect(mailer.to(CITIZEN_EMAIL).some((m) => m.subject.includes('Đơn đã được chuyển'))).toBe(true);
    expect(mailer.to(org.otherCommuneLeader.email)).toHaveLength(1);

    const again = act(p.handle, {
      action: 'forward',
      actor: { personId: org.otherOfficer.id, roles: ['officer'] },
      toUnitId: org.communeId,
    });
    await expect(again).rejects.toThrow(WorkflowUpdateFailedError);
    const cause = await again.catch((e: WorkflowUpdateFailedError) => e.cause);
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('IllegalTransition');
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: p.petitionId } });
    expect(row.unitId).toBe(org.otherCommuneId);
    expect(row.forwardCount).toBe(1);
    await keepHistory('forward-once', p.handle);
    await keepHistory('forward-once-local-writes', p.handle);
  });
});

test('when a petition is refused, then the workflow ends and the citizen gets the reason', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    await act(p.handle, { action: 'refuse', actor: officerActor(), reason: 'Đơn nặc danh, không đủ điều kiện thụ lý' });
    const result = await p.handle.result();
    expect(result.stage).toBe('refused');
    expect(result.clock).toBeNull();
    const refusal = mailer.to(CITIZEN_EMAIL).find((m) => m.subject.includes('không được thụ lý'));
    expect(refusal?.text).toContain('Đơn nặc danh');
    expect(await eventTypes(p.petitionId)).toEqual(['received', 'refuse']);
    await keepHistory('refused', p.handle);
  });
});

test('when the citizen withdraws, then the case closes as withdrawn from any open stage', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue, { kind: 'recommendation' });
    await act(p.handle, { action: 'accept', actor: officerActor() });
    await act(p.handle, { action: 'withdraw', actor: officerActor(), reason: 'Công dân rút đơn' });
    const result = await p.handle.result();
    expect(result.stage).toBe('withdrawn');
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: p.petitionId } });
    expect(row.stage).toBe('withdrawn');
    expect(row.dueAt).toBeNull();
    await keepHistory('withdrawn', p.handle);
  });
});

test('when an action is illegal in the stage or for the role, then it is refused and nothing changes', async () => {
  await withWorker(async (taskQueue) => {
    const p = await startPetition(taskQueue);
    const before = await p.handle.query(snapshotQuery);

    const early = act(p.handle, { action: 'resolve', actor: leaderActor(), summary: 'too early' });
    await expect(early).rejects.toThrow(WorkflowUpdateFailedError);
    expect(((await early.catch((e: WorkflowUpdateFailedError) => e.cause)) as ApplicationFailure).type).toBe(
      'IllegalTransition',
    );

    await act(p.handle, { action: 'accept', actor: officerActor() });
    const mid = await p.handle.query(snapshotQuery);
    const byOfficer = act(p.handle, { action: 'assign', actor: officerActor(), assigneeId: org.officer.id });
    await expect(byOfficer).rejects.toThrow(WorkflowUpdateFailedError);
    expect(((await byOfficer.catch((e: WorkflowUpdateFailedError) => e.cause)) as ApplicationFailure).type).toBe(
      'Forbidden',
    );

    const after = await p.handle.query(snapshotQuery);
    expect(after).toEqual(mid);
    expect(mid.version).toBe(before.version + 1);
    expect(await eventTypes(p.petitionId)).toEqual(['received', 'accept']);
    await keepHistory('illegal-actions-refused', p.handle);
  });
});

test('when the mail relay fails twice, then the notification is retried and sent exactly once', async () => {
  await withWorker(async (taskQueue) => {
    mailer.failNext(2);
    // The acknowledgement is retried by Temporal (1 s, then 2 s backoff) until the relay accepts it.
    const p = await startPetition(taskQueue);
    await eventually(async () => mailer.to(CITIZEN_EMAIL).length > 0, { what: 'the acknowledgement' });
    expect(mailer.attempts).toBe(3);
    expect(mailer.to(CITIZEN_EMAIL)).toHaveLength(1);
    // The relay has it before the row is marked: wait for the mark.
    const rows = await eventually(
      async () => {
        const found = await db.prisma.notification.findMany({ where: { petitionId: p.petitionId } });
        return found.every((r) => r.status === 'sent') ? found : null;
      },
      { what: 'the notification marked sent' },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 3, template: 'acknowledgement' });

    // The same step delivered again (a retried activity) sends nothing new.
    const again = await createActivities({
      prisma: db.prisma,
      mailer,
      appUrl: 'http://danvan.test',
      identityKey: TEST_IDENTITY_KEY,
    }).sendNotification({
      key: `${p.workflowId}:ack`,
      petitionId: p.petitionId,
      template: 'acknowledgement',
      recipient: { type: 'citizen' },
    });
    expect(again).toMatchObject({ sent: 0, skipped: 1 });
    expect(mailer.to(CITIZEN_EMAIL)).toHaveLength(1);
  });
});
