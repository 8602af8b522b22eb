// A case's written extension decisions as listed, each with the URL of its printed PDF.
import { z } from 'zod';

export const ZExtensionDecision = z.object({
  id: z.string().describe('the id of the case event that recorded the decision'),
  number: z.string().describe('số quyết định, as the leader gave it'),
  date: z.string().describe('the decision date (YYYY-MM-DD)'),
  signer: z.string(),
  days: z.number().nullable().describe('days granted'),
  reason: z.string(),
  dueFrom: z.string().nullable().describe('the due time before the extension'),
  dueTo: z.string().nullable().describe('the due time after it'),
  decidedAt: z.string(),
  pdfUrl: z.string().describe('the decision printed in the administrative layout (Nghị định 30/2020)'),
});

export const ZExtensionDecisionList = z.object({ items: z.array(ZExtensionDecision) });
