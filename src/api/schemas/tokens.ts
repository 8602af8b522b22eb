import { z } from 'zod';
import { SCOPES } from '../../org/api-tokens';

export const ZCreateTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1),
  unitId: z.string().min(1),
});
