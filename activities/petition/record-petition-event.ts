import type { PrismaClient } from '../../src/platform/db/prisma';
import { isTerminal } from '../../src/domain/petition/petition-stages';
import type { PetitionSnapshot } from '../../workflows/petition/messages';
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';
import { writeKeyed } from '../shared/keyed-writes';

export interface RecordPetitionEventInput {
  /** workflowId + event sequence: a retried activity finds its row and writes nothing new. */
  key: string;
  petitionId: string;
  type: string;
  actorId?: string;
  actorRole?: string;
  stageFrom?: string;
  stageTo?: string;
  note?: string;
  data?: Record<string, unknown>;
  /** resolve: the resolution's written record, kept beside the event it belongs to. */
  resolution?: ResolutionDecision;
  at: string;
  snapshot: PetitionSnapshot;
}

/** Appends one entry to the petition's audit trail and brings the read model up to the snapshot. */
export function makeRecordPetitionEvent(deps: { prisma: PrismaClient }) {
  return async function recordPetitionEvent(input: RecordPetitionEventInput): Promise<{ written: boolean }> {
    const s = input.snapshot;
    return writeKeyed(deps.prisma, {
      eventExists: async (tx) =>
        (await tx.petitionEvent.findUnique({ where: { key: input.key }, select: { id: true } })) !== null,
      appendEvent: async (tx) => {
        const event = await tx.petitionEvent.create({
          data: {
            key: input.key,
            petitionId: input.petitionId,
            type: input.type,
            actorId: input.actorId ?? null,
            actorRole: input.actorRole ?? null,
            stageFrom: input.stageFrom ?? null,
            stageTo: input.stageTo ?? null,
            note: input.note ?? null,
            data: (input.data ?? undefined) as object | undefined,
            at: new Date(input.at),
          },
        });
        // In the event's transaction: a retry that finds the event finds its record too.
        if (input.resolution)
          await tx.petitionResolution.create({
            data: {
              eventId: event.id,
              petitionId: input.petitionId,
              number: input.resolution.number.trim(),
              date: new Date(`${input.resolution.date}T00:00:00.000Z`),
              signer: input.resolution.signer.trim(),
              signerTitle: input.resolution.signerTitle.trim(),
            },
          });
      },
      // `lte`: reminders keep the version but move the next rung; an older snapshot never wins.
      updateReadModel: (tx) =>
        tx.petition.updateMany({
          where: { id: input.petitionId, stateVersion: { lte: s.version } },
          data: {
            stage: s.stage,
            unitId: s.unitId,
            assigneeId: s.assigneeId,
            forwardCount: s.forwardCount,
            escalated: s.escalated,
            currentClock: s.clock?.name ?? null,
            dueAt: s.clock ? new Date(s.clock.dueAt) : null,
            nextReminderAt: s.nextRung ? new Date(s.nextRung.at) : null,
            stateVersion: s.version,
            closedAt: isTerminal(s.stage) ? new Date(input.at) : null,
            ...(s.duplicateOfId ? { duplicateOfId: s.duplicateOfId } : {}),
          },
        }),
    });
  };
}
