import type { PrismaClient } from '../../src/platform/db/prisma';
import { dateOrNull, writeKeyed } from '../shared/keyed-writes';
import type { RecordConferenceInput } from './types';

/** Appends a conference's event and brings its row up to the workflow's snapshot. */
export function makeRecordConference(deps: { prisma: PrismaClient }) {
  return async function recordConference(input: RecordConferenceInput): Promise<void> {
    const f = input.fields;
    await writeKeyed(deps.prisma, {
      eventExists: async (tx) => (await tx.conferenceEvent.findUnique({ where: { key: input.key } })) !== null,
      updateReadModel: (tx) =>
        tx.conference.updateMany({
          where: { id: input.conferenceId, stateVersion: { lte: input.version } },
          data: {
            status: f.status,
            attendeeCount: f.attendeeCount,
            heldAt: dateOrNull(f.heldAt),
            resultsDueAt: dateOrNull(f.resultsDueAt),
            publishedAt: dateOrNull(f.publishedAt),
            stateVersion: input.version,
          },
        }),
      appendEvent: (tx) =>
        tx.conferenceEvent.create({
          data: {
            key: input.key,
            conferenceId: input.conferenceId,
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
