// The sync's bookkeeping in PostgreSQL: which cases have a new record version, which version the receiver
// holds, and the report of each run. Every write is keyed (the run id, the petition, the Idempotency-Key),
// so an activity retried after its write landed changes nothing.
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db/prisma';
import { isUniqueViolation } from '../platform/db/prisma';
import { UnitTree } from '../org/access';
import { loadCaseFiles } from './case-file-loader';
import {
  contentHashOf,
  toNationalRecordContent,
  type NationalRecord,
  type NationalRecordContent,
} from './national-record';

export interface PendingRecord {
  petitionId: string;
  version: number;
}

export interface PreparedBatch {
  /** Record versions the receiver does not have yet (at most the batch size). */
  pending: PendingRecord[];
  /** More candidates or pending records remain after this batch. */
  more: boolean;
}

/** The units whose received cases a province's sync sends: the province and every unit below it. */
export async function scopeOf(prisma: PrismaClient, unitId: string): Promise<string[]> {
  return (await UnitTree.load(prisma)).subtreeOf(unitId);
}

/** Opens the run's report row; a retry finds it. */
export async function openRun(prisma: PrismaClient, runId: string, unitId: string, now: Date): Promise<void> {
  await prisma.nationalSyncRun.upsert({
    where: { id: runId },
    create: { id: runId, unitId, startedAt: now },
    update: {},
  });
}

/**
 * Compares up to `limit` candidate cases with their records — new cases, and cases changed since they were
 * last compared (the case itself, its events, an appeal or a duplicate filed against it) — and makes a new
 * version of each record whose content hash differs. Then lists the versions the receiver does not have.
 */
