// The few static files the pages use: htmx straight from node_modules (no build step) and one stylesheet.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { Router, type Request } from 'express';

export const STATIC_PREFIX = '/web/static';
export const HTMX_PATH = `${STATIC_PREFIX}/htmx.min.js`;
export const STYLESHEET_PATH = `${STATIC_PREFIX}/web.css`;

const HTMX_FILE = require.resolve('htmx.org/dist/htmx.min.js');

/** A browser that says it takes gzip (every one does): `gzip;q=0` is the only way to decline it. */
function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding?.trim().toLowerCase() === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export function staticAssets(): Router {
  const router = Router();
  const options = { maxAge: '1h', immutable: false, fallthrough: false } as const;
  // htmx is 51 KB raw and the console's budget is 30 KB of JavaScript over an old line: it goes gzipped
  // (~17 KB), compressed once at start-up rather than on every request, since the file never changes.
  const htmx = readFileSync(HTMX_FILE);
  const htmxGzip = gzipSync(htmx, { level: 9 });
  router.get('/htmx.min.js', (req, res) => {
    const gzip = acceptsGzip(req);
    res
      .set({
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
        vary: 'Accept-Encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      })
      .end(gzip ? htmxGzip : htmx);
  });
  router.use(express.static(path.join(__dirname, 'static'), options));
  return router;
}
