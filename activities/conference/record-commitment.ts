import type { PrismaClient } from '../../src/platform/db/prisma';
import { dateOrNull, writeKeyed } from '../shared/keyed-writes';
import type { RecordCommitmentInput } from './types';

/** Appends a commitment's event and brings its row up to the workflow's snapshot. */
export function makeRecordCommitment(deps: { prisma: PrismaClient }) {
  return async function recordCommitment(input: RecordCommitmentInput): Promise<void> {
    const f = input.fields;
    await writeKeyed(deps.prisma, {
      eventExists: async (tx) => (await tx.commitmentEvent.findUnique({ where: { key: input.key } })) !== null,
      updateReadModel: (tx) =>
        tx.commitment.updateMany({
          where: { id: input.commitmentId, stateVersion: { lte: input.version } },
          data: {
            status: f.status,
            progress: f.progress,
            escalated: f.escalated,
            fulfilledAt: dateOrNull(f.fulfilledAt),
            stateVersion: input.version,
          },
        }),
      appendEvent: (tx) =>
        tx.commitmentEvent.create({
          data: {
            key: input.key,
            commitmentId: input.commitmentId,
            type: input.event.type,
            actorId: input.event.actorId ?? null,
            note: input.event.note ?? null,
            data: (input.event.data ?? undefined) as never,
            at: new Date(input.at),
          },
        }),
    });
  };
}
