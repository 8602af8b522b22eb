// The one way e-mail leaves the service: nodemailer over SMTP, to the local sink in development or to
// the relay in SMTP_URL in production.
import nodemailer from 'nodemailer';
import { countedMailer } from '../metrics/mail-metrics';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per notification key, so a relay or a reader can spot a duplicate. */
  messageId: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return countedMailer({
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, attachments: mail.attachments });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  });
}
