// The one way e-mail leaves the service: nodemailer over SMTP, to the local sink in development or to
// the relay in SMTP_URL in production.
import nodemailer from 'nodemailer';
import { countedMailer } from './counted-mailer';
import type { Mailer } from './mail-types';

export type { Mailer, OutgoingMail } from './mail-types';

/**
 * Every wait on the relay ends well inside the send activity's 2-minute startToCloseTimeout
 * (workflows/activity-options.ts: MAIL_SEND). Nodemailer's defaults (2 min to connect, 10 min of socket
 * silence) outlived the activity, so Temporal retried while the first attempt still waited, and the
 * relay got the e-mail twice. `SEND_DEADLINE_MS` caps one whole send whatever the relay does: the abort
 * signal closes the connection, so an attempt that gave up cannot complete the message later.
 */
export const SMTP_TIMEOUTS = {
  dnsTimeout: 10_000,
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 45_000,
} as const;
export const SEND_DEADLINE_MS = 90_000;

export function createSmtpMailer(options: {
  smtpUrl: string;
  from: string;
  timeouts?: Partial<typeof SMTP_TIMEOUTS>;
  sendDeadlineMs?: number;
}): Mailer {
  const transport = nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS, ...options.timeouts });
  const deadlineMs = options.sendDeadlineMs ?? SEND_DEADLINE_MS;
  return countedMailer({
    async send(mail) {
      const signal = AbortSignal.timeout(deadlineMs);
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments,
        signal,
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  });
}
