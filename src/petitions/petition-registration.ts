// Writes a new petition and its petitioners in one transaction and returns what the workflow needs.
// Personal data stays here; the workflow input carries ids and flags only.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../platform/db/prisma';
import { isUniqueViolation } from '../platform/db/prisma';
import type { PetitionKind } from '../domain/petition/petition-stages';
import { petitionWorkflowId, type PetitionWorkflowInput } from '../../workflows/petition/messages';
import type { DeadlinePolicy } from './policy/policy-store';
import { calendarYearsFrom } from '../calendar/calendar-store';
import { localDayOf, yearOf } from '../domain/calendar/day';
import type { CalendarYear } from '../domain/calendar/holidays';
import { generateTrackingCode } from './tracking-code';
import { MASS_PETITION_MIN } from '../domain/petition/representatives';
import { MASKED_NAME, openIdentity, sealIdentity } from '../org/identity-seal';

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
}

export async function registerPetition(prisma: PrismaClient, policy: DeadlinePolicy, input: RegisterPetitionInput, sealing: SealingOptions): Promise<RegisteredPetition> {
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(prisma, policy, input.registeredById, input.idempotencyKey, sealing);
    if (existing) return existing;
  }
  const petitionId = randomUUID();
  const workflowId = petitionWorkflowId(petitionId);
  const calendar = await calendarYearsFrom(prisma, yearOf(localDayOf(Date.parse(input.receivedAt))));
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
          petitioners: {
            create: input.petitioners.map((p, position) =>
              // A denouncer's identity never sits in plain columns (Luật Tố cáo Đ.47).
              input.kind === 'denunciation'
                ? { position, fullName: MASKED_NAME, phone: null, email: null, address: null, isRepresentative: p.isRepresentative ?? false, sealedIdentity: sealIdentity(sealing.identityKey, p) }
                : { position, fullName: p.fullName, phone: p.phone ?? null, email: p.email ?? null, address: p.address ?? null, isRepresentative: p.isRepresentative ?? false },
            ),
          },
        },
      });
      return { petitionId, trackingCode, workflowId, workflowInput: workflowInputOf(policy, { ...input, petitionId }, calendar), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent request with the same idempotency key won the race: answer with its petition.
      if (input.idempotencyKey) {
        const existing = await findByIdempotencyKey(prisma, policy, input.registeredById, input.idempotencyKey, sealing);
        if (existing) return existing;
      }
      if (attempt >= 5) throw error; // tracking-code collisions five times in a row mean something else is wrong
    }
  }
}

function workflowInputOf(policy: DeadlinePolicy, p: RegisterPetitionInput & { petitionId: string }, calendar: CalendarYear[]): PetitionWorkflowInput {
  return {
    petitionId: p.petitionId,
    kind: p.kind,
    unitId: p.receivingUnitId,
    receivedAt: new Date(p.receivedAt).toISOString(),
    registeredById: p.registeredById,
    policyVersion: policy.version,
    policy: (p.round ?? 1) > 1 && p.kind === 'complaint' && policy.secondTimeComplaint ? policy.secondTimeComplaint() : policy.forKind(p.kind),
    hasCitizenEmail: p.petitioners.some((x) => Boolean(x.email)),
    calendar,
    channel: p.channel,
  };
}

async function findByIdempotencyKey(prisma: PrismaClient, policy: DeadlinePolicy, registeredById: string, key: string, sealing: SealingOptions): Promise<RegisteredPetition | null> {
  const row = await prisma.petition.findUnique({
    where: { createdById_idempotencyKey: { createdById: registeredById, idempotencyKey: key } },
    include: { petitioners: true },
  });
  if (!row) return null;
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
    petitioners: row.petitioners.map((p) => (p.sealedIdentity ? openIdentity(sealing.identityKey, p.sealedIdentity) : { fullName: p.fullName, email: p.email })).map((p) => ({ fullName: p.fullName, email: p.email ?? undefined })),
    registeredById: row.createdById,
    round: row.round,
  };
  const calendar = await calendarYearsFrom(prisma, yearOf(localDayOf(row.receivedAt.getTime())));
  return { petitionId: row.id, trackingCode: row.trackingCode, workflowId: row.workflowId, workflowInput: workflowInputOf(policy, input, calendar), created: false };
}
