// The rows of case files as the national record is made from them (national-record.ts). Only the columns
// a record uses are read: contacts, the letter's text, notes and documents never leave the database.
import type { PrismaClient } from '../platform/db/prisma';
import type { NationalCaseFile } from './national-record';

const UNIT = { select: { id: true, name: true, level: true } } as const;
const CODE = { select: { trackingCode: true } } as const;

export async function loadCaseFiles(prisma: PrismaClient, petitionIds: string[]): Promise<NationalCaseFile[]> {
  if (petitionIds.length === 0) return [];
  const rows = await prisma.petition.findMany({
    where: { id: { in: petitionIds } },
    select: {
      id: true,
      trackingCode: true,
      kind: true,
      round: true,
      channel: true,
      field: true,
      subject: true,
      isMass: true,
      receivedAt: true,
      stage: true,
      closedAt: true,
      currentClock: true,
      dueAt: true,
      escalated: true,
      receivingUnit: UNIT,
      unit: UNIT,
      petitioners: {
        select: { position: true, fullName: true, address: true, isRepresentative: true, sealedIdentity: true },
        orderBy: { position: 'asc' },
      },
      events: {
        select: { type: true, at: true, stageFrom: true, stageTo: true, note: true, data: true },
        orderBy: [{ at: 'asc' }, { recordedAt: 'asc' }],
      },
      appealOf: CODE,
      appeals: CODE,
      duplicateOf: CODE,
    },
  });
  return rows;
}
