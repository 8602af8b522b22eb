// The one error body every failure is answered with.
import { z } from 'zod';

export const ZErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string(), details: z.unknown().optional() }),
});
