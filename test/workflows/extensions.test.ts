// Variants and extensions of the resolution clock on the real time-skipping server: flags recompute the
// deadline, extensions follow Luật Tố cáo 2018 Đ.30, and every change re-arms the timers.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { computeDeadline } from '../../src/domain/calendar/deadline';
import { forwardDeadline } from '../../src/domain/petition/deadline-ladder';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { registerPetition } from '../../src/petitions/petition-registration';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { actionUpdate, type PetitionActionInput } from '../../workflows/petition/messages';
import { petitionWorkflow } from '../../workflows';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import type { TestOrg } from '../support/org';
import type { TestDatabase } from '../support/test-database';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
const calendar = workingCalendarFrom([], defaultCalendarYear);
let testbed: WorkflowTestbed;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let org: TestOrg;
let mailer: CapturingMailer;

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
  ({ env, db, org } = testbed);
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

async function run(
  kind: 'complaint' | 'denunciation',
  body: (handle: Awaited<ReturnType<typeof env.client.workflow.start>>, petitionId: string) => Promise<void>,
) {
  const taskQueue = `q-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer });
  await worker.runUntil(async () => {
    const registered = await registerPetition(
      db.prisma,
      policy,
      {
        kind,
        receivingUnitId: org.communeId,
        channel: 'in_person',
        field: 'land',
        subject: 'Vụ việc cần xác minh',
        body: '…',
        receivedAt: new Date(await env.currentTimeMs()).toISOString(),
        petitioners: [{ fullName: 'Công Dân', email: 'dan@example.test' }],
        registeredById: org.officer.id,
      },
      { identityKey: TEST_IDENTITY_KEY },
    );
    const handle = await env.client.workflow.start(petitionWorkflow, {
      taskQueue,
      workflowId: registered.workflowId,
      args: [registered.workflowInput],
    });
    testbed.track(handle);
    await waitForIdle(handle);
    await body(handle, registered.petitionId);
    await testbed.settleTracked();
  });
}

const officer = () => ({ personId: org.officer.id, roles: ['officer' as const] });
const leader = () => ({ personId: org.communeLeader.id, roles: ['leader' as const] });
const decision = (n: string) => ({ number: n, date: '2026-12-01', signer: 'Trần Thị Xã' });

async function refusalType(p: Promise<unknown>): Promise<string | undefined> {
  await expect(p).rejects.toThrow(WorkflowUpdateFailedError);
  const cause = await p.then(
    () => undefined,
    (e: WorkflowUpdateFailedError) => e.cause,
  );
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}

test('when a complaint is flagged complex, then remote, the resolution deadline becomes 45 then 60 days from acceptance', async () => {
  await run('complaint', async (handle) => {
    const act = (input: PetitionActionInput) => handle.executeUpdate(actionUpdate, { args: [input] });
    const accepted = await act({ action: 'accept', actor: officer() });
    const start = Date.parse(accepted.clock!.startedAt);
    const due = (days: number) =>
      new Date(computeDeadline({ startMs: start, limit: days, unit: 'days' }, calendar).dueAtMs).toISOString();
    expect(accepted.clock!.dueAt).toBe(due(30));
    expect(
      (await act({ action: 'setFlags', actor: officer(), flags: { complex: true }, reason: 'Nhiều bên liên quan' }))
        .clock!.dueAt,
    ).toBe(due(45));
    expect(
      (await act({ action: 'setFlags', actor: officer(), flags: { remote: true }, reason: 'Xã vùng sâu' })).clock!
        .dueAt,
    ).toBe(due(60));
    const event = await db.prisma.petitionEvent.findFirstOrThrow({ where: { type: 'setFlags', note: 'Xã vùng sâu' } });
    expect(event.data).toMatchObject({ flags: { remote: true }, dueFrom: due(45), dueTo: due(60) });
  });
});

test('when a denunciation is extended, then the law holds: complex once, very complex twice, each at most 30 days, a third refused', async () => {
  await run('denunciation', async (handle, petitionId) => {
    const act = (input: PetitionActionInput) => handle.executeUpdate(actionUpdate, { args: [input] });
    await act({ action: 'accept', actor: officer() });
    const assigned = await act({ action: 'assign', actor: leader(), assigneeId: org.officer.id });
    const due0 = Date.parse(assigned.clock!.dueAt);

    expect(
      await refusalType(act({ action: 'requestExtension', actor: officer(), days: 30, reason: 'Cần thêm thời gian' })),
    ).toBe('ExtensionRefused');
    await act({ action: 'setFlags', actor: officer(), flags: { complex: true }, reason: 'Vụ việc phức tạp' });
    expect(
      await refusalType(act({ action: 'requestExtension', actor: officer(), days: 31, reason: 'Quá 30 ngày' })),
    ).toBe('ExtensionRefused');
    expect(
      await refusalType(
        act({
          action: 'decideExtension',
          actor: leader(),
          approve: true,
          decision: decision('1/QĐ'),
          reason: 'Không có đề nghị',
        }),
      ),
    ).toBe('IllegalTransition');

    await act({ action: 'requestExtension', actor: officer(), days: 30, reason: 'Xác minh thêm' });
    expect(
      await refusalType(
        act({
          action: 'decideExtension',
          actor: officer(),
          approve: true,
          decision: decision('1/QĐ'),
          reason: 'Cán bộ tự duyệt',
        }),
      ),
    ).toBe('Forbidden');
    expect(
      await refusalType(act({ action: 'decideExtension', actor: leader(), approve: true, reason: 'Thiếu quyết định' })),
    ).toBe('InvalidAction');
    const first = await act({
      action: 'decideExtension',
      actor: leader(),
      approve: true,
      decision: decision('12/QĐ-UBND'),
      reason: 'Đồng ý gia hạn',
    });
    const due1 = Date.parse(first.clock!.dueAt);
    expect(due1).toBe(computeDeadline({ startMs: due0, limit: 30, unit: 'days' }, calendar).dueAtMs);
    expect(first.extensions).toEqual([
      expect.objectContaining({ days: 30, decision: decision('12/QĐ-UBND'), decidedById: org.communeLeader.id }),
    ]);
    // The ladder follows the new due time: the next reminder moved later and still precedes it.
    expect(Date.parse(first.nextRung!.at)).toBeGreaterThan(Date.parse(assigned.nextRung!.at));
    expect(Date.parse(first.nextRung!.at)).toBeLessThan(due1);
    // The action's e-mails go after its answer, on their own retry path.
    await eventually(
      async () =>
        mailer.to('dan@example.test').some((m) => m.subject.includes('Gia hạn') && m.text.includes('12/QĐ-UBND')),
      { what: 'the extension notice' },
    );

    expect(await refusalType(act({ action: 'requestExtension', actor: officer(), days: 10, reason: 'Lần hai' }))).toBe(
      'ExtensionRefused',
    );

    await act({ action: 'setFlags', actor: leader(), flags: { veryComplex: true }, reason: 'Đặc biệt phức tạp' });
    await act({ action: 'requestExtension', actor: officer(), days: 20, reason: 'Lần hai, đặc biệt phức tạp' });
    const refused = await act({ action: 'decideExtension', actor: leader(), approve: false, reason: 'Chưa đủ căn cứ' });
    expect(refused.clock!.dueAt).toBe(first.clock!.dueAt);
    await act({ action: 'requestExtension', actor: officer(), days: 20, reason: 'Đề nghị lại' });
    const second = await act({
      action: 'decideExtension',
      actor: leader(),
      approve: true,
      decision: decision('15/QĐ-UBND'),
      reason: 'Đồng ý',
    });
    expect(Date.parse(second.clock!.dueAt)).toBe(
      computeDeadline({ startMs: due1, limit: 20, unit: 'days' }, calendar).dueAtMs,
    );
    expect(second.extensions).toHaveLength(2);

    const third = act({ action: 'requestExtension', actor: officer(), days: 5, reason: 'Lần ba' });
    expect(await refusalType(third)).toBe('ExtensionRefused');
    expect(
      await third.then(
        () => '',
        (e: WorkflowUpdateFailedError) => (e.cause as Error).message,
      ),
    ).toMatch(/allows 2/);

    const types = (await db.prisma.petitionEvent.findMany({ where: { petitionId }, orderBy: { at: 'asc' } })).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === 'decideExtension')).toHaveLength(3);
    await keepHistory('denunciation-extensions', handle);
  });
});

test('when a denunciation is forwarded after the 5-working-day limit, then the nudge was sent and the forward is recorded as late', async () => {
  await run('denunciation', async (handle, petitionId) => {
    const act = (input: PetitionActionInput) => handle.executeUpdate(actionUpdate, { args: [input] });
    const received = await db.prisma.petition.findUniqueOrThrow({ where: { id: petitionId } });
    const limit = forwardDeadline({ limit: 5, unit: 'working_days' }, received.receivedAt.getTime(), []);
    await env.sleep(limit - (await env.currentTimeMs()) - 3_600_000); // the last day, after 08:00
    await waitForIdle(handle);
    expect(mailer.to(org.officer.email).filter((m) => m.subject.includes('hạn chuyển đơn'))).toHaveLength(1);
    await env.sleep('2 hours'); // past 24:00 of the last day
    await waitForIdle(handle);
    await act({ action: 'forward', actor: officer(), toUnitId: org.otherCommuneId, reason: 'Không thuộc thẩm quyền' });
    const event = await db.prisma.petitionEvent.findFirstOrThrow({ where: { petitionId, type: 'forward' } });
    expect(event.data).toMatchObject({ forwardOnTime: false, toUnitId: org.otherCommuneId });
    await eventually(async () => mailer.to('dan@example.test').some((m) => m.subject.includes('Đơn đã được chuyển')), {
      what: 'the forward notice',
    });
    await keepHistory('forward-after-limit-local-writes', handle);
  });
});

test('when a denunciation is forwarded within the limit, then it is recorded as on time', async () => {
  await run('denunciation', async (handle, petitionId) => {
    await env.sleep('1 hour');
    await handle.executeUpdate(actionUpdate, {
      args: [{ action: 'forward', actor: officer(), toUnitId: org.otherCommuneId, reason: 'Không thuộc thẩm quyền' }],
    });
    const event = await db.prisma.petitionEvent.findFirstOrThrow({ where: { petitionId, type: 'forward' } });
    expect(event.data).toMatchObject({ forwardOnTime: true });
  });
});
