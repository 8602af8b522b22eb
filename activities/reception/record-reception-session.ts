import type { PrismaClient } from '../../src/platform/db/prisma';
import { writeKeyed } from '../shared/keyed-writes';
import type { RecordReceptionSessionInput } from './types';

/** Appends a session's event and brings its row up to the workflow's snapshot (created on the first write). */
export function makeRecordReceptionSession(deps: { prisma: PrismaClient }) {
  return async function recordReceptionSession(input: RecordReceptionSessionInput): Promise<void> {
    const s = input.snapshot;
    const row = {
      scheduleId: s.scheduleId,
      unitId: s.unitId,
      nominalDay: s.nominalDay,
      day: s.day,
      startsAt: new Date(s.startsAt),
      status: s.status,
      leaderId: s.leaderId,
      receivingLeaderId: s.receivingLeaderId,
      jointUnitIds: s.jointUnitIds,
      location: s.location,
      attendeeCount: s.attendeeCount,
      stateVersion: s.version,
    };
    await writeKeyed(deps.prisma, {
      eventExists: async (tx) => (await tx.receptionEvent.findUnique({ where: { key: input.key } })) !== null,
      updateReadModel: async (tx) => {
        await tx.receptionSession.upsert({
          where: { id: s.sessionId },
          create: { id: s.sessionId, ...row },
          update: {},
        });
        await tx.receptionSession.updateMany({
          where: { id: s.sessionId, stateVersion: { lte: s.version } },
          data: row,
        });
      },
      appendEvent: (tx) =>
        tx.receptionEvent.create({
          data: {
            key: input.key,
            sessionId: s.sessionId,
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
