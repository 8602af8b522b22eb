// Times every request and labels it with the route pattern that answered it.
import type { Request, RequestHandler } from 'express';
import { httpDuration } from '../platform/metrics/registry';

export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const end = httpDuration.startTimer();
    const route = captureRoute(req);
    res.once('finish', () =>
      end({ method: req.method, route: route() ?? '(unmatched)', status_code: String(res.statusCode) }),
    );
    next();
  };
}

/**
 * The full pattern ("/api/v1/petitions/:id/actions") of the route that took the request. It is read when
 * the router assigns `req.route`: by the time the response finishes, an error on its way to the error
 * handler has already unwound `req.baseUrl`. No route (a 404): undefined, so raw paths never become labels.
 */
function captureRoute(req: Request): () => string | undefined {
  let pattern: string | undefined;
  let current: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: { path?: unknown } | undefined) => {
      current = value;
      if (value && typeof value.path === 'string')
        pattern = value.path === '/' && req.baseUrl ? req.baseUrl : `${req.baseUrl}${value.path}`;
    },
  });
  return () => pattern;
}
