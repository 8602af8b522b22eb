import { z } from 'zod';
import { str } from './text';

export const ZPolicyVersionView = z.object({
  version: str(),
  effectiveFrom: str(),
  unitId: str().nullable(),
  note: str().nullable(),
  createdById: str().nullable(),
  createdAt: str(),
  document: z.unknown(),
});
export const ZPolicyList = z.object({ inForce: str().nullable(), versions: z.array(ZPolicyVersionView) });
