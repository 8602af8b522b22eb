// The one way a case-file download is answered (src/web/download.ts): what the API and the console send.
import { createHash } from 'node:crypto';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { contentDisposition, sendStoredDocument, setDownloadHeaders } from '../../src/web/download';

const quiet = pino({ level: 'silent' });

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

function appSending(body: string, sha256: string) {
  const app = express();
  app.get('/doc', async (_req, res) => {
    await sendStoredDocument(
      res,
      {
        fileName: 'Biên bản đối thoại.pdf',
        contentType: 'application/pdf',
        byteSize: Buffer.byteLength(body),
        sha256,
        body: chunks(body),
      },
      quiet,
    );
  });
  app.get('/print', (_req, res) => {
    setDownloadHeaders(res, { fileName: 'quyet-dinh.pdf', contentType: 'application/pdf', disposition: 'inline' });
    res.end('%PDF-');
  });
  return app;
}

test('when a stored document is sent, then it goes as an attachment, uncached, unsniffed, with its length and bytes', async () => {
  const body = '%PDF-1.7 nội dung';
  const res = await request(appSending(body, createHash('sha256').update(body).digest('hex'))).get('/doc');
  expect(res.status).toBe(200);
  expect(res.headers).toMatchObject({
    'content-type': 'application/pdf',
    'content-length': String(Buffer.byteLength(body)),
    'content-disposition': `attachment; filename="Bien ban doi thoai.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản đối thoại.pdf')}`,
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-content-type-options': 'nosniff',
  });
});

test('when a stored document no longer matches its SHA-256, then the connection is cut rather than a whole-looking file sent', async () => {
  await expect(request(appSending('%PDF-1.7 tampered', 'a'.repeat(64))).get('/doc')).rejects.toThrow();
});

test('when a print is sent inline, then it has the same cache and sniffing headers and no length', async () => {
  const res = await request(appSending('', '')).get('/print');
  expect(res.headers['content-disposition']).toBe(`inline; filename="quyet-dinh.pdf"; filename*=UTF-8''quyet-dinh.pdf`);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(contentDisposition('Đơn "gốc".png')).toBe(
    `attachment; filename="Don _goc_.png"; filename*=UTF-8''${encodeURIComponent('Đơn "gốc".png')}`,
  );
});
