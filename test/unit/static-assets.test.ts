// The console's one script over the wire: htmx goes gzipped within the 30 KB JavaScript budget of the
// console issue, and whole to a client that declines gzip.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { HTMX_PATH, STATIC_PREFIX, staticAssets } from '../../src/web/static-assets';

const htmx = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'));
const JS_BUDGET_BYTES = 30 * 1024;
let server: Server;

beforeAll(async () => {
  server = express().use(STATIC_PREFIX, staticAssets()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The bytes as sent, not decoded (node's http client never decodes): what the old line has to carry. */
function raw(accept: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: HTMX_PATH, headers: { 'accept-encoding': accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('when a browser takes gzip, then htmx arrives gzipped within the 30 KB budget and decodes to the file', async () => {
  const res = await raw('gzip, deflate, br');
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(res.headers['vary']).toBe('Accept-Encoding');
  expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  const sent = res.body;
  expect(sent.length).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  expect(Number(res.headers['content-length'])).toBe(sent.length);
  expect(gunzipSync(sent).equals(htmx)).toBe(true);
});

test.each(['identity', 'gzip;q=0, deflate', ''])(
  'when the client declines gzip (Accept-Encoding "%s"), then htmx arrives as the file itself',
  async (accept) => {
    const res = await raw(accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(htmx)).toBe(true);
  },
);
