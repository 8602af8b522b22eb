// The stable Message-ID of a keyed e-mail: the same key gives the same id on every retry, so a relay or a
// reader recognises a resend, and the outbox traces a message back to the Notification row it was sent for.
import { createHash } from 'node:crypto';

export function messageIdForKey(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@danvan.local>`;
}
