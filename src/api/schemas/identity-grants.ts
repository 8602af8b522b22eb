import { z } from 'zod';
import { str } from './text';

export const ZIdentityGrantRequest = z.object({
  personId: str().min(1).describe('the supervisor who may open identities'),
  petitionId: str().optional().describe('one denunciation …'),
  unitId: str().optional().describe('… or every denunciation of this unit and the units below it'),
  reason: str().trim().min(3).max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
