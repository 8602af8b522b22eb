import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
  });
  // When PostgreSQL goes away, a connection can report the loss more than once (the server's "terminating
  // connection" and then the socket's end); the query in flight or the pool takes the first, and a later one
  // with no listener would be thrown and end the process. Each connection keeps a listener for its lifetime,
  // so an outage fails queries (which retry) instead of killing a worker.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** Prisma's unique-constraint violation: the idempotency key was already written. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
