// The one way activities send e-mail. A Notification row keyed by workflow step + recipient is claimed
// before sending and marked after, so a retried activity skips what already went out. The claim is a
// lease that lasts until the claiming attempt's deadline: a second attempt (a retry after a timeout, or
// after a worker crash) takes it over only once it has expired, and by then the first attempt has ended
// its SMTP conversation (every SMTP timeout is inside the activity's). What cannot be known — the relay
// accepted and the worker died before the mark — is written down: each attempt's outcome is a
// NotificationAttempt row, a send after an attempt that ended unknown sets `possibleDuplicate`, and a
// petition's history shows it. The stable Message-ID lets the relay or reader recognise the duplicate.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { PrismaClient } from '../../src/platform/db/prisma';
import { messageIdForKey } from '../../src/platform/mail/message-id';
import type { Mailer, OutgoingMail } from '../../src/platform/mail/mailer';

export interface MailOnce {
  key: string;
  template: string;
  petitionId?: string;
  recipientId: string | null;
  /** What the notification log keeps as the address: "công dân …" for citizens, never their address. */
  loggedAddress: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: OutgoingMail['attachments'];
  /**
   * Set for a sealed denouncer: the copy of what was sent, already encrypted; the text and HTML are then
   * not kept in plain columns (Luật Tố cáo 2018, Đ.47).
   */
  sealedCopy?: string;
  /** The unit's wording the letter was rendered from, when not the built-in one. */
  letterTemplate?: { id: string; version: number };
}

export interface MailOnceDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  now: () => Date;
}

/** Outside an activity (a script, a test calling the function) a lease lasts this long. */
const DEFAULT_LEASE_MS = 2 * 60_000;
/** Clocks of workers and database differ a little: a lease is held a little past the attempt's deadline. */
const LEASE_MARGIN_MS = 10_000;
/** Heartbeats while the relay is talked to, well inside MAIL_SEND's heartbeatTimeout. */
const HEARTBEAT_EVERY_MS = 5_000;

interface Attempt {
  owner: string;
  number: number;
  leaseMs: number;
  heartbeat: () => void;
}

function currentAttempt(): Attempt {
  try {
    const ctx = Context.current();
    const { info } = ctx;
    return {
      owner: `${info.workflowExecution?.runId ?? 'standalone'}/${info.activityId}#${info.attempt}`,
      number: info.attempt,
      leaseMs: (info.startToCloseTimeoutMs || DEFAULT_LEASE_MS) + LEASE_MARGIN_MS,
      heartbeat: () => ctx.heartbeat(),
    };
  } catch {
    return { owner: `direct/${randomUUID()}#1`, number: 1, leaseMs: DEFAULT_LEASE_MS, heartbeat: () => undefined };
  }
}

