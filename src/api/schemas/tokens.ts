import { z } from 'zod';
import { str } from './text';
import { SCOPES } from '../../org/api-tokens';

export const ZCreateTokenRequest = z.object({
  name: str().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1),
  unitId: str().min(1),
});
