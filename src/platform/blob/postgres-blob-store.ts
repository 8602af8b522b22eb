// The default BlobStore: rows of at most 1 MiB in BlobChunk. Each chunk is written and released before the
// next is read from the source, so memory stays at about one chunk per upload.
import type { PrismaClient } from '../db/prisma';
import { BLOB_CHUNK_BYTES, rechunk, type BlobStore } from './blob-store';

export function createPostgresBlobStore(prisma: PrismaClient): BlobStore {
  return {
    kind: 'postgres',
    async put(key, chunks) {
      let bytes = 0;
      let parts = 0;
      for await (const chunk of rechunk(chunks, BLOB_CHUNK_BYTES)) {
        // The model API, not $executeRaw: raw parameters are copied onto the JS heap as text.
        await prisma.blobChunk.create({ data: { key, index: parts, data: chunk as Uint8Array<ArrayBuffer> } });
        bytes += chunk.length;
        parts += 1;
      }
      return { bytes, parts };
    },
    async *get(key) {
      // One row at a time by index: a findMany would load the whole blob.
      for (let index = 0; ; index++) {
        const row = await prisma.blobChunk.findUnique({ where: { key_index: { key, index } }, select: { data: true } });
        if (!row) return;
        yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      }
    },
    async remove(key) {
      await prisma.blobChunk.deleteMany({ where: { key } });
    },
  };
}
