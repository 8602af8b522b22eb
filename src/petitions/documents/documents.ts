// A case file's documents: upload (streamed through size limit, content sniffing, SHA-256 and, for a
// denunciation, sealing, into the BlobStore), list, and open for download.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../platform/db/prisma';
import type { BlobStore } from '../../platform/blob/blob-store';
import { AppError } from '../../errors';
import type { Principal } from '../../org/access';
import { EXTENSIONS, MEDIA_TYPES, safeFileName } from '../../platform/blob/content-type';
import { documentTooLarge as tooLarge, inspectDocument as inspect } from '../../platform/blob/document-intake';
import { deriveDocumentKey, openBlocks, openText, sealBlocks, sealText } from './document-seal';
import { loadReadableCase, mayOpenSealed, requireCaseWriter } from './case-access';

export interface DocumentDeps {
  prisma: PrismaClient;
  blobStore: BlobStore;
  /** Seals a denunciation's documents (the document key is derived from it). */
  identityKey: Buffer;
  /** DOCUMENT_MAX_BYTES */
  maxBytes: number;
}

export interface UploadDocumentInput {
  petitionId: string;
  fileName?: string;
  /** The Content-Length the client announced, refused before reading when already over the limit. */
  declaredBytes?: number;
  body: AsyncIterable<Buffer | Uint8Array | string>;
  /** The decision (its event: the resolution or an extension decision) the document is the written text of. */
  decisionEventId?: string;
}

const SEALED_NAME = 'tai-lieu-niem-phong';

export async function uploadDocument(deps: DocumentDeps, principal: Principal, input: UploadDocumentInput) {
  const c = await loadReadableCase(deps.prisma, principal, input.petitionId);
  requireCaseWriter(c, 'attaching a document');
  if (input.declaredBytes !== undefined && input.declaredBytes > deps.maxBytes) throw tooLarge(deps.maxBytes);
  const id = randomUUID();
  const sealed = c.petition.kind === 'denunciation';
  const storageKey = `document/${id}`;
  await deps.prisma.document.create({
    data: {
      id,
      petitionId: input.petitionId,
      fileName: '',
      contentType: '',
      byteSize: 0,
      sha256: '',
      sealed,
      storage: deps.blobStore.kind,
      storageKey,
      uploadedById: principal.personId,
      decisionEventId: input.decisionEventId ?? null,
    },
  });
  const inspected = inspect(input.body, deps.maxBytes);
  try {
    const key = deriveDocumentKey(deps.identityKey);
    await deps.blobStore.put(storageKey, sealed ? sealBlocks(key, id, inspected.chunks) : inspected.chunks);
    const type = inspected.type();
    const name = safeFileName(input.fileName, type);
    const row = await deps.prisma.document.update({
      where: { id },
      data: {
        status: 'stored',
        contentType: MEDIA_TYPES[type],
        byteSize: inspected.bytes(),
        sha256: inspected.sha256(),
        fileName: sealed ? `${SEALED_NAME}${EXTENSIONS[type]}` : name,
        sealedName: sealed ? sealText(key, name) : null,
      },
    });
    // The uploader holds the bytes already: the hash tells them nothing new.
    return view(row, true);
  } catch (error) {
    // Nothing half-written stays behind: the chunks go with the row.
    await deps.blobStore.remove(storageKey).catch(() => undefined);
    await deps.prisma.document.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
}

type DocumentRow = Awaited<ReturnType<PrismaClient['document']['findFirstOrThrow']>>;

function view(row: DocumentRow, showDetails: boolean) {
  return {
    id: row.id,
    petitionId: row.petitionId,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    // A sealed document's hash would let someone holding a suspected original confirm it.
    sha256: showDetails ? row.sha256 : null,
    sealed: row.sealed,
    uploadedById: row.uploadedById,
    decisionId: row.decisionEventId,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/v1/petitions/${row.petitionId}/documents/${row.id}/content`,
  };
}

export async function listDocuments(
  deps: DocumentDeps,
  principal: Principal,
  petitionId: string,
  only: { decisionEventId?: string } = {},
) {
  const c = await loadReadableCase(deps.prisma, principal, petitionId);
  const entitled = c.petition.kind !== 'denunciation' || (await mayOpenSealed(deps.prisma, principal, c));
  const rows = await deps.prisma.document.findMany({
    where: { petitionId, status: 'stored', ...(only.decisionEventId ? { decisionEventId: only.decisionEventId } : {}) },
    orderBy: { createdAt: 'asc' },
  });
  return { items: rows.map((r) => view(r, !r.sealed || entitled)) };
}

export interface OpenDocumentInput {
  petitionId: string;
  documentId: string;
  /** Why a sealed document is opened; recorded with the opening. */
  reason?: string;
}

export interface OpenedDocument {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  body: AsyncIterable<Buffer>;
}

export async function openDocument(
  deps: DocumentDeps,
  principal: Principal,
  input: OpenDocumentInput,
): Promise<OpenedDocument> {
  const c = await loadReadableCase(deps.prisma, principal, input.petitionId);
  const row = await deps.prisma.document.findFirst({
    where: { id: input.documentId, petitionId: input.petitionId, status: 'stored' },
  });
  if (!row) throw new AppError('NotFound', `no document ${input.documentId} on petition ${input.petitionId}`);
  const stored = deps.blobStore.get(row.storageKey);
  if (!row.sealed)
    return {
      fileName: row.fileName,
      contentType: row.contentType,
      byteSize: row.byteSize,
      sha256: row.sha256,
      body: stored,
    };
  if (!(await mayOpenSealed(deps.prisma, principal, c))) {
    throw new AppError(
      'Forbidden',
      "opening a denunciation's document needs to be the assigned officer, the registering officer, a leader of the unit, or a supervisor granted it (POST /identity-grants)",
    );
  }
  const reason = input.reason?.trim();
  if (!reason || reason.length < 3) {
    throw new AppError('ValidationFailed', 'invalid request query', [
      { path: 'reason', message: 'why the sealed document is opened is recorded: give a reason' },
    ]);
  }
  // Recorded before a byte leaves: every opening of sealed material leaves a trace (who, when, why, what).
  await deps.prisma.identityAccess.create({
    data: { petitionId: input.petitionId, personId: principal.personId, reason, documentId: row.id },
  });
  const key = deriveDocumentKey(deps.identityKey);
  return {
    fileName: openText(key, row.sealedName!),
    contentType: row.contentType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    body: openBlocks(key, row.id, stored),
  };
}
