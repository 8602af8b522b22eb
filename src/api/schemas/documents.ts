// Documents of a case file: the upload's query, the document as listed, and the download's query.
import { z } from 'zod';

export const ZUploadDocumentQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .describe('the name shown for the file; its type is told by content, and the extension is corrected to match'),
});

export const ZDocumentView = z.object({
  id: z.string(),
  petitionId: z.string(),
  fileName: z.string().describe('"tai-lieu-niem-phong.<ext>" for a sealed document'),
  contentType: z.string(),
  byteSize: z.number(),
  sha256: z.string().nullable().describe('SHA-256 of the content; null for a sealed document the caller may not open'),
  sealed: z.boolean(),
  uploadedById: z.string(),
  decisionId: z.string().nullable().describe('the extension decision the document is the written text of'),
  createdAt: z.string(),
  downloadUrl: z.string(),
});
export const ZDocumentList = z.object({ items: z.array(ZDocumentView) });

export const ZRecordDocumentView = z.object({
  id: z.string(),
  ownerType: z.enum(['receptionMinutes', 'conferenceResults']),
  ownerId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  sha256: z.string(),
  uploadedById: z.string(),
  createdAt: z.string(),
  downloadUrl: z.string(),
});
export const ZRecordDocumentList = z.object({ items: z.array(ZRecordDocumentView) });

export const ZOpenDocumentQuery = z.object({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .optional()
    .describe("required for a denunciation's sealed document: why it is opened (recorded)"),
});
