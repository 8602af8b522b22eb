// A record that breaks the national schema never leaves: the sync checks each record before sending it,
// reports the one that fails as invalid with the place of its first fault, sends the others of the same
// batch, and does not offer the invalid version again until the case changes.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { nationalSyncWorkflow } from '../../workflows';
import { nationalSyncWorkflowId, syncNowSignal } from '../../workflows/national/messages';
import type { NationalSyncConfig } from '../../src/national/national-sync-config';
import { listSyncRuns } from '../../src/national/national-sync-reports';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually } from '../support/eventually';
import { startNationalReceiver, type NationalReceiver } from '../support/national-receiver';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

let testbed: WorkflowTestbed;
let receiver: NationalReceiver;

beforeAll(async () => {
  [testbed, receiver] = await Promise.all([
    startWorkflowTestbed(),
    startNationalReceiver(path.join(__dirname, '..', '..', 'schemas', 'national-record.v1.schema.json')),
  ]);
  await receiver.up();
});
afterEach(async () => {
  await testbed.terminateTracked();
});
afterAll(async () => {
  await receiver?.stop();
  await testbed?.teardown();
});

async function registerCase(n: number, overrides: { round?: number } = {}) {
  const { db, org } = testbed;
  const id = `nat-inv-${n}-${randomUUID().slice(0, 8)}`;
  const receivedAt = new Date(Date.now() - (10 - n) * 60_000);
  await db.prisma.petition.create({
    data: {
      id,
      trackingCode: `T-${id}`,
      kind: 'complaint',
      channel: 'post',
      field: 'land',
      subject: `Vụ việc ${n}`,
      body: 'Nội dung đơn',
      receivingUnitId: org.communeId,
      unitId: org.communeId,
      receivedAt,
      createdById: org.officer.id,
      workflowId: id,
      currentClock: 'triage',
      dueAt: new Date(receivedAt.getTime() + 10 * 86_400_000),
      ...overrides,
      petitioners: { create: [{ position: 0, fullName: `Công Dân ${n}` }] },
      events: { create: [{ key: `${id}:e1`, type: 'received', stageTo: 'received', at: receivedAt }] },
    },
  });
  return id;
}

test('when one record of a batch breaks the schema, then it is not sent, the run counts it invalid with the path of its first fault, and the others are sent', async () => {
  const { env, db, org } = testbed;
  const good1 = await registerCase(1);
  // A round the law does not have (schema: 1 or 2), as an import from an older register might bring.
  const bad = await registerCase(2, { round: 3 });
  const good2 = await registerCase(3);

  const nationalSync: NationalSyncConfig = {
    url: receiver.url,
    token: receiver.token,
    caPem: receiver.caPem,
    intervalMinutes: 60,
    batchSize: 10,
    requestTimeoutMs: 3_000,
  };
  const taskQueue = `national-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer: new CapturingMailer(), nationalSync });
  await worker.runUntil(async () => {
    const workflowId = nationalSyncWorkflowId(org.provinceId);
    const handle = await env.client.workflow.start(nationalSyncWorkflow, {
      taskQueue,
      workflowId,
      args: [{ unitId: org.provinceId, intervalMinutes: 60, batchSize: 10, run: 1 }],
    });
    testbed.track(handle);
    const run1 = `${workflowId}:1`;
    await eventually(async () => (await db.prisma.nationalSyncRun.findUnique({ where: { id: run1 } }))?.finishedAt, {
      what: 'the first run to finish',
      timeoutMs: 60_000,
    });

    expect([...receiver.stored.keys()].sort()).toEqual([`${good1}:v1`, `${good2}:v1`].sort());
    // Not sent at all: the receiver never saw the key, not even refused.
    expect(receiver.raw.map((r) => r.idempotencyKey)).not.toContain(`${bad}:v1`);
    const delivery = await db.prisma.nationalSyncDelivery.findUniqueOrThrow({ where: { idempotencyKey: `${bad}:v1` } });
    expect(delivery).toMatchObject({ runId: run1, outcome: 'invalid', httpStatus: 0, trackingCode: `T-${bad}` });
    expect(delivery.error).toMatch(/^\/round: must be <= 2$/);

    const [summary] = await listSyncRuns(
      db.prisma,
      {
        personId: org.supervisor.id,
        fullName: 'Thanh tra',
        unitId: org.provinceId,
        bindings: [{ role: 'supervisor', unitId: org.provinceId }],
      },
      { limit: 1 },
    );
    expect(summary).toMatchObject({ id: run1, found: 3, accepted: 2, rejected: 0, invalid: 1 });

    // Unchanged, it is not tried again; corrected, the new version goes out on the next run.
    await handle.signal(syncNowSignal);
    const run2 = `${workflowId}:2`;
    await eventually(async () => (await db.prisma.nationalSyncRun.findUnique({ where: { id: run2 } }))?.finishedAt, {
      what: 'the second run to finish',
      timeoutMs: 60_000,
    });
    expect(await db.prisma.nationalSyncDelivery.count({ where: { runId: run2 } })).toBe(0);
    await db.prisma.petition.update({ where: { id: bad }, data: { round: 2 } });
    await handle.signal(syncNowSignal);
    const run3 = `${workflowId}:3`;
    await eventually(async () => (await db.prisma.nationalSyncRun.findUnique({ where: { id: run3 } }))?.finishedAt, {
      what: 'the third run to finish',
      timeoutMs: 60_000,
    });
    expect(receiver.stored.get(`${bad}:v2`)?.body).toMatchObject({ round: 2, recordVersion: 2 });
  });
});
