import { z } from 'zod';
import { str } from './text';

export const ZRatingRequest = z.object({
  secret: str().min(1).max(20),
  satisfied: z.boolean(),
  comment: str().trim().max(2000).optional(),
});
