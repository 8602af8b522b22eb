import { z } from 'zod';

export const ZPolicyVersionView = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  unitId: z.string().nullable(),
  note: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  document: z.unknown(),
});
export const ZPolicyList = z.object({ inForce: z.string().nullable(), versions: z.array(ZPolicyVersionView) });
