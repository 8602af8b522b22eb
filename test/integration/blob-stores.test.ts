// The two stores behind BlobStore keep the same promises: bytes back in order and whole (12 MiB streamed in
// small pieces, an empty file), nothing left after remove or after a source that fails half-way, and the key
// prefix honoured. The S3 store runs against s3rver, an S3-protocol server on a local port (signatures
// checked), so its multipart upload, abort and NoSuchKey paths are the real protocol's.
import { createHash, randomBytes } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '../../src/platform/blob/blob-store';
import { createPostgresBlobStore } from '../../src/platform/blob/postgres-blob-store';
import { createS3BlobStore, S3_PART_BYTES, type S3BlobStoreOptions } from '../../src/platform/blob/s3-blob-store';
import { startS3Server, type S3Server } from '../support/s3-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let s3: S3Server;
let s3Options: S3BlobStoreOptions;

beforeAll(async () => {
  [db, s3] = await Promise.all([createTestDatabase(), startS3Server('case-files', 'danvan/')]);
  s3Options = s3.options;
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await db?.drop();
});

async function* pieces(bytes: Buffer, size: number, failAfter?: number): AsyncIterable<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    if (failAfter !== undefined && at >= failAfter) throw new Error('the upload was cut');
    yield bytes.subarray(at, at + size);
  }
}

async function readAll(store: BlobStore, key: string): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of store.get(key)) out.push(chunk);
  return Buffer.concat(out);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const stores: [string, () => BlobStore, number][] = [
  ['postgres', () => createPostgresBlobStore(db.prisma), 12],
  ['s3', () => createS3BlobStore(s3Options), 3],
];

describe.each(stores)('the %s store', (_kind, store, partsOf12MiB) => {
  test('gives back 12 MiB streamed in 64 KiB pieces whole and in order, and an empty file as empty', async () => {
    const bytes = randomBytes(12 * 1024 * 1024);
    expect(await store().put('doc-12mib', pieces(bytes, 64 * 1024))).toEqual({
      bytes: bytes.length,
      parts: partsOf12MiB,
    });
    expect(sha(await readAll(store(), 'doc-12mib'))).toBe(sha(bytes));
    await store().put('doc-empty', pieces(Buffer.alloc(0), 1));
    expect((await readAll(store(), 'doc-empty')).length).toBe(0);
  });

  test('keeps nothing after remove, twice, nor for a key never written', async () => {
    const bytes = randomBytes(1000);
    await store().put('doc-removed', pieces(bytes, 100));
    expect(sha(await readAll(store(), 'doc-removed'))).toBe(sha(bytes));
    await store().remove('doc-removed');
    await store().remove('doc-removed');
    expect((await readAll(store(), 'doc-removed')).length).toBe(0);
    expect((await readAll(store(), 'never-written')).length).toBe(0);
  });

  test('a source that fails half-way rejects the put; after the caller removes, nothing is readable', async () => {
    const bytes = randomBytes(S3_PART_BYTES * 2 + 10);
    await expect(store().put('doc-cut', pieces(bytes, 256 * 1024, S3_PART_BYTES + 512 * 1024))).rejects.toThrow(
      'the upload was cut',
    );
    await store().remove('doc-cut');
    expect((await readAll(store(), 'doc-cut')).length).toBe(0);
  });
});

test('the S3 store writes under its prefix, says when the bucket answers, and refuses a missing bucket', async () => {
  await createS3BlobStore(s3Options).put('prefixed', pieces(Buffer.from('x'), 1));
  const client = new S3Client({
    region: s3Options.region,
    endpoint: s3Options.endpoint,
    forcePathStyle: true,
    credentials: s3Options.credentials,
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: 'case-files', Prefix: 'danvan/prefixed' }));
  expect(listed.Contents?.map((o) => o.Key)).toEqual(['danvan/prefixed']);
  client.destroy();
  await expect(createS3BlobStore(s3Options).reachable!()).resolves.toBeUndefined();
  await expect(createS3BlobStore({ ...s3Options, bucket: 'no-such-bucket' }).reachable!()).rejects.toThrow();
});
