import { z } from 'zod';

export const ZIdentityGrantRequest = z.object({
  personId: z.string().min(1).describe('the supervisor who may open identities'),
  petitionId: z.string().optional().describe('one denunciation …'),
  unitId: z.string().optional().describe('… or every denunciation of this unit and the units below it'),
  reason: z.string().trim().min(3).max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
