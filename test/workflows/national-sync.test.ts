// The national sync (CSDL quốc gia về khiếu nại, tố cáo) on the time-skipping server against a local HTTPS
// receiver that is down when the first run starts, comes back, and loses one answer after storing the
// record: every record is delivered exactly once by Idempotency-Key (the raw receipts show the one resend),
// the run's report says what was sent, and a case changed later goes out as a new version on the next run,
// the only one sent then. No denouncer's identity reaches the receiver.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { nationalSyncWorkflow } from '../../workflows';
import { nationalSyncWorkflowId } from '../../workflows/national/messages';
import { ensureNationalSyncs } from '../../src/national/client';
import { sealIdentity } from '../../src/org/identity-seal';
import type { NationalSyncConfig } from '../../src/national/national-sync-config';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { startNationalReceiver, type NationalReceiver } from '../support/national-receiver';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

let testbed: WorkflowTestbed;
let receiver: NationalReceiver;

beforeAll(async () => {
  [testbed, receiver] = await Promise.all([
    startWorkflowTestbed(),
    startNationalReceiver(path.join(__dirname, '..', '..', 'schemas', 'national-record.v1.schema.json')),
  ]);
});
afterEach(async () => {
  await testbed.terminateTracked();
});
afterAll(async () => {
  await receiver?.stop();
  await testbed?.teardown();
});

const DENOUNCER = {
  fullName: 'Đỗ Giấu Tên',
  phone: '0988111222',
  email: 'giau.ten@example.test',
  address: 'Ngõ Kín 7',
};

async function registerCase(kind: 'complaint' | 'denunciation' | 'recommendation', n: number) {
  const { db, org } = testbed;
  const id = `nat-${kind}-${randomUUID().slice(0, 8)}`;
  const receivedAt = new Date(Date.now() - (10 - n) * 60_000);
  const sealed = kind === 'denunciation';
  await db.prisma.petition.create({
    data: {
      id,
      trackingCode: `T-${id}`,
      kind,
      channel: 'in_person',
      field: 'land',
      subject: `Vụ việc ${n}`,
      body: sealed ? `Tôi là ${DENOUNCER.fullName}, ${DENOUNCER.address}` : 'Nội dung đơn',
      receivingUnitId: n % 2 ? org.communeId : org.otherCommuneId,
      unitId: org.communeId,
      receivedAt,
      createdById: org.officer.id,
      workflowId: id,
      currentClock: 'triage',
      dueAt: new Date(receivedAt.getTime() + 10 * 86_400_000),
      petitioners: {
        create: sealed
          ? [{ position: 0, fullName: 'công dân', sealedIdentity: sealIdentity(TEST_IDENTITY_KEY, DENOUNCER) }]
          : [{ position: 0, fullName: `Công Dân ${n}`, address: `Thôn ${n}`, phone: '0900000000' }],
      },
      events: {
        create: [{ key: `${id}:e1`, type: 'received', stageTo: 'received', at: receivedAt }],
      },
    },
  });
  return id;
}

