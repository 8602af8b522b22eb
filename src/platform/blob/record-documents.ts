// Documents of records other than a case (a reception session's minutes, a conference's results): stored
// through the same intake as a case's documents (size limit, content by magic bytes, SHA-256, streamed).
// Who may attach or read is the owning feature's decision; it calls these after its access check.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../db/prisma';
import { AppError } from '../../errors';
import type { BlobStore } from './blob-store';
import { MEDIA_TYPES, safeFileName } from './content-type';
import { documentTooLarge, inspectDocument } from './document-intake';

export type RecordOwnerType = 'receptionMinutes' | 'conferenceResults';

export interface RecordDocumentDeps {
  prisma: PrismaClient;
  blobStore: BlobStore;
  /** DOCUMENT_MAX_BYTES */
  maxBytes: number;
}

export interface RecordOwner {
  type: RecordOwnerType;
  id: string;
  unitId: string;
  /** Where its documents are listed, e.g. /api/v1/reception/sessions/<id>/minutes/documents. */
  baseUrl: string;
}

export interface StoreRecordDocumentInput {
  fileName?: string;
  declaredBytes?: number;
  body: AsyncIterable<Buffer | Uint8Array | string>;
  uploadedById: string;
}

type RecordDocumentRow = Awaited<ReturnType<PrismaClient['recordDocument']['findFirstOrThrow']>>;

function view(row: RecordDocumentRow, owner: RecordOwner) {
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `${owner.baseUrl}/${row.id}/content`,
  };
}

export async function storeRecordDocument(
  deps: RecordDocumentDeps,
  owner: RecordOwner,
  input: StoreRecordDocumentInput,
) {
  if (input.declaredBytes !== undefined && input.declaredBytes > deps.maxBytes) throw documentTooLarge(deps.maxBytes);
  const id = randomUUID();
  const storageKey = `record-document/${id}`;
  await deps.prisma.recordDocument.create({
    data: {
      id,
      ownerType: owner.type,
      ownerId: owner.id,
      unitId: owner.unitId,
      fileName: '',
      contentType: '',
      byteSize: 0,
      sha256: '',
      storage: deps.blobStore.kind,
      storageKey,
      uploadedById: input.uploadedById,
    },
  });
  const inspected = inspectDocument(input.body, deps.maxBytes);
  try {
    await deps.blobStore.put(storageKey, inspected.chunks);
    const type = inspected.type();
    const row = await deps.prisma.recordDocument.update({
      where: { id },
      data: {
        status: 'stored',
        contentType: MEDIA_TYPES[type],
        byteSize: inspected.bytes(),
        sha256: inspected.sha256(),
        fileName: safeFileName(input.fileName, type),
      },
    });
    return view(row, owner);
  } catch (error) {
    // Nothing half-written stays behind: the chunks go with the row.
    await deps.blobStore.remove(storageKey).catch(() => undefined);
    await deps.prisma.recordDocument.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
}

export async function listRecordDocuments(deps: RecordDocumentDeps, owner: RecordOwner) {
  const rows = await deps.prisma.recordDocument.findMany({
    where: { ownerType: owner.type, ownerId: owner.id, status: 'stored' },
    orderBy: { createdAt: 'asc' },
  });
  return { items: rows.map((r) => view(r, owner)) };
}

export async function openRecordDocument(deps: RecordDocumentDeps, owner: RecordOwner, documentId: string) {
  const row = await deps.prisma.recordDocument.findFirst({
    where: { id: documentId, ownerType: owner.type, ownerId: owner.id, status: 'stored' },
  });
  if (!row) throw new AppError('NotFound', `no document ${documentId} here`);
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    body: deps.blobStore.get(row.storageKey),
  };
}