export async function sendMailOnce(deps: MailOnceDeps, mail: MailOnce): Promise<'sent' | 'already-sent'> {
  const { prisma } = deps;
  const attempt = currentAttempt();
  attempt.heartbeat();
  const row = await prisma.notification.upsert({
    where: { key: mail.key },
    create: {
      key: mail.key,
      petitionId: mail.petitionId ?? null,
      template: mail.template,
      recipientId: mail.recipientId,
      toAddress: mail.loggedAddress,
      subject: mail.subject,
      status: 'pending',
    },
    update: {},
  });
  if (row.status === 'sent') return 'already-sent';

  const now = deps.now();
  const claimed = await prisma.notification.updateMany({
    where: {
      key: mail.key,
      status: { not: 'sent' },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }, { leaseOwner: attempt.owner }],
    },
    data: {
      status: 'sending',
      leaseOwner: attempt.owner,
      leaseUntil: new Date(now.getTime() + attempt.leaseMs),
      // The claiming attempt's rendering is what it sends: a retry after a template edit records its own.
      ...storedCopy(mail),
    },
  });
  if (claimed.count === 0) {
    const current = await prisma.notification.findUniqueOrThrow({ where: { key: mail.key } });
    if (current.status === 'sent') return 'already-sent';
    // Another attempt still holds the claim and may be talking to the relay: wait for its lease to end.
    throw ApplicationFailure.create({
      type: 'MailClaimHeld',
      message: `another attempt holds the e-mail until ${current.leaseUntil?.toISOString()}`,
      nextRetryDelay: Math.max(1_000, (current.leaseUntil?.getTime() ?? 0) - now.getTime()),
    });
  }
  // Attempts that claimed before us and never said how they ended died mid-send: the relay may have the e-mail.
  // A row no attempt had claimed when we read it has no attempts to look at (an attempt row is written only
  // after a claim, and a claim is held for minutes): the common first send skips both statements.
  const claimedBefore = row.leaseOwner !== null;
  const abandoned = claimedBefore
    ? await prisma.notificationAttempt.updateMany({
        where: { notificationKey: mail.key, outcome: 'sending', owner: { not: attempt.owner } },
        data: { outcome: 'abandoned', endedAt: now },
      })
    : { count: 0 };
  const uncertainBefore =
    abandoned.count > 0 ||
    (claimedBefore &&
      (await prisma.notificationAttempt.count({
        where: { notificationKey: mail.key, outcome: { in: ['abandoned', 'failed-uncertain'] } },
      })) > 0);
  const attemptRow = await prisma.notificationAttempt.create({
    data: {
      notificationKey: mail.key,
      owner: attempt.owner,
      attempt: attempt.number,
      startedAt: now,
      outcome: 'sending',
    },
  });

  const beat = setInterval(attempt.heartbeat, HEARTBEAT_EVERY_MS);
  let info: { messageId: string };
  try {
    info = await deps.mailer.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
      messageId: messageIdOf(mail.key),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const outcome = mayHaveBeenDelivered(error) ? 'failed-uncertain' : 'failed';
    // The attempt is over, so its lease ends now and the next attempt need not wait for it.
    await prisma.notificationAttempt.update({
      where: { id: attemptRow.id },
      data: { outcome, endedAt: deps.now(), error: reason },
    });
    await prisma.notification.update({
      where: { key: mail.key },
      data: { status: 'pending', attempts: { increment: 1 }, lastError: reason, leaseUntil: null },
    });
    warn('e-mail not sent; will retry', { template: mail.template, reason });
    throw error;
  } finally {
    clearInterval(beat);
  }
  // The relay has it. The mark, the attempt's outcome and (after an attempt that ended unknown) the case
  // event are one transaction: should it fail, the attempt row stays "sending", the lease runs out, and the
  // next attempt resends and flags it — never a sent notification without its attempt or its warning.
  const sentAt = deps.now();
  await prisma.$transaction([
    prisma.notification.update({
      where: { key: mail.key },
      data: {
        status: 'sent',
        messageId: info.messageId,
        sentAt,
        attempts: { increment: 1 },
        lastError: null,
        leaseUntil: null,
        possibleDuplicate: uncertainBefore,
      },
    }),
    prisma.notificationAttempt.update({ where: { id: attemptRow.id }, data: { outcome: 'sent', endedAt: sentAt } }),
    ...(uncertainBefore && mail.petitionId ? [recordPossibleDuplicate(prisma, mail, sentAt)] : []),
  ]);
  if (uncertainBefore)
    warn('e-mail sent after an attempt that ended unknown: it may have gone twice', {
      template: mail.template,
      key: mail.key,
    });
  return 'sent';
}

function storedCopy(mail: MailOnce) {
  const sealed = mail.sealedCopy !== undefined;
  return {
    bodyText: sealed ? null : mail.text,
    bodyHtml: sealed ? null : (mail.html ?? null),
    sealedBody: mail.sealedCopy ?? null,
    letterTemplateId: mail.letterTemplate?.id ?? null,
    letterTemplateVersion: mail.letterTemplate?.version ?? null,
  };
}

/** The activity's logger; outside an activity (a script, a test) there is none and nothing is logged. */
function warn(message: string, attrs: Record<string, unknown>): void {
  try {
    Context.current();
  } catch {
    return;
  }
  log.warn(message, attrs);
}

/** Stable per key: the same notification carries the same Message-ID on every attempt (the outbox traces it back). */
export const messageIdOf = messageIdForKey;

/**
 * A failure after the message body went out (a timeout waiting for the relay's answer to the final dot,
 * or our own deadline) leaves the relay's decision unknown; a refused connection or command does not.
 */
function mayHaveBeenDelivered(error: unknown): boolean {
  const e = error as { code?: string; command?: string; name?: string };
  if (e?.name === 'AbortError' || e?.code === 'ABORT_ERR') return true;
  return e?.code === 'ETIMEDOUT' && e.command !== 'CONN';
}

/** The case history says so, without the address: officers see that a citizen may have two copies. */
function recordPossibleDuplicate(prisma: PrismaClient, mail: MailOnce, at: Date) {
  return prisma.petitionEvent.upsert({
    where: { key: `${mail.key}:possible-duplicate` },
    create: {
      key: `${mail.key}:possible-duplicate`,
      petitionId: mail.petitionId!,
      type: 'mailPossibleDuplicate',
      note: 'an earlier attempt ended without a known outcome; the e-mail may have gone twice',
      data: { template: mail.template },
      at,
    },
    update: {},
  });
}
