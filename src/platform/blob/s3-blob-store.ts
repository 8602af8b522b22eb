// The production option for document bytes: any S3-compatible object store (AWS S3, MinIO, Ceph, a
// provider's object storage). The stream is cut into 5 MiB parts — S3's smallest multipart part — and each
// part is sent before the next is read, so an upload holds about one part in memory whatever its size.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { rechunk, type BlobStore } from './blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Put before every key, e.g. "danvan/documents/", so one bucket can serve several instances. */
  prefix?: string;
  /** An S3-compatible endpoint (MinIO, Ceph…); AWS's own when absent. */
  endpoint?: string;
  region: string;
  /** Path-style URLs (endpoint/bucket/key), which most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Static keys; absent, the SDK's default chain (environment, instance role) applies. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** S3 refuses multipart parts under 5 MiB except the last. */
export const S3_PART_BYTES = 5 * 1024 * 1024;

export function createS3BlobStore(options: S3BlobStoreOptions, client = s3Client(options)): BlobStore {
  const Bucket = options.bucket;
  const keyOf = (key: string) => `${options.prefix ?? ''}${key}`;
  return {
    kind: 's3',
    async put(key, chunks) {
      const Key = keyOf(key);
      const parts = rechunk(chunks, S3_PART_BYTES)[Symbol.asyncIterator]();
      const first = await parts.next();
      const firstPart = first.done ? Buffer.alloc(0) : first.value;
      let second = first.done ? first : await parts.next();
      if (second.done) {
        await client.send(new PutObjectCommand({ Bucket, Key, Body: firstPart, ContentLength: firstPart.length }));
        return { bytes: firstPart.length, parts: 1 };
      }
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
      try {
        const done: { ETag: string | undefined; PartNumber: number }[] = [];
        let bytes = 0;
        const upload = async (body: Buffer) => {
          const PartNumber = done.length + 1;
          const { ETag } = await client.send(
            new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body, ContentLength: body.length }),
          );
          done.push({ ETag, PartNumber });
          bytes += body.length;
        };
        await upload(firstPart);
        while (!second.done) {
          await upload(second.value);
          second = await parts.next();
        }
        await client.send(
          new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }),
        );
        return { bytes, parts: done.length };
      } catch (error) {
        // An upload left open keeps its parts (and their cost) until aborted.
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
        throw error;
      }
    },
    async *get(key) {
      let body: AsyncIterable<Uint8Array>;
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        body = out.Body as AsyncIterable<Uint8Array>;
      } catch (error) {
        // The same answer as the PostgreSQL store for a blob that is not there: no bytes.
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return;
        throw error;
      }
      for await (const piece of body) yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async reachable() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

function s3Client(options: S3BlobStoreOptions): S3Client {
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // Checksums only where S3 requires them: many S3-compatible stores refuse the SDK's newer default
    // (trailing CRC32 in aws-chunked bodies), and every part here is sent whole with its length.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
