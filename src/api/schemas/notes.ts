// Internal notes on a case: staff only, never in a citizen's view.
import { z } from 'zod';

export const ZAddNoteRequest = z.object({
  body: z.string().trim().min(1).max(10_000),
  mentionIds: z
    .array(z.string().min(1))
    .max(20)
    .optional()
    .describe('colleagues to tell by e-mail (each once); they must be able to read the case'),
});

export const ZNoteView = z.object({
  id: z.string(),
  petitionId: z.string(),
  author: z.object({ id: z.string(), fullName: z.string() }),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), fullName: z.string(), mail: z.enum(['sent', 'pending']) })),
  createdAt: z.string(),
});
export const ZNoteList = z.object({ items: z.array(ZNoteView) });
