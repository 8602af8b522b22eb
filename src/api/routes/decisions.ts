// A case's written extension decisions: listed as data, and each printable as a PDF in the administrative
// layout. Same read access as the petition; the print is never cached by proxies.
import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { extensionDecisionPdf } from '../../petitions/decisions/extension-decision-pdf';
import { listExtensionDecisions, loadExtensionDecision } from '../../petitions/decisions/extension-decisions';
import { setDownloadHeaders } from '../../web/download';

export function decisionRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const petitionId = (req.params as Record<string, string>).petitionId!;
    const items = await listExtensionDecisions(deps.prisma, req.principal!, petitionId);
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
    });
  });

  router.get('/:decisionId/pdf', async (req, res) => {
    const d = await loadExtensionDecision(
      deps.prisma,
      req.principal!,
      (req.params as Record<string, string>).petitionId!,
      req.params.decisionId,
    );
    setDownloadHeaders(res, {
      fileName: `quyet-dinh-gia-han-${d.trackingCode}.pdf`,
      contentType: 'application/pdf',
      disposition: 'inline',
    });
    extensionDecisionPdf(d).pipe(res);
  });
  return router;
}
