// A case's written decisions — its extension decisions and its resolution — listed as data, and each
// printable as a PDF in the administrative layout. Same read access as the petition; the print is never
// cached by proxies.
import { Router, type Response } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { extensionDecisionPdf } from '../../petitions/decisions/extension-decision-pdf';
import { listExtensionDecisions, loadExtensionDecision } from '../../petitions/decisions/extension-decisions';
import { RESOLUTION_ALIAS } from '../../petitions/decisions/decision-documents';
import { resolutionDecisionPdf } from '../../petitions/decisions/resolution-decision-pdf';
import {
  findResolution,
  loadPrintableResolution,
  resolutionView,
} from '../../petitions/decisions/resolution-decisions';
import { setDownloadHeaders } from '../../web/download';

const sendPdf = (res: Response, fileName: string, doc: PDFKit.PDFDocument) => {
  setDownloadHeaders(res, { fileName, contentType: 'application/pdf', disposition: 'inline' });
  doc.pipe(res);
};

export function decisionRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const petitionId = (req.params as Record<string, string>).petitionId!;
    // listExtensionDecisions checks the read access first.
    const items = await listExtensionDecisions(deps.prisma, req.principal!, petitionId);
    const resolution = await findResolution(deps.prisma, req.principal!, petitionId);
    res.json({
      items: items.map((d) => ({
        id: d.eventId,
        number: d.number,
        date: d.date,
        signer: d.signer,
        days: d.days,
        reason: d.reason,
        dueFrom: d.dueFrom,
        dueTo: d.dueTo,
        decidedAt: d.decidedAt.toISOString(),
        pdfUrl: `${req.baseUrl}/${d.eventId}/pdf`,
      })),
      resolution: resolution ? resolutionView(resolution, `${req.baseUrl}/${RESOLUTION_ALIAS}/pdf`) : null,
    });
  });

  router.get('/:decisionId/pdf', async (req, res) => {
    const petitionId = (req.params as Record<string, string>).petitionId!;
    if (req.params.decisionId === RESOLUTION_ALIAS) {
      const r = await loadPrintableResolution(deps.prisma, req.principal!, petitionId);
      return sendPdf(res, `quyet-dinh-giai-quyet-${r.trackingCode}.pdf`, resolutionDecisionPdf(r));
    }
    const d = await loadExtensionDecision(deps.prisma, req.principal!, petitionId, req.params.decisionId);
    sendPdf(res, `quyet-dinh-gia-han-${d.trackingCode}.pdf`, extensionDecisionPdf(d));
  });
  return router;
}
