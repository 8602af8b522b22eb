// Whether a failure means a dependency (PostgreSQL, Temporal) cannot be reached right now: the caller is
// answered 503 with Retry-After, not 500, because the same request will work once it is back.

/** Prisma's "cannot reach", "timed out", "closed the connection" and "pool timeout" codes. */
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** The driver adapter's kinds for the same conditions (raw queries report them under P2010). */
const ADAPTER_UNREACHABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'DatabaseDoesNotExist',
]);
/** gRPC DEADLINE_EXCEEDED and UNAVAILABLE. */
const GRPC_UNREACHABLE = new Set([4, 14]);
/** Node socket errors, and PostgreSQL's "shutting down" / "cannot connect now" / connection-exception class 08. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/** pg-pool's own message when no connection came free within connectionTimeoutMillis (a plain Error). */
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

export type UnavailableDependency = 'database' | 'temporal';

export function unavailableDependency(error: unknown): UnavailableDependency | null {
  // The SDK wraps the gRPC status (ServiceError → cause), Prisma wraps the driver's error: walk the chain.
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as {
      name?: unknown;
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
      metadata?: unknown;
      cause?: unknown;
      message?: unknown;
    };
    if (e.message === POOL_TIMEOUT_MESSAGE) return 'database';
    if (typeof e.code === 'string' && PRISMA_UNREACHABLE.has(e.code)) return 'database';
    const kind = e.meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === 'string' && ADAPTER_UNREACHABLE.has(kind)) return 'database';
    if (typeof e.code === 'number' && GRPC_UNREACHABLE.has(e.code) && e.metadata !== undefined) return 'temporal';
    if (e.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return 'temporal';
    if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || e.code.startsWith('08')))
      return e.name === 'ServiceError' ? 'temporal' : 'database';
    current = e.cause;
  }
  return null;
}
