// Writes a new petition and its petitioners in one transaction and returns what the workflow needs.
// Personal data stays here; the workflow input carries ids and flags only.
import { randomUUID } from 'node:crypto';
import { subjectWords } from '../domain/conference/hot-spot';
import type { PrismaClient } from '../platform/db/prisma';
import type { Prisma } from '../generated/prisma/client';
import { isUniqueViolation } from '../platform/db/prisma';
import { AppError } from '../errors';
import type { PetitionKind } from '../domain/petition/petition-stages';
import { petitionWorkflowId, type PetitionWorkflowInput } from './client';
import type { DeadlinePolicy } from './policy/policy-store';
import { calendarYearsFrom } from '../calendar/calendar-store';
import { localDayOf, yearOf } from '../domain/calendar/day';
import type { CalendarYear } from '../domain/calendar/holidays';
import { generateTrackingCode } from './tracking-code';
import { MASS_PETITION_MIN } from '../domain/petition/representatives';
import { MASKED_NAME, openIdentity, sealedNameHash, sealIdentity } from '../org/identity-seal';
import { firstDeadline } from '../domain/petition/first-deadline';
import { deriveMatchKey, matchKeyFingerprint, petitionerMatchKeys } from './duplicates/petitioner-keys';
import { foldName } from '../domain/petitioner/petitioner-name';

export interface PetitionerInput {
  fullName: string;
  phone?: string;
  email?: string;
  address?: string;
  isRepresentative?: boolean;
}

export interface RegisterPetitionInput {
  kind: PetitionKind;
  receivingUnitId: string;
  channel: string;
  field: string;
  subject: string;
  body: string;
  receivedAt: string;
  petitioners: PetitionerInput[];
  registeredById: string;
  idempotencyKey?: string;
  /** 2 for a second-time complaint, linked to the first case. */
  round?: number;
  appealOfId?: string;
}

export interface RegisteredPetition {
  petitionId: string;
  trackingCode: string;
  workflowId: string;
  workflowInput: PetitionWorkflowInput;
  /** False when the idempotency key matched an earlier request. */
  created: boolean;
}

export interface SealingOptions {
  /** Seals a denouncer's identity before it is stored. */
  identityKey: Buffer;
  /** Keys the petitioner's facets for the duplicate check (PETITIONER_MATCH_KEY); derived when absent. */
  matchKey?: Buffer;
}

export async function registerPetition(
  prisma: PrismaClient,
  policy: DeadlinePolicy,
  input: RegisterPetitionInput,
  sealing: SealingOptions,
): Promise<RegisteredPetition> {
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(prisma, policy, input, sealing);
    if (existing) return existing;
  }
  const petitionId = randomUUID();
  const workflowId = petitionWorkflowId(petitionId);
  const calendar = await calendarYearsFrom(prisma, yearOf(localDayOf(Date.parse(input.receivedAt))));
  const workflowInput = workflowInputOf(policy, { ...input, petitionId }, calendar);
  const first = firstDeadline(workflowInput);
  const matchKey = sealing.matchKey ?? deriveMatchKey(sealing.identityKey);
  const matchKeyedWith = matchKeyFingerprint(matchKey);
  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    try {
      await prisma.petition.create({
        data: {
          id: petitionId,
          trackingCode,
          kind: input.kind,
          channel: input.channel,
          field: input.field,
          subject: input.subject,
          subjectWords: [...subjectWords(input.subject)],
          body: input.body,
          receivingUnitId: input.receivingUnitId,
          unitId: input.receivingUnitId,
          receivedAt: new Date(input.receivedAt),
          createdById: input.registeredById,
          idempotencyKey: input.idempotencyKey ?? null,
          workflowId,
          round: input.round ?? 1,
          appealOfId: input.appealOfId ?? null,
          isMass: input.petitioners.length >= MASS_PETITION_MIN,
          currentClock: first.clock,
          dueAt: new Date(first.dueAtMs),
          nextReminderAt: first.nextReminderAtMs === null ? null : new Date(first.nextReminderAtMs),
          petitioners: {
            create: input.petitioners.map((p, position) =>
              // A denouncer's identity never sits in plain columns (Luật Tố cáo Đ.47).
              input.kind === 'denunciation'
                ? {
                    position,
                    fullName: MASKED_NAME,
                    phone: null,
                    email: null,
                    address: null,
                    isRepresentative: p.isRepresentative ?? false,
                    sealedIdentity: sealIdentity(sealing.identityKey, p),
                    matchKeys: petitionerMatchKeys(matchKey, p),
                    matchKeyedWith,
                    sealedNameHash: sealedNameHash(sealing.identityKey, p.fullName),
                  }
                : {
                    position,
                    fullName: p.fullName,
                    phone: p.phone ?? null,
                    email: p.email ?? null,
                    address: p.address ?? null,
                    isRepresentative: p.isRepresentative ?? false,
                    matchKeys: petitionerMatchKeys(matchKey, p),
                    matchKeyedWith,
                    nameFolded: foldName(p.fullName),
                  },
            ),
          },
        },
      });
      return {
        petitionId,
        trackingCode,
        workflowId,
        workflowInput,
        created: true,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent request with the same idempotency key won the race: answer with its petition.
      if (input.idempotencyKey) {
        const existing = await findByIdempotencyKey(prisma, policy, input, sealing);
        if (existing) return existing;
      }
      if (attempt >= 5) throw error; // tracking-code collisions five times in a row mean something else is wrong
    }
  }
}

