// One POST of one record version to the national receiver. The answer is classified, never thrown for a
// refusal: 2xx is accepted; a refusal of the record itself (400, 409, 413, 422) is rejected and reported,
// not retried (the same bytes would be refused again); anything else — no connection, a timeout, 5xx, 408,
// 429, or 401/403 until an admin fixes the token — is an outage the caller retries.
import http from 'node:http';
import https from 'node:https';
import type { NationalSyncConfig } from './national-sync-config';

export type ReceiverAnswer =
  | { kind: 'accepted'; status: number }
  | { kind: 'rejected'; status: number; body: string }
  | { kind: 'unavailable'; status: number | null; reason: string };

const REJECTED = new Set([400, 409, 413, 422]);

export function assertSafeUrl(config: Pick<NationalSyncConfig, 'url' | 'allowHttp'>): URL {
  const url = new URL(config.url);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && config.allowHttp) return url;
  throw new Error(
    `NATIONAL_SYNC_URL must be https:// (got ${url.protocol}); plain http needs NATIONAL_SYNC_ALLOW_HTTP=true`,
  );
}

export function postRecord(
  config: NationalSyncConfig,
  request: { idempotencyKey: string; body: string },
): Promise<ReceiverAnswer> {
  const url = assertSafeUrl(config);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(request.body),
    'Idempotency-Key': request.idempotencyKey,
    Accept: 'application/json',
  };
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  return new Promise((resolve) => {
    const options = { method: 'POST', headers, timeout: config.requestTimeoutMs };
    const req =
      url.protocol === 'https:'
        ? https.request(url, { ...options, ...(config.caPem ? { ca: config.caPem } : {}) })
        : http.request(url, options);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        // Only the start of an answer is kept for the report.
        if (size < 2048) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString('utf8').slice(0, 500);
        if (status >= 200 && status < 300) resolve({ kind: 'accepted', status });
        else if (REJECTED.has(status)) resolve({ kind: 'rejected', status, body });
        else resolve({ kind: 'unavailable', status, reason: `HTTP ${status}` });
      });
      res.on('error', (error) => resolve({ kind: 'unavailable', status: null, reason: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${config.requestTimeoutMs} ms`)));
    req.on('error', (error) => resolve({ kind: 'unavailable', status: null, reason: error.message }));
    req.end(request.body);
  });
}
