// The minutes of a reception session as a document (the signed biên bản): attached by the unit's officers
// and leaders, who close the session with minutes; read by whoever may read the session.
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

async function ownerOf(prisma: PrismaClient, sessionId: string): Promise<RecordOwner> {
  const session = await prisma.receptionSession.findUnique({ where: { id: sessionId }, select: { unitId: true } });
  if (!session) throw new AppError('NotFound', `no reception session ${sessionId}`);
  return {
    type: 'receptionMinutes',
    id: sessionId,
    unitId: session.unitId,
    baseUrl: `/api/v1/reception/sessions/${encodeURIComponent(sessionId)}/minutes/documents`,
  };
}

async function readable(deps: RecordDocumentDeps, principal: Principal, sessionId: string) {
  const owner = await ownerOf(deps.prisma, sessionId);
  requireReadable(principal, await UnitTree.load(deps.prisma), owner.unitId, 'session');
  return owner;
}

export async function attachMinutesDocument(
  deps: RecordDocumentDeps,
  principal: Principal,
  sessionId: string,
  input: Omit<StoreRecordDocumentInput, 'uploadedById'>,
) {
  const owner = await ownerOf(deps.prisma, sessionId);
  await requireRoleOn(deps.prisma, principal, owner.unitId, ['officer', 'leader'], "attaching a session's minutes");
  return storeRecordDocument(deps, owner, { ...input, uploadedById: principal.personId });
}

export async function listMinutesDocuments(deps: RecordDocumentDeps, principal: Principal, sessionId: string) {
  return listRecordDocuments(deps, await readable(deps, principal, sessionId));
}

export async function openMinutesDocument(
  deps: RecordDocumentDeps,
  principal: Principal,
  sessionId: string,
  documentId: string,
) {
  return openRecordDocument(deps, await readable(deps, principal, sessionId), documentId);
}
