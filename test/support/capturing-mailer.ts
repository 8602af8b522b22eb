import type { Mailer, OutgoingMail } from '../../src/platform/mail/mailer';

/** Records what would go out; can be told to fail the next N sends (a relay that is down). */
export class CapturingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  attempts = 0;
  private failuresLeft = 0;
  private failing: { matches: (mail: OutgoingMail) => boolean; left: number } | null = null;

  failNext(count: number): void {
    this.failuresLeft = count;
  }

  /** Fails the next `count` sends of mails that match only, so mail sent meanwhile by workflows goes through. */
  failNextMatching(matches: (mail: OutgoingMail) => boolean, count: number): void {
    this.failing = { matches, left: count };
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    this.attempts += 1;
    if (this.failing && this.failing.left > 0 && this.failing.matches(mail)) {
      this.failing.left -= 1;
      throw new Error('421 relay temporarily unavailable');
    }
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('421 relay temporarily unavailable');
    }
    this.sent.push(mail);
    return { messageId: mail.messageId };
  }

  to(address: string): OutgoingMail[] {
    return this.sent.filter((m) => m.to === address);
  }

  close(): void {}
}
