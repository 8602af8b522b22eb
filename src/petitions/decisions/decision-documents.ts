// The signed text of a case's decisions — the resolution (quyết định giải quyết / kết luận) and each
// extension decision — a scan or the document as issued, attached to the decision: a document of the case
// like any other (same intake, sealing for a denunciation, download and opening record), marked with the
// event of the decision it belongs to.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import type { Principal } from '../../org/access';
import { listDocuments, uploadDocument, type DocumentDeps, type UploadDocumentInput } from '../documents/documents';
import { listExtensionDecisions, type ExtensionDecisionFacts } from './extension-decisions';
import { RESOLUTION_DECISION_ID, resolutionOf } from './resolution-decisions';
import type { ResolutionDecision } from '../../domain/petition/resolution-decision';

export type CaseDecision =
  | { kind: 'resolution'; eventId: string; decidedAt: Date; record: ResolutionDecision | null }
  | ({ kind: 'extension' } & Pick<ExtensionDecisionFacts, 'eventId' | 'number' | 'date' | 'signer' | 'decidedAt'>);

/** The decisions a document may be attached to, oldest first (the resolution comes last). */
export async function listCaseDecisions(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
): Promise<CaseDecision[]> {
  // listExtensionDecisions checks the read access first; the resolution is read only after it.
  const extensions = await listExtensionDecisions(prisma, principal, petitionId);
  const petition = await prisma.petition.findUniqueOrThrow({ where: { id: petitionId } });
  const resolution = await resolutionOf(prisma, petition);
  return [
    ...extensions.map((d) => ({
      kind: 'extension' as const,
      eventId: d.eventId,
      number: d.number,
      date: d.date,
      signer: d.signer,
      decidedAt: d.decidedAt,
    })),
    ...(resolution
      ? [
          {
            kind: 'resolution' as const,
            eventId: resolution.eventId,
            decidedAt: resolution.decidedAt,
            record: resolution.record,
          },
        ]
      : []),
  ];
}

/** The name a client may use for the case's resolution: its event id appears in no API view. */
export const RESOLUTION_ALIAS = RESOLUTION_DECISION_ID;

async function loadCaseDecision(prisma: PrismaClient, principal: Principal, petitionId: string, decisionId: string) {
  const found = (await listCaseDecisions(prisma, principal, petitionId)).find(
    (d) => d.eventId === decisionId || (decisionId === RESOLUTION_ALIAS && d.kind === 'resolution'),
  );
  if (!found)
    throw new AppError(
      'NotFound',
      `no decision ${decisionId} on petition ${petitionId} (the resolution or an approved extension decision)`,
    );
  return found;
}

export async function uploadDecisionDocument(
  deps: DocumentDeps,
  principal: Principal,
  input: Omit<UploadDocumentInput, 'decisionEventId'> & { decisionId: string },
) {
  // An unknown decision (or one of another case) is refused before a byte is read.
  const decision = await loadCaseDecision(deps.prisma, principal, input.petitionId, input.decisionId);
  return uploadDocument(deps, principal, { ...input, decisionEventId: decision.eventId });
}

export async function listDecisionDocuments(
  deps: DocumentDeps,
  principal: Principal,
  petitionId: string,
  decisionId: string,
) {
  const decision = await loadCaseDecision(deps.prisma, principal, petitionId, decisionId);
  return listDocuments(deps, principal, petitionId, { decisionEventId: decision.eventId });
}
