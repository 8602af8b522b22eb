// The case page's notes, documents, decision documents and decision prints: each route calls the use case
// its JSON API route calls (notes.ts, documents.ts, decision-documents.ts, extension-decisions.ts) with the
// signed-in principal, so the access checks and the document intake (size limit, magic bytes, streaming,
// sealing) are the API's own.
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { readableUnits, rolesOver, type UnitTree, type Principal } from '../org/access';
import { addNote, listNotes } from '../petitions/notes/notes';
import { listDocuments, openDocument, uploadDocument, type DocumentDeps } from '../petitions/documents/documents';
import { loadExtensionDecision } from '../petitions/decisions/extension-decisions';
import { listCaseDecisions, RESOLUTION_ALIAS, uploadDecisionDocument } from '../petitions/decisions/decision-documents';
import { loadPrintableResolution } from '../petitions/decisions/resolution-decisions';
import { resolutionDecisionPdf } from '../petitions/decisions/resolution-decision-pdf';
import { extensionDecisionPdf } from '../petitions/decisions/extension-decision-pdf';
import { sendStoredDocument, setDownloadHeaders } from '../web/download';
import { toAppError, statusFor } from '../web/app-errors';
import { compareNames } from '../web/format';
import { AppError } from '../errors';
import type { ConsoleDeps } from './console-deps';
import type { PageContext } from './page-context';
import { refusalWords } from './refusals';
import { caseHref } from './components';
import { casefileWords } from './casefile-messages';
import { multipartBoundary, readMultipartFile, type MultipartFile } from './multipart-file';
import { NOTE_MAX, noteLengthWords, type CaseNotesView } from './pages/case-notes';
import type { CaseDocumentsView } from './pages/case-documents';
import type { CaseNotice } from './pages/case';

type Fields = Record<string, string | string[] | undefined>;

export interface CaseFileRenderOptions {
  notice?: CaseNotice;
  noteForm?: CaseNotesView['form'];
  status?: number;
}

export type RenderCase = (req: Request, res: Response, id: string, options: CaseFileRenderOptions) => Promise<void>;

export function documentDeps(deps: ConsoleDeps): DocumentDeps {
  return {
    prisma: deps.prisma,
    blobStore: deps.caseFile.blobStore,
    identityKey: deps.identityKey,
    maxBytes: deps.caseFile.documentMaxBytes,
  };
}

/** Colleagues a note may mention: active people whose roles read the case's unit (addNote checks again). */
async function mentionable(deps: ConsoleDeps, tree: UnitTree, unitId: string, self: string) {
  const people = await deps.prisma.person.findMany({
    where: { active: true, id: { not: self }, roleBindings: { some: { unitId: { in: tree.ancestorsOf(unitId) } } } },
    include: { roleBindings: true },
  });
  return people
    .filter((p) =>
      readableUnits({ personId: p.id, fullName: p.fullName, unitId: p.unitId, bindings: p.roleBindings }, tree).has(
        unitId,
      ),
    )
    .map((p) => ({ id: p.id, fullName: p.fullName }))
    .sort((a, b) => compareNames(a.fullName, b.fullName));
}

/** The notes and documents blocks of a case the principal may read (the page's own getPetition checked it). */
export async function caseFileViews(
  deps: ConsoleDeps,
  principal: Principal,
  id: string,
  unit: { unitId: string; tree: UnitTree; sealedEntitled: boolean },
  noteForm?: CaseNotesView['form'],
): Promise<{ notes: CaseNotesView; documents: CaseDocumentsView }> {
  const [notes, colleagues, documents, decisions] = await Promise.all([
    listNotes(deps, principal, id),
    mentionable(deps, unit.tree, unit.unitId, principal.personId),
    listDocuments(documentDeps(deps), principal, id),
    listCaseDecisions(deps.prisma, principal, id),
  ]);
  const roles = rolesOver(principal, unit.unitId, unit.tree);
  return {
    notes: { petitionId: id, notes: notes.items, colleagues, form: noteForm },
    documents: {
      petitionId: id,
      // A decision's documents are listed under that decision, the rest as the petition's.
      documents: documents.items.filter((d) => !d.decisionId),
      decisions: decisions.map((d) => ({
        ...d,
        documents: documents.items.filter((doc) => doc.decisionId === d.eventId),
      })),
      sealedEntitled: unit.sealedEntitled,
      canUpload: roles.includes('officer') || roles.includes('leader'),
      maxBytes: deps.caseFile.documentMaxBytes,
    },
  };
}

const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);

/** A use case's refusal, in words on the case page; what is no refusal goes to the console's error page. */
function refusalNotice(ctx: PageContext, error: unknown): { notice: CaseNotice; status: number } {
  const appError = toAppError(error);
  if (appError.code === 'NotFound' || appError.code === 'Internal' || appError.code === 'Unavailable') throw appError;
  const words = refusalWords(ctx, appError);
  const fieldWords = Array.isArray(appError.details)
    ? (appError.details as { message: string }[]).map((d) => d.message)
    : [];
  return {
    notice: {
      kind: 'error',
      headline: `${ctx.t('refusedTitle')}: ${words.headline}`,
      detail: fieldWords.length ? `${words.detail ?? ''} (${fieldWords.join('; ')})` : words.detail,
    },
    status: statusFor(appError),
  };
}

