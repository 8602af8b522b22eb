import type { PetitionServiceDeps } from '../petitions/petitions';
import type { BlobStore } from '../platform/blob/blob-store';
import type { Mailer } from '../platform/mail/mailer';
import type { OutboxStore } from '../platform/runtime/smtp-sink';
import type { ReceptionPolicy } from '../reception/reception-obligations';

/** What the console's pages need: the same dependencies the JSON API's use cases get. */
export interface ConsoleDeps extends PetitionServiceDeps {
  sessionTtlMs: number;
  outbox: OutboxStore | null;
  receptionPolicy: ReceptionPolicy;
  /** After an admin saves a year's calendar: open petitions re-arm their timers (as after PUT /calendar). */
  onCalendarChanged?: (year: number) => Promise<void>;
  /** Signs CSRF tokens; random per process when not given (a restart asks forms to be reloaded). */
  csrfKey?: Buffer;
  /** The case file's documents and notes, as the API's routes get them (AppDeps.caseFile). */
  caseFile: { blobStore: BlobStore; documentMaxBytes: number; mailer: Mailer; appUrl: string };
}
