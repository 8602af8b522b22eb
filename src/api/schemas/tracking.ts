import { z } from 'zod';

export const ZRatingRequest = z.object({ secret: z.string().min(1).max(20), satisfied: z.boolean(), comment: z.string().trim().max(2000).optional() });
