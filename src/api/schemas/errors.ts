// The one error body every failure is answered with.
import { z } from 'zod';
import { str } from './text';

export const ZErrorResponse = z.object({
  error: z.object({ code: str(), message: str(), requestId: str(), details: z.unknown().optional() }),
});
