// Time-skipping tests of the petition workflow with its dependencies failing: the database down longer
// than the old retry budget, a relay that hangs, and mail down while a breach is due.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Context } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { SMTPServer } from 'smtp-server';
import { createActivities } from '../../activities';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';
import { registerPetition, type RegisterPetitionInput } from '../../src/petitions/petition-registration';
import { createSmtpMailer, type Mailer } from '../../src/platform/mail/mailer';
import { actionUpdate, snapshotQuery, type PetitionActionInput } from '../../workflows/petition/messages';
import { petitionWorkflow } from '../../workflows';
import { eventually, waitForIdle } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { TEST_IDENTITY_KEY } from '../support/keys';
import { CapturingMailer } from '../support/capturing-mailer';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', 'fixtures', 'policy-days.json'));
let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
});
afterEach(async () => {
  await testbed.terminateTracked();
});
afterAll(async () => {
  await testbed?.teardown();
});

type Acts = ReturnType<typeof createActivities>;

async function withWorker<T>(
  mailer: Mailer,
  override: (acts: Acts) => Acts,
  fn: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `q-${randomUUID()}`;
  const acts = createActivities({
    prisma: testbed.db.prisma,
    mailer,
    appUrl: 'http://danvan.test',
    identityKey: TEST_IDENTITY_KEY,
  });
  const worker = await Worker.create({
    connection: testbed.env.nativeConnection,
    taskQueue,
    workflowBundle: testbed.bundle,
    activities: override(acts),
  });
  return worker.runUntil(fn(taskQueue));
}

async function startPetition(taskQueue: string, overrides: Partial<RegisterPetitionInput> = {}) {
  const { env, db, org } = testbed;
  const registered = await registerPetition(
    db.prisma,
    policy,
    {
      kind: 'complaint',
      receivingUnitId: org.communeId,
      channel: 'post',
      field: 'land',
      subject: 'Tranh chấp ranh giới đất',
      body: 'Đề nghị xem xét lại.',
      receivedAt: new Date(await env.currentTimeMs()).toISOString(),
      petitioners: [{ fullName: 'Hoàng Văn Dân', phone: '0912345678' }],
      registeredById: org.officer.id,
      ...overrides,
    },
    { identityKey: TEST_IDENTITY_KEY },
  );
  const handle = await env.client.workflow.start(petitionWorkflow, {
    taskQueue,
    workflowId: registered.workflowId,
    args: [registered.workflowInput],
  });
  testbed.track(handle);
  return { ...registered, handle };
}

const act = (handle: Awaited<ReturnType<typeof startPetition>>['handle'], input: PetitionActionInput) =>
  handle.executeUpdate(actionUpdate, { args: [input] });
const eventTypes = async (petitionId: string) =>
  (await testbed.db.prisma.petitionEvent.findMany({ where: { petitionId }, orderBy: { at: 'asc' } })).map(
    (e) => e.type,
  );

test('when PostgreSQL is unreachable for 17 minutes, then the petition waits past the old 20-attempt budget and completes once it is back', async () => {
  const { env, org } = testbed;
  const backAt = (await env.currentTimeMs()) + 17 * 60_000;
  let attempts = 0;
  await withWorker(
    new CapturingMailer(),
    (acts) => ({
      ...acts,
      recordPetitionEvent: async (input) => {
        attempts = Math.max(attempts, Context.current().info.attempt);
        if ((await env.currentTimeMs()) < backAt) throw new Error("Can't reach database server at 127.0.0.1:5432");
        return acts.recordPetitionEvent(input);
      },
    }),
    async (taskQueue) => {
      const p = await startPetition(taskQueue);
      await env.sleep('20 minutes');
      await eventually(async () => (await eventTypes(p.petitionId)).includes('received'), {
        what: 'the received event after the outage',
      });
      expect(attempts).toBeGreaterThan(20);
      await act(p.handle, {
        action: 'refuse',
        actor: { personId: org.officer.id, roles: ['officer'] },
        reason: 'Không thuộc thẩm quyền',
      });
      const result = await p.handle.result();
      expect(result.stage).toBe('refused');
      expect(await eventTypes(p.petitionId)).toEqual(['received', 'refuse']);
    },
  );
});

