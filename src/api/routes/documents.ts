// Documents of a case: the upload is the raw request body (any Content-Type; the content decides), streamed
// to the store; the download streams back with headers that keep it out of caches and browsers' sniffing.
import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import { createHash } from 'node:crypto';
import { listDocuments, openDocument, uploadDocument, type DocumentDeps } from '../../petitions/documents/documents';
import { parseOr400 } from '../errors';
import { ZOpenDocumentQuery, ZUploadDocumentQuery } from '../schemas/documents';

export function documentRoutes(deps: DocumentDeps & { logger: Logger }): Router {
  const router = Router({ mergeParams: true });
  const petitionIdOf = (params: Record<string, string>) => params.petitionId!;

  router.post('/', async (req, res) => {
    const query = parseOr400(ZUploadDocumentQuery, req.query, 'query');
    const length = req.header('content-length');
    try {
      const view = await uploadDocument(deps, req.principal!, {
        petitionId: petitionIdOf(req.params),
        fileName: query.fileName,
        declaredBytes: length ? Number(length) : undefined,
        body: req,
      });
      res.status(201).location(view.downloadUrl).json(view);
    } catch (error) {
      // A refused upload may leave the client still sending: close the connection rather than read it all.
      if (!req.readableEnded) res.setHeader('Connection', 'close');
      throw error;
    }
  });

  router.get('/', async (req, res) => {
    res.json(await listDocuments(deps, req.principal!, petitionIdOf(req.params)));
  });

  router.get('/:documentId/content', async (req, res) => {
    const query = parseOr400(ZOpenDocumentQuery, req.query, 'query');
    const doc = await openDocument(deps, req.principal!, {
      petitionId: petitionIdOf(req.params),
      documentId: req.params.documentId!,
      reason: query.reason,
    });
    res.status(200);
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Length', String(doc.byteSize));
    res.setHeader('Content-Disposition', contentDisposition(doc.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await streamVerified(res, doc.body, doc.sha256, deps.logger);
  });

  return router;
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

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Vietnamese file names survive. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
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
