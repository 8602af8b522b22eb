// The one way activities send e-mail: a Notification row keyed by workflow step + recipient is claimed
// before sending and marked after, so a retried activity skips what already went out. (A crash between
// the SMTP accept and the mark could still resend once; the stable Message-ID lets the relay or reader
// recognise it.)
import { createHash } from 'node:crypto';
import { log } from '@temporalio/activity';
import type { PrismaClient } from '../../src/platform/db/prisma';
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
  attachments?: OutgoingMail['attachments'];
}

export async function sendMailOnce(deps: { prisma: PrismaClient; mailer: Mailer }, mail: MailOnce): Promise<'sent' | 'already-sent'> {
  const row = await deps.prisma.notification.upsert({
    where: { key: mail.key },
    create: { key: mail.key, petitionId: mail.petitionId ?? null, template: mail.template, recipientId: mail.recipientId, toAddress: mail.loggedAddress, subject: mail.subject, status: 'pending' },
    update: {},
  });
  if (row.status === 'sent') return 'already-sent';
  try {
    const info = await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments, messageId: `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 32)}@danvan.local>` });
    await deps.prisma.notification.update({ where: { key: mail.key }, data: { status: 'sent', messageId: info.messageId, sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.prisma.notification.update({ where: { key: mail.key }, data: { attempts: { increment: 1 }, lastError: reason } });
    log.warn('e-mail not sent; will retry', { template: mail.template, reason });
    throw error;
  }
}
