// A case's written decisions as listed: each extension decision and the resolution, with the URL of each
// one's printed PDF.
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

export const ZResolutionDocument = z
  .object({
    id: z.literal('resolution').describe('the decisionId that names it in …/decisions/{decisionId}/…'),
    decidedAt: z.string().describe('when the resolve action was recorded'),
    summary: z.string().describe("the leader's summary: the body of the printed document"),
    number: z.string().nullable().describe('số văn bản, e.g. "125/QĐ-UBND"; null when resolved without a record'),
    date: z.string().nullable().describe('the day it was signed (YYYY-MM-DD)'),
    signer: z.string().nullable().describe('người ký'),
    signerTitle: z.string().nullable().describe('chức vụ of the signer'),
    pdfUrl: z
      .string()
      .nullable()
      .describe(
        'the resolution printed in the administrative layout (quyết định giải quyết khiếu nại, kết luận nội dung tố cáo, văn bản trả lời); null without a record',
      ),
  })
  .describe('the resolution (giải quyết) with its written record');

export const ZExtensionDecisionList = z.object({
  items: z.array(ZExtensionDecision).describe('the approved extension decisions, oldest first'),
  resolution: ZResolutionDocument.nullable().describe('null while the case is not resolved'),
});
