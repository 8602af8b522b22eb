// Counts what the mailer hands to SMTP and what fails, whatever transport sits behind it.
import type { Mailer } from './mail-types';
import { emailAttempts, emailFailures } from '../metrics/registry';

export function countedMailer(mailer: Mailer): Mailer {
  return {
    async send(mail) {
      emailAttempts.inc();
      try {
        return await mailer.send(mail);
      } catch (error) {
        emailFailures.inc();
        throw error;
      }
    },
    close: () => mailer.close(),
  };
}
