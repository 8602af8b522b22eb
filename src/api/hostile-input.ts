// The edge's first line against hostile requests, before any route or authentication: a path or query
// value that does not decode or cannot be stored, a body in another charset, and the body parser's own
// refusals are answered as the client errors they are, never as a 500 from deeper down.
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { firstUnstorable, isStorableText, UNSTORABLE_MESSAGE } from '../domain/storable-text';

function decodedSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** Long enough for a UUID with a prefix or two; far below what an index entry holds. */
export const MAX_IDEMPOTENCY_KEY = 200;

export const refuseMalformedRequests: RequestHandler = (req, _res, next) => {
  const segments = decodedSegments(req.path);
  if (!segments)
    return next(
      new AppError('ValidationFailed', 'the path is not valid percent-encoded UTF-8', [
        { path: 'path', message: 'malformed percent-encoding' },
      ]),
    );
  if (!segments.every(isStorableText))
    return next(
      new AppError('ValidationFailed', 'invalid request path', [{ path: 'path', message: UNSTORABLE_MESSAGE }]),
    );
  const badQuery = firstUnstorable(req.query);
  if (badQuery)
    return next(
      new AppError('ValidationFailed', 'invalid request query', [{ path: badQuery, message: UNSTORABLE_MESSAGE }]),
    );
  // Keys are stored in unique indexes (a btree entry holds at most ~2.7 KB): a longer key would be a 500 there.
  const key = req.header('idempotency-key');
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY || !isStorableText(key)))
    return next(
      new AppError('ValidationFailed', 'invalid Idempotency-Key', [
        {
          path: 'Idempotency-Key',
          message: `1 to ${MAX_IDEMPOTENCY_KEY} characters / từ 1 đến ${MAX_IDEMPOTENCY_KEY} ký tự`,
        },
      ]),
    );
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.header('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    return next(
      new AppError('UnsupportedMediaType', `charset ${charset} is not accepted: send UTF-8 / chỉ nhận UTF-8`),
    );
  next();
};

const BODY_ERRORS: Record<string, () => AppError> = {
  'entity.too.large': () =>
    new AppError('PayloadTooLarge', 'the request body is over the limit / nội dung gửi lên quá lớn'),
  'parameters.too.many': () => new AppError('PayloadTooLarge', 'too many form fields / quá nhiều trường'),
  'charset.unsupported': () =>
    new AppError('UnsupportedMediaType', 'this charset is not accepted: send UTF-8 / chỉ nhận UTF-8'),
  'encoding.unsupported': () =>
    new AppError('UnsupportedMediaType', 'this Content-Encoding is not accepted: send identity, gzip, deflate or br'),
  'entity.parse.failed': () => new AppError('ValidationFailed', 'the request body is not valid JSON'),
};

/** The body parser's and the router's client errors (they carry a 4xx status) as AppErrors; null for anything else. */
export function requestErrorOf(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status < 400 || status >= 500) return null;
  const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
  if (known) return known();
  if (status === 413) return BODY_ERRORS['entity.too.large']!();
  if (status === 415) return new AppError('UnsupportedMediaType', 'unsupported request body');
  // A broken gzip stream, an aborted upload, a size that does not match Content-Length, a param that does not decode.
  return new AppError(
    'ValidationFailed',
    `the request cannot be read: ${typeof e.message === 'string' ? e.message.slice(0, 200) : 'malformed'}`,
  );
}