test('when the receiver is down, then back, losing one answer, then each record arrives once, and a changed case goes as a new version', async () => {
  const { env, db, org } = testbed;
  const ids = [
    await registerCase('complaint', 1),
    await registerCase('denunciation', 2),
    await registerCase('recommendation', 3),
  ];
  // A case of another province is not this sync's.
  const elsewhere = await db.prisma.unit.create({
    data: { id: `other-${randomUUID().slice(0, 6)}`, name: 'Tỉnh Khác', level: 'province', parentId: org.centralId },
  });
  const foreign = `nat-foreign-${randomUUID().slice(0, 8)}`;
  await db.prisma.petition.create({
    data: {
      id: foreign,
      trackingCode: `T-${foreign}`,
      kind: 'complaint',
      channel: 'post',
      field: 'land',
      subject: 'Ngoài tỉnh',
      body: '…',
      receivingUnitId: elsewhere.id,
      unitId: elsewhere.id,
      receivedAt: new Date(),
      createdById: org.officer.id,
      workflowId: foreign,
    },
  });

  const nationalSync: NationalSyncConfig = {
    url: receiver.url,
    token: receiver.token,
    caPem: receiver.caPem,
    intervalMinutes: 60,
    batchSize: 2,
    requestTimeoutMs: 3_000,
  };
  const taskQueue = `national-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer: new CapturingMailer(), nationalSync });
  await worker.runUntil(async () => {
    const workflowId = nationalSyncWorkflowId(org.provinceId);
    const handle = await env.client.workflow.start(nationalSyncWorkflow, {
      taskQueue,
      workflowId,
      args: [{ unitId: org.provinceId, intervalMinutes: 60, batchSize: 2, run: 1 }],
    });
    testbed.track(handle);

    // Down: the first pushes are retried, the run stays open.
    const retrying = await eventually(
      async () => {
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        return pending.some((a) => a.activityType?.name === 'pushNationalRecord' && (a.attempt ?? 0) >= 3) && pending;
      },
      { what: 'pushes retried while the receiver is down', timeoutMs: 60_000 },
    );
    expect(retrying.length).toBe(2);
    expect(receiver.raw).toHaveLength(0);
    const run1 = `${workflowId}:1`;
    expect((await db.prisma.nationalSyncRun.findUniqueOrThrow({ where: { id: run1 } })).finishedAt).toBeNull();

    // Back, but the answer to the first record stored is lost on the way: the sender must send it again.
    receiver.loseNextAnswer();
    await receiver.up();
    const report = await eventually(
      async () => {
        const run = await db.prisma.nationalSyncRun.findUniqueOrThrow({ where: { id: run1 } });
        return run.finishedAt && run;
      },
      { what: 'the first run to finish', timeoutMs: 90_000 },
    );
    expect(report.found).toBe(3);

    const keys = [...receiver.stored.keys()].sort();
    expect(keys).toEqual(ids.map((id) => `${id}:v1`).sort());
    // Raw receipts: each key once, except the one whose answer was lost, which came twice.
    const rawCounts = new Map<string, number>();
    for (const r of receiver.raw) rawCounts.set(r.idempotencyKey!, (rawCounts.get(r.idempotencyKey!) ?? 0) + 1);
    expect([...rawCounts.values()].sort()).toEqual([1, 1, 2]);
    expect(receiver.raw.filter((r) => r.status === 401 || r.status === 422)).toEqual([]);
    // Nothing of the denouncer reached the receiver.
    const sent = JSON.stringify([...receiver.stored.values()].map((r) => r.body));
    expect(Object.values(DENOUNCER).filter((v) => sent.includes(v))).toEqual([]);
    expect(sent).toContain('Công Dân 1'); // positive control: a complainant is named
    expect(sent).not.toContain(foreign);

    const deliveries = await db.prisma.nationalSyncDelivery.findMany({ where: { runId: run1 } });
    expect(deliveries.map((d) => d.idempotencyKey).sort()).toEqual(keys);
    expect(deliveries.every((d) => d.outcome === 'accepted')).toBe(true);
    expect(deliveries.some((d) => d.attempts > 1)).toBe(true);

    // A case changes; the next run (an hour later, on the workflow's durable timer) sends only it, as v2.
    await db.prisma.petition.update({ where: { id: ids[0] }, data: { stage: 'accepted', currentClock: 'resolution' } });
    await db.prisma.petitionEvent.create({
      data: {
        key: `${ids[0]}:e2`,
        petitionId: ids[0]!,
        type: 'accept',
        stageFrom: 'received',
        stageTo: 'accepted',
        at: new Date(),
      },
    });
    await waitForIdle(handle);
    const rawBefore = receiver.raw.length;
    await env.sleep('61 minutes');
    const run2 = `${workflowId}:2`;
    await eventually(async () => (await db.prisma.nationalSyncRun.findUnique({ where: { id: run2 } }))?.finishedAt, {
      what: 'the second run to finish',
      timeoutMs: 60_000,
    });
    expect(receiver.raw.slice(rawBefore).map((r) => r.idempotencyKey)).toEqual([`${ids[0]}:v2`]);
    expect(receiver.stored.get(`${ids[0]}:v2`)!.body).toMatchObject({ stage: 'accepted', recordVersion: 2 });
    expect(receiver.stored.size).toBe(4);
    const state = await db.prisma.nationalRecord.findMany({ where: { petitionId: { in: ids } } });
    expect(state.map((s) => [s.petitionId, s.version, s.sentVersion]).sort()).toEqual(
      [
        [ids[0], 2, 2],
        [ids[1], 1, 1],
        [ids[2], 1, 1],
      ].sort(),
    );
    expect(await db.prisma.nationalSyncRun.findUniqueOrThrow({ where: { id: run2 } })).toMatchObject({ found: 1 });
    // The first run's whole history (outage, resend, timer, continue-as-new) for the replay test.
    await keepHistory(
      'national-sync-receiver-outage',
      env.client.workflow.getHandle(workflowId, handle.firstExecutionRunId),
    );
  });
}, 240_000);

test('when the service ensures the syncs, then each province gets one, the central body none, and a second call starts nothing', async () => {
  const { env, db, org } = testbed;
  const deps = { prisma: db.prisma, temporal: env.client, taskQueue: `national-idle-${randomUUID()}` };
  const started = await ensureNationalSyncs(deps, { intervalMinutes: 60, batchSize: 5 });
  for (const id of started) testbed.track(env.client.workflow.getHandle(nationalSyncWorkflowId(id)));
  const provinces = await db.prisma.unit.findMany({ where: { level: 'province' }, select: { id: true } });
  expect(started.sort()).toEqual(provinces.map((p) => p.id).sort());
  expect(started).toContain(org.provinceId);
  expect(started).not.toContain(org.centralId);
  expect(await ensureNationalSyncs(deps, { intervalMinutes: 60, batchSize: 5 })).toEqual([]);
  // Run numbers go on after the runs already reported: no report row is reused.
  const described = await env.client.workflow.getHandle(nationalSyncWorkflowId(org.provinceId)).fetchHistory();
  const input = described.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  expect(input).toBeDefined();
  const reported = await db.prisma.nationalSyncRun.count({ where: { unitId: org.provinceId } });
  expect(JSON.parse(Buffer.from(input!.data!).toString('utf8'))).toMatchObject({
    unitId: org.provinceId,
    run: reported + 1,
  });
});
