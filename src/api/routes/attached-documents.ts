// Documents attached to an extension decision, a reception session's minutes and a conference's results:
// the same upload (raw body, streamed, told by content) and download (no-store, verified on the way out)
// as a case's documents.
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { DocumentDeps } from '../../petitions/documents/documents';
import { listDecisionDocuments, uploadDecisionDocument } from '../../petitions/decisions/decision-documents';
import type { RecordDocumentDeps, StoreRecordDocumentInput } from '../../platform/blob/record-documents';
import type { Principal } from '../../org/access';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import { ZUploadDocumentQuery } from '../schemas/documents';
import { sendStoredDocument } from '../../web/download';

type Upload = Omit<StoreRecordDocumentInput, 'uploadedById'>;

/** The upload's parts from the request; on a refusal the connection closes rather than read the rest. */
async function receiving<T>(req: Request, res: Response, run: (upload: Upload) => Promise<T>): Promise<T> {
  const query = parseOr400(ZUploadDocumentQuery, req.query, 'query');
  const length = req.header('content-length');
  try {
    return await run({ fileName: query.fileName, declaredBytes: length ? Number(length) : undefined, body: req });
  } catch (error) {
    if (!req.readableEnded) res.setHeader('Connection', 'close');
    throw error;
  }
}

export function decisionDocumentRoutes(deps: DocumentDeps): Router {
  const router = Router({ mergeParams: true });
  router.post('/', async (req, res) => {
    const params = req.params as Record<string, string>;
    const view = await receiving(req, res, (upload) =>
      uploadDecisionDocument(deps, req.principal!, {
        ...upload,
        petitionId: params.petitionId!,
        decisionId: params.decisionId!,
      }),
    );
    res.status(201).location(view.downloadUrl).json(view);
  });
  router.get('/', async (req, res) => {
    const params = req.params as Record<string, string>;
    res.json(await listDecisionDocuments(deps, req.principal!, params.petitionId!, params.decisionId!));
  });
  return router;
}

export interface RecordDocumentUseCases {
  attach: (
    deps: RecordDocumentDeps,
    principal: Principal,
    recordId: string,
    upload: Upload,
  ) => Promise<{ downloadUrl: string }>;
  list: (deps: RecordDocumentDeps, principal: Principal, recordId: string) => Promise<unknown>;
  open: (
    deps: RecordDocumentDeps,
    principal: Principal,
    recordId: string,
    documentId: string,
  ) => Promise<{
    fileName: string;
    contentType: string;
    byteSize: number;
    sha256: string;
    body: AsyncIterable<Buffer>;
  }>;
}

/** Mounted under a path with `:recordId` (the session or the conference). */
export function recordDocumentRoutes(
  deps: RecordDocumentDeps & { logger: Logger },
  cases: RecordDocumentUseCases,
): Router {
  const router = Router({ mergeParams: true });
  // As the sessions' and conferences' own routes: staff only, never an integration's token.
  router.use(peopleOnly);
  const recordIdOf = (req: Request) => (req.params as Record<string, string>).recordId!;
  router.post('/', async (req, res) => {
    const view = await receiving(req, res, (upload) => cases.attach(deps, req.principal!, recordIdOf(req), upload));
    res.status(201).location(view.downloadUrl).json(view);
  });
  router.get('/', async (req, res) => {
    res.json(await cases.list(deps, req.principal!, recordIdOf(req)));
  });
  router.get('/:documentId/content', async (req, res) => {
    const doc = await cases.open(deps, req.principal!, recordIdOf(req), req.params.documentId as string);
    await sendStoredDocument(res, doc, deps.logger);
  });
  return router;
}
