// The results of a dialogue conference as a document (the published report, the signed minutes): attached
// by the unit's officers and leaders, who record the conference; read by whoever may read the conference.
import type { PrismaClient } from '../platform/db/prisma';
import { AppError } from '../errors';
import { requireReadable, requireRoleOn, UnitTree, type Principal } from '../org/access';
import {
  listRecordDocuments,
  openRecordDocument,
  storeRecordDocument,
  type RecordDocumentDeps,
  type RecordOwner,
  type StoreRecordDocumentInput,
} from '../platform/blob/record-documents';

async function ownerOf(prisma: PrismaClient, conferenceId: string): Promise<RecordOwner> {
  const conference = await prisma.conference.findUnique({ where: { id: conferenceId }, select: { unitId: true } });
  if (!conference) throw new AppError('NotFound', `no conference ${conferenceId}`);
  return {
    type: 'conferenceResults',
    id: conferenceId,
    unitId: conference.unitId,
    baseUrl: `/api/v1/conferences/${encodeURIComponent(conferenceId)}/results/documents`,
  };
}

async function readable(deps: RecordDocumentDeps, principal: Principal, conferenceId: string) {
  const owner = await ownerOf(deps.prisma, conferenceId);
  requireReadable(principal, await UnitTree.load(deps.prisma), owner.unitId, 'conference');
  return owner;
}

export async function attachResultsDocument(
  deps: RecordDocumentDeps,
  principal: Principal,
  conferenceId: string,
  input: Omit<StoreRecordDocumentInput, 'uploadedById'>,
) {
  const owner = await ownerOf(deps.prisma, conferenceId);
  await requireRoleOn(deps.prisma, principal, owner.unitId, ['officer', 'leader'], "attaching a conference's results");
  return storeRecordDocument(deps, owner, { ...input, uploadedById: principal.personId });
}

export async function listResultsDocuments(deps: RecordDocumentDeps, principal: Principal, conferenceId: string) {
  return listRecordDocuments(deps, await readable(deps, principal, conferenceId));
}

export async function openResultsDocument(
  deps: RecordDocumentDeps,
  principal: Principal,
  conferenceId: string,
  documentId: string,
) {
  return openRecordDocument(deps, await readable(deps, principal, conferenceId), documentId);
}
