// E-mail to a colleague sent from a use case (not a workflow activity), with the same guarantee as the
// activities' send-mail-once: a Notification row keyed by what the mail is about is claimed before sending
// and marked after, so a retried request never sends it twice.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../platform/db/prisma';
import type { Mailer } from '../../platform/mail/mailer';

export interface StaffMail {
  key: string;
  template: string;
  petitionId: string;
  recipientId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type MailStatus = 'sent' | 'pending';

export async function sendStaffMailOnce(
  deps: { prisma: PrismaClient; mailer: Mailer },
  mail: StaffMail,
): Promise<MailStatus> {
  const row = await deps.prisma.notification.upsert({
    where: { key: mail.key },
    create: {
      key: mail.key,
      petitionId: mail.petitionId,
      template: mail.template,
      recipientId: mail.recipientId,
      toAddress: mail.to,
      subject: mail.subject,
      status: 'pending',
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
    },
    update: {},
  });
  if (row.status === 'sent') return 'sent';
  try {
    const info = await deps.mailer.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 32)}@danvan.local>`,
    });
    await deps.prisma.notification.update({
      where: { key: mail.key },
      data: {
        status: 'sent',
        messageId: info.messageId,
        sentAt: new Date(),
        attempts: { increment: 1 },
        lastError: null,
      },
    });
    return 'sent';
  } catch (error) {
    // Left pending with the reason: the same request repeated (same Idempotency-Key) sends it then.
    await deps.prisma.notification.update({
      where: { key: mail.key },
      data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message : String(error) },
    });
    return 'pending';
  }
}