export async function prepareBatch(
  prisma: PrismaClient,
  input: { runId: string; unitId: string; limit: number; now: Date },
): Promise<PreparedBatch> {
  const units = await scopeOf(prisma, input.unitId);
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Petition" p
    LEFT JOIN "NationalRecord" r ON r."petitionId" = p.id
    WHERE p."receivingUnitId" IN (${Prisma.join(units)})
      AND (r."petitionId" IS NULL
        OR p."updatedAt" > r."checkedAt"
        OR EXISTS (SELECT 1 FROM "PetitionEvent" e WHERE e."petitionId" = p.id AND e."recordedAt" > r."checkedAt")
        OR EXISTS (SELECT 1 FROM "Petition" c
                   WHERE (c."appealOfId" = p.id OR c."duplicateOfId" = p.id) AND c."updatedAt" > r."checkedAt"))
    ORDER BY p."receivedAt", p.id
    LIMIT ${input.limit + 1}`;
  const checking = candidates.slice(0, input.limit).map((c) => c.id);
  for (const file of await loadCaseFiles(prisma, checking)) {
    await saveVersion(prisma, input, toNationalRecordContent(file));
  }
  const pending = await prisma.$queryRaw<PendingRecord[]>`
    SELECT r."petitionId", r.version FROM "NationalRecord" r
    WHERE r."scopeUnitId" = ${input.unitId}
      AND (r."sentVersion" IS NULL OR r."sentVersion" < r.version)
      AND (r."rejectedVersion" IS NULL OR r."rejectedVersion" < r.version)
    ORDER BY r."updatedAt", r."petitionId"
    LIMIT ${input.limit + 1}`;
  return {
    pending: pending.slice(0, input.limit),
    more: candidates.length > input.limit || pending.length > input.limit,
  };
}

/** A new version when the content changed; the run that made it counts it as found. */
async function saveVersion(
  prisma: PrismaClient,
  input: { runId: string; unitId: string; now: Date },
  content: NationalRecordContent,
): Promise<void> {
  const contentHash = contentHashOf(content);
  const payload = content as unknown as Prisma.InputJsonValue;
  try {
    await prisma.$transaction(async (tx) => {
      const row = await tx.nationalRecord.findUnique({ where: { petitionId: content.recordId } });
      if (row && row.contentHash === contentHash) {
        await tx.nationalRecord.update({ where: { petitionId: row.petitionId }, data: { checkedAt: input.now } });
        return;
      }
      if (row) {
        // The version guard: a concurrent attempt that already bumped it makes this one a no-op.
        const bumped = await tx.nationalRecord.updateMany({
          where: { petitionId: row.petitionId, version: row.version },
          data: { version: row.version + 1, contentHash, payload, checkedAt: input.now },
        });
        if (bumped.count === 0) return;
      } else {
        await tx.nationalRecord.create({
          data: {
            petitionId: content.recordId,
            scopeUnitId: input.unitId,
            version: 1,
            contentHash,
            payload,
            checkedAt: input.now,
          },
        });
      }
      await tx.nationalSyncRun.update({ where: { id: input.runId }, data: { found: { increment: 1 } } });
    });
  } catch (error) {
    // Two attempts created the first version at once: the other one counted it.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** The record to send for a pending version, or null when the receiver already has it or a newer one. */
export async function recordToSend(
  prisma: PrismaClient,
  petitionId: string,
): Promise<{ record: NationalRecord; contentHash: string } | null> {
  const row = await prisma.nationalRecord.findUnique({ where: { petitionId } });
  if (!row || (row.sentVersion ?? 0) >= row.version) return null;
  // Always the latest version: one made since the workflow listed this case replaces the older one.
  return {
    record: { ...(row.payload as unknown as NationalRecordContent), recordVersion: row.version },
    contentHash: row.contentHash,
  };
}

export interface DeliveryAnswer {
  runId: string;
  idempotencyKey: string;
  record: NationalRecord;
  contentHash: string;
  /** `invalid`: it broke the schema and was never sent (httpStatus 0, error: the path of the first fault). */
  outcome: 'accepted' | 'rejected' | 'invalid';
  httpStatus: number;
  attempts: number;
  error?: string;
  at: Date;
}

/**
 * Writes the receiver's answer (or the schema's refusal) once per Idempotency-Key, and moves the record's
 * sent version, or its rejected one: a refused or invalid version is not offered again until it changes.
 */
export async function recordDelivery(prisma: PrismaClient, answer: DeliveryAnswer): Promise<{ written: boolean }> {
  const { record } = answer;
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.nationalSyncDelivery.findUnique({ where: { idempotencyKey: answer.idempotencyKey } });
      if (existing) return { written: false };
      await tx.nationalSyncDelivery.create({
        data: {
          idempotencyKey: answer.idempotencyKey,
          runId: answer.runId,
          petitionId: record.recordId,
          trackingCode: record.trackingCode,
          version: record.recordVersion,
          contentHash: answer.contentHash,
          outcome: answer.outcome,
          httpStatus: answer.httpStatus,
          attempts: answer.attempts,
          error: answer.error ?? null,
          deliveredAt: answer.at,
        },
      });
      const older = { petitionId: record.recordId };
      if (answer.outcome === 'accepted')
        await tx.nationalRecord.updateMany({
          where: { ...older, OR: [{ sentVersion: null }, { sentVersion: { lt: record.recordVersion } }] },
          data: { sentVersion: record.recordVersion, sentAt: answer.at },
        });
      else await tx.nationalRecord.updateMany({ where: older, data: { rejectedVersion: record.recordVersion } });
      return { written: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { written: false };
    throw error;
  }
}

/** Closes the run's report; a retry keeps the first closing time. */
export async function closeRun(prisma: PrismaClient, runId: string, now: Date): Promise<RunSummary> {
  await prisma.nationalSyncRun.updateMany({ where: { id: runId, finishedAt: null }, data: { finishedAt: now } });
  const run = await prisma.nationalSyncRun.findUniqueOrThrow({ where: { id: runId } });
  return summarise(prisma, run);
}

export interface RunSummary {
  id: string;
  unitId: string;
  startedAt: string;
  finishedAt: string | null;
  found: number;
  accepted: number;
  rejected: number;
  /** Record versions that broke the schema and were not sent (see each delivery's error for where). */
  invalid: number;
  /** Deliveries that took more than one attempt (the receiver down, slow or failing first). */
  retried: number;
}

export async function summarise(
  prisma: PrismaClient,
  run: { id: string; unitId: string; startedAt: Date; finishedAt: Date | null; found: number },
): Promise<RunSummary> {
  const rows = await prisma.nationalSyncDelivery.groupBy({
    by: ['outcome'],
    where: { runId: run.id },
    _count: { _all: true },
  });
  const retried = await prisma.nationalSyncDelivery.count({ where: { runId: run.id, attempts: { gt: 1 } } });
  const count = (outcome: string) => rows.find((r) => r.outcome === outcome)?._count._all ?? 0;
  return {
    id: run.id,
    unitId: run.unitId,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    found: run.found,
    accepted: count('accepted'),
    rejected: count('rejected'),
    invalid: count('invalid'),
    retried,
  };
}
