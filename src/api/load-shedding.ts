// Bounds the requests one API process works on at once. Past the bound a request is answered 503 with
// Retry-After at once instead of joining a queue: in an outage every request waits on the database or
// Temporal, clients retry, and an unbounded queue of requests their callers have already given up on keeps
// the process busy long after the dependency is back (measured: `npm run chaos`, README "Faults").
import type { RequestHandler } from 'express';

export interface LoadSheddingOptions {
  /** Requests worked on at once; the next one is answered 503. */
  maxInFlight: number;
  retryAfterSeconds: number;
  /** Paths never shed: liveness, readiness and metrics must answer while the process is saturated. */
  exempt?: (path: string) => boolean;
  onShed?: () => void;
}

export interface LoadShedder {
  middleware: RequestHandler;
  inFlight: () => number;
}

const NEVER_SHED = /^\/api\/v1\/(health|ready)$|^\/metrics$/;

export function loadShedding(options: LoadSheddingOptions): LoadShedder {
  let inFlight = 0;
  const exempt = options.exempt ?? ((p: string) => NEVER_SHED.test(p));
  const middleware: RequestHandler = (req, res, next) => {
    if (exempt(req.path)) return next();
    if (inFlight >= options.maxInFlight) {
      options.onShed?.();
      res
        .status(503)
        .setHeader('Retry-After', String(options.retryAfterSeconds))
        .json({
          error: {
            code: 'Unavailable',
            message:
              'the service is busy; try again after Retry-After seconds / hệ thống đang quá tải, vui lòng thử lại sau',
            requestId: String(req.id ?? ''),
          },
        });
      return;
    }
    inFlight += 1;
    // "close" fires once, when the answer is sent or the caller hung up. Work for a caller who hung up may run
    // on, but only as long as a database connection is waited for (DATABASE_POOL_TIMEOUT_MS), so it drains.
    res.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
  return { middleware, inFlight: () => inFlight };
}
