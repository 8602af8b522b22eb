// The use cases of a unit's record that carries documents (a reception session's minutes, a conference's
// results): the unit's officers and leaders attach them, as they are the ones who record it; whoever may read
// the record's unit reads them. Each owner type says only how its record is found and named.
import type { PrismaClient } from '../platform/db/prisma';
import { AppError } from '../errors';
import {
  listRecordDocuments,
  openRecordDocument,
  storeRecordDocument,
  type RecordDocumentDeps,
  type RecordOwner,
  type RecordOwnerType,
  type StoreRecordDocumentInput,
} from '../platform/blob/record-documents';
import { requireReadable, requireRoleOn, UnitTree, type Principal } from './access';

export interface RecordDocumentsOwner {
  type: RecordOwnerType;
  /** The record in a not-found answer ("reception session"). */
  missingName: string;
  /** The record in a refused read ("session"). */
  readName: string;
  /** The action in a refused attach ("attaching a session's minutes"). */
  attaching: string;
  /** Where its documents are listed. */
  baseUrl: (recordId: string) => string;
  /** The record's unit, or null when there is no such record. */
  unitOf: (prisma: PrismaClient, recordId: string) => Promise<string | null>;
}

export function recordDocumentUseCases(spec: RecordDocumentsOwner) {
  const ownerOf = async (prisma: PrismaClient, recordId: string): Promise<RecordOwner> => {
    const unitId = await spec.unitOf(prisma, recordId);
    if (!unitId) throw new AppError('NotFound', `no ${spec.missingName} ${recordId}`);
    return { type: spec.type, id: recordId, unitId, baseUrl: spec.baseUrl(recordId) };
  };

  const readable = async (deps: RecordDocumentDeps, principal: Principal, recordId: string) => {
    const owner = await ownerOf(deps.prisma, recordId);
    requireReadable(principal, await UnitTree.load(deps.prisma), owner.unitId, spec.readName);
    return owner;
  };

  return {
    attach: async (
      deps: RecordDocumentDeps,
      principal: Principal,
      recordId: string,
      input: Omit<StoreRecordDocumentInput, 'uploadedById'>,
    ) => {
      const owner = await ownerOf(deps.prisma, recordId);
      await requireRoleOn(deps.prisma, principal, owner.unitId, ['officer', 'leader'], spec.attaching);
      return storeRecordDocument(deps, owner, { ...input, uploadedById: principal.personId });
    },
    list: async (deps: RecordDocumentDeps, principal: Principal, recordId: string) =>
      listRecordDocuments(deps, await readable(deps, principal, recordId)),
    open: async (deps: RecordDocumentDeps, principal: Principal, recordId: string, documentId: string) =>
      openRecordDocument(deps, await readable(deps, principal, recordId), documentId),
  };
}