test('when the relay hangs on the first e-mail, then the attempt gives up inside its timeout and the e-mail is delivered exactly once', async () => {
  const { db } = testbed;
  const delivered: string[] = [];
  let hung = 0;
  const relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      // The first conversation never gets an answer: a relay that is stuck.
      if (hung === 0) {
        hung += 1;
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        delivered.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.server.address() as AddressInfo).port;
  const mailer = createSmtpMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'danvan@example.test',
    sendDeadlineMs: 2_000,
  });
  try {
    await withWorker(
      mailer,
      (acts) => acts,
      async (taskQueue) => {
        const p = await startPetition(taskQueue, {
          petitioners: [{ fullName: 'Hoàng Văn Dân', email: 'citizen@example.test' }],
        });
        const row = await eventually(
          async () => {
            const n = await db.prisma.notification.findFirst({
              where: { petitionId: p.petitionId },
              include: { attemptLog: { orderBy: { startedAt: 'asc' } } },
            });
            return n?.status === 'sent' ? n : null;
          },
          { what: 'the acknowledgement to be sent', timeoutMs: 60_000 },
        );
        expect(hung).toBe(1);
        expect(delivered).toHaveLength(1);
        expect(row.attemptLog.map((a) => a.outcome)).toEqual(['failed-uncertain', 'sent']);
        // The relay's answer to the first attempt is unknown: the case history says the citizen may have two.
        expect(row.possibleDuplicate).toBe(true);
        expect(await eventTypes(p.petitionId)).toContain('mailPossibleDuplicate');
      },
    );
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  }
});

test('when mail is down while a breach is due, then the escalation is recorded on time and its e-mail goes later, once', async () => {
  const { env, db, org } = testbed;
  const mailer = new CapturingMailer();
  await withWorker(
    mailer,
    (acts) => acts,
    async (taskQueue) => {
      const p = await startPetition(taskQueue);
      await waitForIdle(p.handle);
      await act(p.handle, { action: 'accept', actor: { personId: org.officer.id, roles: ['officer'] } });
      await act(p.handle, {
        action: 'assign',
        actor: { personId: org.communeLeader.id, roles: ['leader'] },
        assigneeId: org.officer.id,
      });
      // Up the ladder with mail working, to the rung before the breach.
      for (;;) {
        const next = (await p.handle.query(snapshotQuery)).nextRung!;
        if (next.kind === 'escalation') break;
        await env.sleep(Date.parse(next.at) - (await env.currentTimeMs()) + 60_000);
        await waitForIdle(p.handle);
      }
      const breachAt = Date.parse((await p.handle.query(snapshotQuery)).nextRung!.at);
      mailer.failNext(1_000_000);
      // Just past the breach: the test server skips no time while an activity waits to retry.
      await env.sleep(breachAt - (await env.currentTimeMs()) + 1_000);

      const escalated = await eventually(
        () => db.prisma.petitionEvent.findFirst({ where: { petitionId: p.petitionId, type: 'escalated' } }),
        { what: 'the escalation while mail is down' },
      );
      expect(escalated.at.getTime()).toBeGreaterThanOrEqual(breachAt);
      expect(escalated.at.getTime()).toBeLessThan(breachAt + 60_000);
      expect((await db.prisma.petition.findUniqueOrThrow({ where: { id: p.petitionId } })).escalated).toBe(true);
      expect(mailer.to(org.provinceLeader.email)).toHaveLength(0);
      expect(mailer.attempts).toBeGreaterThan(0);

      mailer.failNext(0);
      await eventually(async () => mailer.to(org.provinceLeader.email).length > 0, {
        what: 'the escalation e-mail after mail is back',
        timeoutMs: 90_000,
      });
      await waitForIdle(p.handle);
      expect(mailer.to(org.provinceLeader.email)).toHaveLength(1);
      await keepHistory('escalation-while-mail-down', p.handle);
    },
  );
}, 180_000);
