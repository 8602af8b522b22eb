// The one shape of a workflow's write to the database: in one transaction, the event keyed by workflow id
// + step is appended and the read model brought up to the workflow's snapshot. A retry finds its event and
// writes nothing; the read model's version guard (`stateVersion <= version` in each caller's update) lets no
// late retry of an older snapshot overwrite a newer one.
import type { PrismaClient } from '../../src/platform/db/prisma';
import { isUniqueViolation } from '../../src/platform/db/prisma';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface KeyedWrite {
  /** Whether the event with this step's key is already there (a retry of a write that landed). */
  eventExists: (tx: Tx) => Promise<boolean>;
  /** Brings the read model up to the snapshot, guarded by its version. */
  updateReadModel: (tx: Tx) => Promise<unknown>;
  /** Writes the event under the step's key (a unique column). */
  appendEvent: (tx: Tx) => Promise<unknown>;
}

export async function writeKeyed(prisma: PrismaClient, write: KeyedWrite): Promise<{ written: boolean }> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await write.eventExists(tx)) return { written: false };
      // The read model first: an event may refer to a row this write creates (a reception session's first).
      await write.updateReadModel(tx);
      await write.appendEvent(tx);
      return { written: true };
    });
  } catch (error) {
    // Two attempts raced on the same key: the other one wrote it.
    if (isUniqueViolation(error)) return { written: false };
    throw error;
  }
}

/** An ISO string or null as the Date or null a column takes. */
export const dateOrNull = (iso: string | null): Date | null => (iso ? new Date(iso) : null);
