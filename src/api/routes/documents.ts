// Documents of a case: the upload is the raw request body (any Content-Type; the content decides), streamed
// to the store; the download streams back as every case-file download does (src/web/download.ts).
import { Router } from 'express';
import type { Logger } from 'pino';
import { listDocuments, openDocument, uploadDocument, type DocumentDeps } from '../../petitions/documents/documents';
import { parseOr400 } from '../errors';
import { ZOpenDocumentQuery, ZUploadDocumentQuery } from '../schemas/documents';
import { sendStoredDocument } from '../../web/download';

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
    await sendStoredDocument(res, doc, deps.logger);
  });

  return router;
}
