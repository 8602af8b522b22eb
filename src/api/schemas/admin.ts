// Units, people and role bindings (admin).
import { z } from 'zod';

const ZRole = z.enum(['officer', 'leader', 'supervisor', 'admin']);
const ZUnitId = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes');
export const ZRoleBinding = z.object({ role: ZRole, unitId: z.string().min(1) });
export const ZCreateUnitRequest = z.object({
  id: ZUnitId,
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).optional(),
  level: z.enum(['central', 'province', 'district', 'commune', 'agency']),
  parentId: z.string().min(1),
  email: z.email().optional(),
});
export const ZUpdateUnitRequest = z
  .object({ name: z.string().trim().min(1).max(200), nameEn: z.string().trim().max(200).nullable(), email: z.email().nullable(), parentId: z.string().min(1) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export const ZResponsibleLeaderRequest = z.object({ personId: z.string().min(1).nullable().describe('null clears the assignment') });
export const ZCreatePersonRequest = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,62}$/, 'lowercase letters, digits, dot, dash, underscore'),
  fullName: z.string().trim().min(1).max(200),
  email: z.email(),
  password: z.string().min(10, 'at least 10 characters').max(200),
  unitId: z.string().min(1),
  post: z.string().trim().min(1).max(50).optional().describe('the office that carries a reception duty: chairman, party_secretary, agency_head (config/reception-policy.json)'),
  roles: z.array(ZRoleBinding).max(20).optional(),
});
export const ZUpdatePersonRequest = z
  .object({ fullName: z.string().trim().min(1).max(200), email: z.email(), password: z.string().min(10, 'at least 10 characters').max(200), unitId: z.string().min(1), active: z.boolean(), post: z.string().trim().min(1).max(50).nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export const ZPeopleQuery = z.object({ unitId: z.string().optional() });