function workflowInputOf(
  policy: DeadlinePolicy,
  p: RegisterPetitionInput & { petitionId: string },
  calendar: CalendarYear[],
): PetitionWorkflowInput {
  return {
    petitionId: p.petitionId,
    kind: p.kind,
    unitId: p.receivingUnitId,
    receivedAt: new Date(p.receivedAt).toISOString(),
    registeredById: p.registeredById,
    policyVersion: policy.version,
    policy:
      (p.round ?? 1) > 1 && p.kind === 'complaint' && policy.secondTimeComplaint
        ? policy.secondTimeComplaint()
        : policy.forKind(p.kind),
    hasCitizenEmail: p.petitioners.some((x) => Boolean(x.email)),
    calendar,
    channel: p.channel,
  };
}

type StoredPetition = Prisma.PetitionGetPayload<{ include: { petitioners: true } }>;

/**
 * The fields in which a repeated request differs from the one first sent with its Idempotency-Key: a
 * replay must not silently answer with a different petition. The receipt time counts by its local day,
 * the unit every deadline runs from, so a client that fills "now" again on a retry is still the same
 * request. Only field names are returned, never values (a denouncer's identity among them).
 */
function differences(row: StoredPetition, input: RegisterPetitionInput, sealing: SealingOptions): string[] {
  const out: string[] = [];
  for (const key of ['kind', 'receivingUnitId', 'channel', 'field', 'subject', 'body'] as const)
    if (row[key] !== input[key]) out.push(key);
  if (localDayOf(row.receivedAt.getTime()) !== localDayOf(Date.parse(input.receivedAt))) out.push('receivedAt');
  const stored = [...row.petitioners].sort((a, b) => a.position - b.position);
  if (stored.length !== input.petitioners.length) out.push('petitioners');
  else
    stored.forEach((p, i) => {
      const sent = input.petitioners[i]!;
      const identity = p.sealedIdentity ? openIdentity(sealing.identityKey, p.sealedIdentity) : p;
      for (const key of ['fullName', 'phone', 'email', 'address'] as const)
        if ((identity[key] ?? null) !== (sent[key] ?? null)) out.push(`petitioners.${i}.${key}`);
      if (p.isRepresentative !== (sent.isRepresentative ?? false)) out.push(`petitioners.${i}.isRepresentative`);
    });
  return out;
}

async function findByIdempotencyKey(
  prisma: PrismaClient,
  policy: DeadlinePolicy,
  request: RegisterPetitionInput,
  sealing: SealingOptions,
): Promise<RegisteredPetition | null> {
  const row = await prisma.petition.findUnique({
    where: {
      createdById_idempotencyKey: { createdById: request.registeredById, idempotencyKey: request.idempotencyKey! },
    },
    include: { petitioners: true },
  });
  if (!row) return null;
  const differ = differences(row, request, sealing);
  if (differ.length) {
    throw new AppError(
      'IdempotencyMismatch',
      'this Idempotency-Key was used for a different request; use a new key for a new petition / khóa Idempotency-Key đã dùng cho một yêu cầu khác',
      differ.map((path) => ({ path, message: 'differs from the first request with this key' })),
    );
  }
  return registeredFromRow(prisma, policy, row, sealing);
}

/** What the workflow of a stored petition starts with: for a repeated request, or a row left without its workflow. */
export async function registeredFromRow(
  prisma: PrismaClient,
  policy: DeadlinePolicy,
  row: StoredPetition,
  sealing: SealingOptions,
): Promise<RegisteredPetition> {
  const input: RegisterPetitionInput & { petitionId: string } = {
    petitionId: row.id,
    kind: row.kind,
    receivingUnitId: row.receivingUnitId,
    channel: row.channel,
    field: row.field,
    subject: row.subject,
    body: row.body,
    receivedAt: row.receivedAt.toISOString(),
    // Only whether an e-mail address exists matters here; a sealed one is opened to tell.
    petitioners: row.petitioners
      .map((p) =>
        p.sealedIdentity
          ? openIdentity(sealing.identityKey, p.sealedIdentity)
          : { fullName: p.fullName, email: p.email },
      )
      .map((p) => ({ fullName: p.fullName, email: p.email ?? undefined })),
    registeredById: row.createdById,
    round: row.round,
  };
  const calendar = await calendarYearsFrom(prisma, yearOf(localDayOf(row.receivedAt.getTime())));
  return {
    petitionId: row.id,
    trackingCode: row.trackingCode,
    workflowId: row.workflowId,
    workflowInput: workflowInputOf(policy, input, calendar),
    created: false,
  };
}
