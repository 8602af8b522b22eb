// send-mail-once against a real database: the claim is a lease, so a second attempt never sends while the
// first still talks to the relay, takes over only an expired lease, and flags what may have gone twice.
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { sendMailOnce, type MailOnce } from '../../activities/shared/send-mail-once';
import { MAIL_SEND } from '../../workflows/activity-options';
import { SEND_DEADLINE_MS, SMTP_TIMEOUTS, type Mailer, type OutgoingMail } from '../../src/platform/mail/mailer';
import { randomUUID } from 'node:crypto';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** A relay whose every send waits until the test lets it go. */
class HeldMailer implements Mailer {
  readonly delivered: OutgoingMail[] = [];
  private readonly waiting: (() => void)[] = [];
  send(mail: OutgoingMail): Promise<{ messageId: string }> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.delivered.push(mail);
        resolve({ messageId: mail.messageId });
      });
    });
  }
  get held(): number {
    return this.waiting.length;
  }
  releaseAll(): void {
    this.waiting.splice(0).forEach((go) => go());
  }
  close(): void {}
}

const mailFor = (key: string): MailOnce => ({
  key,
  template: 'acknowledgement',
  recipientId: null,
  loggedAddress: 'công dân',
  to: 'citizen@example.test',
  subject: 's',
  text: 't',
});
const until = async (probe: () => boolean) => {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
};

test('every SMTP timeout and the whole-send deadline end inside the send activity', () => {
  const startToCloseMs = 2 * 60_000;
  expect(MAIL_SEND.startToCloseTimeout).toBe('2 minutes');
  expect(MAIL_SEND.heartbeatTimeout).toBeDefined();
  expect(MAIL_SEND.retry?.maximumAttempts).toBeUndefined();
  expect(SEND_DEADLINE_MS).toBeLessThan(startToCloseMs);
  for (const ms of Object.values(SMTP_TIMEOUTS)) expect(ms).toBeLessThan(SEND_DEADLINE_MS);
});

test('when a second attempt comes while the first still waits on the relay, then it is refused the claim and the e-mail goes once', async () => {
  const mailer = new HeldMailer();
  const key = `k-${randomUUID()}`;
  const now = () => new Date();
  const first = sendMailOnce({ prisma: db.prisma, mailer, now }, mailFor(key));
  await until(() => mailer.held === 1);
  await expect(sendMailOnce({ prisma: db.prisma, mailer, now }, mailFor(key))).rejects.toMatchObject({
    type: 'MailClaimHeld',
  });
  mailer.releaseAll();
  await expect(first).resolves.toBe('sent');
  await expect(sendMailOnce({ prisma: db.prisma, mailer, now }, mailFor(key))).resolves.toBe('already-sent');
  expect(mailer.delivered).toHaveLength(1);
  const row = await db.prisma.notification.findUniqueOrThrow({ where: { key }, include: { attemptLog: true } });
  expect(row).toMatchObject({ status: 'sent', attempts: 1, possibleDuplicate: false, leaseUntil: null });
  expect(row.attemptLog.map((a) => a.outcome)).toEqual(['sent']);
});

test('when an attempt died mid-send, then the next one takes over only after the lease and flags a possible duplicate', async () => {
  const dead = new HeldMailer(); // never released: the worker that held it is gone
  const key = `k-${randomUUID()}`;
  const t0 = Date.now();
  const deadAttempt = sendMailOnce({ prisma: db.prisma, mailer: dead, now: () => new Date(t0) }, mailFor(key));
  await until(() => dead.held === 1);

  const relay = new HeldMailer();
  const soon = sendMailOnce({ prisma: db.prisma, mailer: relay, now: () => new Date(t0 + 60_000) }, mailFor(key));
  await expect(soon).rejects.toMatchObject({ type: 'MailClaimHeld' });
  expect(relay.held).toBe(0);

  const later = sendMailOnce({ prisma: db.prisma, mailer: relay, now: () => new Date(t0 + 3 * 60_000) }, mailFor(key));
  await until(() => relay.held === 1);
  relay.releaseAll();
  await expect(later).resolves.toBe('sent');
  const row = await db.prisma.notification.findUniqueOrThrow({
    where: { key },
    include: { attemptLog: { orderBy: { startedAt: 'asc' } } },
  });
  expect(row).toMatchObject({ status: 'sent', possibleDuplicate: true });
  expect(row.attemptLog.map((a) => a.outcome)).toEqual(['abandoned', 'sent']);
  dead.releaseAll(); // lets the test process end: its heartbeat timer stops with it
  await deadAttempt;
});
