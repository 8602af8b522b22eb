// A small in-memory limiter for the citizen's tracking lookups, against guessing codes and secrets.
// Per process: behind several API processes, put the same limit in front of them (proxy or gateway).
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per window and client address. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): RequestHandler & { reset: () => void } {
  const hits = new Map<string, { count: number; resetAt: number }>();
  const now = options.now ?? Date.now;
  const handler: RequestHandler = (req, res, next) => {
    const key = req.ip ?? 'unknown';
    const t = now();
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= t) {
      entry = { count: 0, resetAt: t + options.windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > options.limit) {
      res.setHeader('Retry-After', String(Math.ceil((entry.resetAt - t) / 1000)));
      next(
        new AppError(
          'TooManyRequests',
          'too many lookups; try again later / tra cứu quá nhiều lần, vui lòng thử lại sau',
        ),
      );
      return;
    }
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
    next();
  };
  return Object.assign(handler, { reset: () => hits.clear() });
}
