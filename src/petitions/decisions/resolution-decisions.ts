// A case's resolution as a written document: the resolve event (when, and the leader's summary) with the
// record kept beside it (PetitionResolution: number, date signed, signer and title). Read with the
// petition's access; nothing here names a petitioner, so a denunciation's print is safe for anyone who may
// read the case.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import type { Principal } from '../../org/access';
import type { PetitionKind } from '../../domain/petition/petition-stages';
import type { ResolutionDecision } from '../../domain/petition/resolution-decision';
import { loadReadableCase } from '../documents/case-access';

export interface ResolutionFacts {
  eventId: string;
  petitionId: string;
  trackingCode: string;
  kind: PetitionKind;
  /** 1 for a first petition, 2 for a second-time complaint. */
  round: number;
  subject: string;
  receivedAt: Date;
  unitName: string;
  parentUnitName: string | null;
  /** The leader's words when resolving: the body of the printed document. */
  summary: string;
  decidedAt: Date;
  /** Null for a resolution recorded without one (before the record existed, or optional for its kind). */
  record: ResolutionDecision | null;
}

/** The case's resolution, or null while it is not resolved. Checks the read access first. */
export async function findResolution(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
): Promise<ResolutionFacts | null> {
  const { petition } = await loadReadableCase(prisma, principal, petitionId);
  return resolutionOf(prisma, petition);
}

/** The resolution of a petition the caller was already allowed to read. */
export async function resolutionOf(
  prisma: PrismaClient,
  petition: {
    id: string;
    trackingCode: string;
    kind: PetitionKind;
    round: number;
    subject: string;
    receivedAt: Date;
    unitId: string;
  },
): Promise<ResolutionFacts | null> {
  const event = await prisma.petitionEvent.findFirst({
    where: { petitionId: petition.id, type: 'resolve' },
    orderBy: { at: 'asc' },
    include: { resolution: true },
  });
  if (!event) return null;
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: petition.unitId }, include: { parent: true } });
  const r = event.resolution;
  return {
    eventId: event.id,
    petitionId: petition.id,
    trackingCode: petition.trackingCode,
    kind: petition.kind,
    round: petition.round,
    subject: petition.subject,
    receivedAt: petition.receivedAt,
    unitName: unit.name,
    parentUnitName: unit.parent?.name ?? null,
    summary: event.note ?? '',
    decidedAt: event.at,
    record: r
      ? { number: r.number, date: r.date.toISOString().slice(0, 10), signer: r.signer, signerTitle: r.signerTitle }
      : null,
  };
}

/** The resolution as printed: only one with its written record has a number and a signer to print. */
export async function loadPrintableResolution(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
): Promise<ResolutionFacts & { record: ResolutionDecision }> {
  const found = await findResolution(prisma, principal, petitionId);
  if (!found?.record)
    throw new AppError(
      'NotFound',
      found
        ? `petition ${petitionId} was resolved without a written record (number, date, signer): nothing to print`
        : `petition ${petitionId} is not resolved`,
    );
  return { ...found, record: found.record };
}

/** The name a client uses for the case's resolution in …/decisions/{decisionId}/…: its event id is in no API view. */
export const RESOLUTION_DECISION_ID = 'resolution';

/** The resolution as the API shows it (the decisions list and the petition view). */
export function resolutionView(r: ResolutionFacts, pdfUrl: string) {
  return {
    id: RESOLUTION_DECISION_ID,
    decidedAt: r.decidedAt.toISOString(),
    summary: r.summary,
    number: r.record?.number ?? null,
    date: r.record?.date ?? null,
    signer: r.record?.signer ?? null,
    signerTitle: r.record?.signerTitle ?? null,
    pdfUrl: r.record ? pdfUrl : null,
  };
}
