// Đơn trùng in the workflow itself: the linkDuplicate Update closes a petition at triage with no clock of its
// own, records the link and tells the citizen where the matter is handled (or gives the legal answer).
// Its histories are kept for the replay test (`npm run histories:record`).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { registerPetition } from '../../src/petitions/petition-registration';
import { alreadyDecidedAnswer } from '../../src/domain/petition/duplicate-match';
import {
  actionUpdate,
  linkDuplicateUpdate,
  snapshotQuery,
  type LinkDuplicateInput,
} from '../../workflows/petition/messages';
import { petitionWorkflow } from '../../workflows';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { CapturingMailer } from '../support/capturing-mailer';
import type { TestOrg } from '../support/org';
import type { TestDatabase } from '../support/test-database';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', 'fixtures', 'policy-days.json'));

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

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `q-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer });
  return worker.runUntil(async () => {
    const result = await fn(taskQueue);
    await testbed.settleTracked();
    return result;
  });
}

async function startPetition(taskQueue: string, email: string, subject: string) {
  const registered = await registerPetition(
    db.prisma,
    policy,
    {
      kind: 'complaint',
      receivingUnitId: org.communeId,
      channel: 'post',
      field: 'land',
      subject,
      body: 'Đề nghị xem xét lại việc bồi thường.',
      receivedAt: new Date(await env.currentTimeMs()).toISOString(),
      petitioners: [{ fullName: 'Lý Văn Trùng', email }],
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
  return { ...registered, handle };
}

const officerActor = () => ({ personId: org.officer.id, roles: ['officer' as const] });

function linkTo(target: { petitionId: string; trackingCode: string }, extra: Partial<LinkDuplicateInput> = {}) {
  return {
    actor: officerActor(),
    duplicateOfId: target.petitionId,
    duplicateOfTrackingCode: target.trackingCode,
    handledByUnitId: org.communeId,
    handledByUnitName: 'Xã An Bình',
    decided: false,
    ...extra,
  } satisfies LinkDuplicateInput;
}

async function eventTypes(petitionId: string): Promise<string[]> {
  const events = await db.prisma.petitionEvent.findMany({ where: { petitionId }, orderBy: { at: 'asc' } });
  return events.map((e) => e.type);
}

test('when a petition is linked as a duplicate of an open case, then it closes with no clock, the link is recorded and the citizen is told where it is handled', async () => {
  await withWorker(async (taskQueue) => {
    const email = `trung.${randomUUID()}@example.test`;
    const open = await startPetition(taskQueue, email, 'Khiếu nại bồi thường đất thôn Tây');
    const again = await startPetition(taskQueue, email, 'Khieu nai boi thuong dat thon Tay');

    // Refused by the validator: nothing of it reaches the history.
    await expect(again.handle.executeUpdate(linkDuplicateUpdate, { args: [linkTo(again)] })).rejects.toBeInstanceOf(
      WorkflowUpdateFailedError,
    );

    const snapshot = await again.handle.executeUpdate(linkDuplicateUpdate, {
      args: [linkTo(open, { note: 'Cùng nội dung với hồ sơ đang giải quyết' })],
    });
    expect(snapshot).toMatchObject({ stage: 'closed', clock: null });
    await again.handle.result();

    // Closed at triage: a later action is refused as illegal in the stage.
    const other = await startPetition(taskQueue, email, 'Đơn thứ ba');
    await other.handle.executeUpdate(actionUpdate, { args: [{ action: 'accept', actor: officerActor() }] });
    const refused = other.handle.executeUpdate(linkDuplicateUpdate, { args: [linkTo(open)] });
    await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(refused).rejects.toHaveProperty('cause', expect.any(ApplicationFailure));
    expect((await other.handle.query(snapshotQuery)).stage).toBe('accepted');

    expect(await eventTypes(again.petitionId)).toEqual(['received', 'linkedDuplicate']);
    const row = await db.prisma.petition.findUniqueOrThrow({ where: { id: again.petitionId } });
    expect(row).toMatchObject({ duplicateOfId: open.petitionId, stage: 'closed', dueAt: null, currentClock: null });
    const told = await eventually(
      async () => mailer.to(email).find((m) => m.subject.includes(again.trackingCode) && /trùng/.test(m.subject)),
      { what: 'the duplicate notice' },
    );
    expect(told.text).toContain(open.trackingCode);
    expect(told.text).toContain('Xã An Bình');
    // No clock left: two months on, nothing reminds anyone of the linked petition.
    const aboutIt = () => mailer.sent.filter((m) => m.subject.includes(again.trackingCode)).length;
    const sentBefore = aboutIt();
    await env.sleep('60 days');
    expect(aboutIt()).toBe(sentBefore);
    await keepHistory('linked-duplicate', again.handle);
  });
});

test('when a petition repeats a matter already decided, then it closes with the legal answer and no new case', async () => {
  await withWorker(async (taskQueue) => {
    const email = `da.giai.quyet.${randomUUID()}@example.test`;
    const decided = await startPetition(taskQueue, email, 'Khiếu nại quyết định thu hồi đất');
    const again = await startPetition(taskQueue, email, 'Khiếu nại lại quyết định thu hồi đất');
    const answer = alreadyDecidedAnswer({ kind: 'complaint', round: 2 });
    const snapshot = await again.handle.executeUpdate(linkDuplicateUpdate, {
      args: [linkTo(decided, { decided: true, answer })],
    });
    expect(snapshot).toMatchObject({ stage: 'closed', clock: null });
    await again.handle.result();
    expect(await eventTypes(again.petitionId)).toEqual(['received', 'alreadyDecided']);
    const told = await eventually(
      async () =>
        mailer.to(email).find((m) => m.subject.includes(again.trackingCode) && /đã được giải quyết/.test(m.subject)),
      { what: 'the legal answer' },
    );
    expect(told.text).toContain(answer.vi);
    expect(told.text).toContain(answer.en);
    await keepHistory('already-decided-answer', again.handle);
  });
});