export function caseFilePages(
  deps: ConsoleDeps & { logger?: Logger },
  ctxOf: (req: Request) => PageContext,
  renderCase: RenderCase,
): Router {
  const router = Router();
  const noteDeps = { prisma: deps.prisma, mailer: deps.caseFile.mailer, appUrl: deps.caseFile.appUrl };

  router.post('/petitions/:id/notes', async (req, res) => {
    const ctx = ctxOf(req);
    const fields = req.body as Fields;
    const body = String(fields.body ?? '')
      .replace(/\r\n/g, '\n')
      .trim();
    const mentionIds = listOf(fields.mentionIds);
    if (body.length === 0 || body.length > NOTE_MAX) {
      return renderCase(req, res, req.params.id, {
        notice: { kind: 'error', headline: ctx.t('refusal_ValidationFailed'), detail: noteLengthWords(ctx) },
        noteForm: { body, mentionIds, error: noteLengthWords(ctx) },
        status: 400,
      });
    }
    try {
      await addNote(noteDeps, req.principal!, {
        petitionId: req.params.id,
        body,
        ...(mentionIds.length ? { mentionIds } : {}),
      });
    } catch (error) {
      const refused = refusalNotice(ctx, error);
      return renderCase(req, res, req.params.id, { ...refused, noteForm: { body, mentionIds } });
    }
    res.redirect(303, `${caseHref(req.params.id)}?noteAdded=1#notes`);
  });

  /**
   * The form's one file, through `attach` (the use case the API's route calls); a refusal comes back on the
   * case page in words. `attach` may read the fields the form sent before its file.
   */
  const receiveUpload = async (
    req: Request,
    res: Response,
    attach: (file: MultipartFile) => Promise<{ fileName: string }>,
  ) => {
    const ctx = ctxOf(req);
    const boundary = multipartBoundary(req.header('content-type'));
    let name: string;
    try {
      if (!boundary) throw new AppError('ValidationFailed', casefileWords(ctx)('docsNoFile'));
      const file = await readMultipartFile(req, boundary);
      if (!file.fileName) throw new AppError('ValidationFailed', casefileWords(ctx)('docsNoFile'));
      // The whole request is larger than the file: the limit is the intake's, counted on the file's bytes.
      name = (await attach(file)).fileName;
    } catch (error) {
      // A refused upload may leave the browser still sending: close the connection rather than read it all.
      if (!req.readableEnded) res.setHeader('Connection', 'close');
      return renderCase(req, res, req.params.id as string, refusalNotice(ctx, error));
    }
    res.redirect(303, `${caseHref(req.params.id as string)}?documentAdded=${encodeURIComponent(name)}#documents`);
  };

  router.post('/petitions/:id/documents', (req, res) =>
    receiveUpload(req, res, (file) =>
      uploadDocument(documentDeps(deps), req.principal!, {
        petitionId: req.params.id,
        fileName: file.fileName,
        body: file.body,
      }),
    ),
  );

  // The decision is a field before the file (the form puts its select first), so an unknown one is refused
  // before the file's bytes are read.
  router.post('/petitions/:id/decision-documents', (req, res) =>
    receiveUpload(req, res, (file) => {
      const decisionId = file.fields.decisionId?.trim();
      if (!decisionId) throw new AppError('ValidationFailed', casefileWords(ctxOf(req))('decisionChoose'));
      return uploadDecisionDocument(documentDeps(deps), req.principal!, {
        petitionId: req.params.id,
        decisionId,
        fileName: file.fileName,
        body: file.body,
      });
    }),
  );

  const download = async (req: Request, res: Response, reason?: string) => {
    const doc = await openDocument(documentDeps(deps), req.principal!, {
      petitionId: req.params.id as string,
      documentId: req.params.documentId as string,
      reason,
    });
    await sendStoredDocument(res, doc, deps.logger ?? (req.log as unknown as Logger));
  };

  router.get('/petitions/:id/documents/:documentId', async (req, res) => {
    await download(req, res);
  });

  // A sealed document: the reason comes in a form (with its CSRF token), and is recorded with the opening.
  router.post('/petitions/:id/documents/:documentId', async (req, res) => {
    const ctx = ctxOf(req);
    const reason = String((req.body as Fields).reason ?? '').trim();
    try {
      await download(req, res, reason);
    } catch (error) {
      if (res.headersSent) throw error;
      return renderCase(req, res, req.params.id, refusalNotice(ctx, error));
    }
  });

  router.get('/petitions/:id/decisions/:decisionId/pdf', async (req, res) => {
    if (req.params.decisionId === RESOLUTION_ALIAS) {
      const r = await loadPrintableResolution(deps.prisma, req.principal!, req.params.id);
      setDownloadHeaders(res, {
        fileName: `quyet-dinh-giai-quyet-${r.trackingCode}.pdf`,
        contentType: 'application/pdf',
        disposition: 'inline',
      });
      resolutionDecisionPdf(r).pipe(res);
      return;
    }
    const d = await loadExtensionDecision(deps.prisma, req.principal!, req.params.id, req.params.decisionId);
    setDownloadHeaders(res, {
      fileName: `quyet-dinh-gia-han-${d.trackingCode}.pdf`,
      contentType: 'application/pdf',
      disposition: 'inline',
    });
    extensionDecisionPdf(d).pipe(res);
  });

  return router;
}
