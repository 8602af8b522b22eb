// An S3-protocol server on a local port for the object-store tests: s3rver keeps objects as files in a
// temporary folder and checks request signatures made with its own keys.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { S3BlobStoreOptions } from '../../src/platform/blob/s3-blob-store';
import { findFreePort } from '../../src/platform/runtime/free-port';

// s3rver ships no types; this is the part of it the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: object) => { run(): Promise<unknown>; close(): Promise<void> };

export interface S3Server {
  /** Store options reaching the bucket with s3rver's keys. */
  options: S3BlobStoreOptions;
  /** Every object's bytes as the server keeps them on disk. */
  storedFiles(): Buffer[];
  close(): Promise<void>;
}

export async function startS3Server(bucket: string, prefix?: string): Promise<S3Server> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'danvan-s3-'));
  const port = await findFreePort();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  const filesUnder = (d: string): Buffer[] =>
    readdirSync(d).flatMap((name) => {
      const full = path.join(d, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [readFileSync(full)];
    });
  return {
    options: {
      bucket,
      prefix,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    storedFiles: () => filesUnder(dir),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
