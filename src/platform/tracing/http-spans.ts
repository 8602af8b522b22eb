// One server span per HTTP request, continuing a caller's W3C trace context when it sends one; the Temporal
// client's interceptor, called inside it, makes the workflow's spans its children.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';

type Request = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

export function httpSpans(tracer: Tracer) {
  return (req: Request, res: ServerResponse, next: (error?: unknown) => void): void => {
    const parent = propagation.extract(context.active(), req.headers);
    // The path's ids stay out of the span name (one name per route); the route is known once matched.
    const span = tracer.startSpan(`HTTP ${req.method}`, { kind: SpanKind.SERVER }, parent);
    res.on('finish', () => {
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
      if (route) span.updateName(`${req.method} ${route}`);
      span.setAttributes({
        'http.request.method': req.method ?? '',
        'http.response.status_code': res.statusCode,
        ...(route ? { 'http.route': route } : {}),
      });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => next());
  };
}
