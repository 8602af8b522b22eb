import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';

export type { PrismaClient } from '../../generated/prisma/client';

export interface PrismaClientOptions {
  maxConnections?: number;
  /**
   * How long a query waits for a free connection before it fails (and its request answers 503). pg's own
   * default is forever: in an outage every request then queues behind the pool and the process never catches up.
   */
  connectionTimeoutMs?: number;
}

/** One client per process, built by the composition root only. */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
  });
  return new PrismaClient({ adapter });
}

/** Prisma's unique-constraint violation: the idempotency key was already written. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
