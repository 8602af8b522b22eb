// A case file's download, written the same way by the API and the console: the headers that keep a
// document out of shared caches and out of browsers' content sniffing, and the stream that hashes the bytes
// on their way out. A case file's documents may reveal a denouncer: a proxy must never keep a copy.
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { Logger } from 'pino';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Vietnamese file names survive. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface DownloadHeaders {
  fileName: string;
  contentType: string;
  /** Known for a stored document; a PDF printed on the fly has none. */
  byteSize?: number;
  /** `inline` for what the browser should show (a printed decision), `attachment` otherwise. */
  disposition?: 'attachment' | 'inline';
}

export function setDownloadHeaders(res: Response, file: DownloadHeaders): void {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  if (file.byteSize !== undefined) res.setHeader('Content-Length', String(file.byteSize));
  res.setHeader('Content-Disposition', contentDisposition(file.fileName, file.disposition));
  res.setHeader('Cache-Control', 'no-store');
  // HTTP/1.0 caches know no Cache-Control.
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

export interface StoredDownload {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  body: AsyncIterable<Buffer>;
}

/** A stored document, headers and verified bytes. */
export async function sendStoredDocument(res: Response, doc: StoredDownload, logger: Logger): Promise<void> {
  setDownloadHeaders(res, doc);
  await streamVerified(res, doc.body, doc.sha256, logger);
}

function drainOrClose(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Writes chunk by chunk, waiting for the socket to drain. The bytes are hashed on the way out: a stored
 * blob that no longer matches its SHA-256 ends in a cut connection, never a complete-looking file.
 */
export async function streamVerified(
  res: Response,
  body: AsyncIterable<Buffer>,
  sha256: string,
  logger: Logger,
): Promise<void> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      if (!res.write(chunk)) await drainOrClose(res);
      if (res.destroyed) return;
    }
  } catch (error) {
    logger.error({ err: error }, 'document stream failed');
    res.destroy();
    return;
  }
  if (hash.digest('hex') !== sha256) {
    logger.error('document content does not match its recorded SHA-256');
    res.destroy();
    return;
  }
  res.end();
}
