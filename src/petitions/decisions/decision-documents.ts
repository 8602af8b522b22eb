// The signed text of an extension decision (a scan, or the document as issued), attached to the decision:
// a document of the case like any other (same intake, sealing for a denunciation, download and opening
// record), marked with the decision it belongs to.
import type { Principal } from '../../org/access';
import { listDocuments, uploadDocument, type DocumentDeps, type UploadDocumentInput } from '../documents/documents';
import { loadExtensionDecision } from './extension-decisions';

export async function uploadDecisionDocument(
  deps: DocumentDeps,
  principal: Principal,
  input: Omit<UploadDocumentInput, 'decisionEventId'> & { decisionId: string },
) {
  // An unknown decision (or one of another case) is refused before a byte is read.
  await loadExtensionDecision(deps.prisma, principal, input.petitionId, input.decisionId);
  return uploadDocument(deps, principal, { ...input, decisionEventId: input.decisionId });
}

export async function listDecisionDocuments(
  deps: DocumentDeps,
  principal: Principal,
  petitionId: string,
  decisionId: string,
) {
  await loadExtensionDecision(deps.prisma, principal, petitionId, decisionId);
  return listDocuments(deps, principal, petitionId, { decisionEventId: decisionId });
}
