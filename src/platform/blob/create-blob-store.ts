// The configured BlobStore: PostgreSQL unless BLOB_STORE=s3.
import type { AppConfig } from '../../config';
import type { PrismaClient } from '../db/prisma';
import type { BlobStore } from './blob-store';
import { createPostgresBlobStore } from './postgres-blob-store';
import { createS3BlobStore } from './s3-blob-store';

export function createBlobStore(config: AppConfig['blobStore'], prisma: PrismaClient): BlobStore {
  if (config.kind === 'postgres') return createPostgresBlobStore(prisma);
  const { kind: _kind, ...options } = config;
  return createS3BlobStore(options);
}
