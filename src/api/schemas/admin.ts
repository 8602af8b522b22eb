// Units, people and role bindings (admin).
import { z } from 'zod';
import { str } from './text';

const ZRole = z.enum(['officer', 'leader', 'supervisor', 'admin']);
const ZUnitId = str()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes');
export const ZRoleBinding = z.object({ role: ZRole, unitId: str().min(1) });
export const ZCreateUnitRequest = z.object({
  id: ZUnitId,
  name: str().trim().min(1).max(200),
  nameEn: str().trim().max(200).optional(),
  level: z.enum(['central', 'province', 'district', 'commune', 'agency']),
  parentId: str().min(1),
  email: z.email().optional(),
});
export const ZUpdateUnitRequest = z
  .object({
    name: str().trim().min(1).max(200),
    nameEn: str().trim().max(200).nullable(),
    email: z.email().nullable(),
    parentId: str().min(1),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export const ZResponsibleLeaderRequest = z.object({
  personId: str().min(1).nullable().describe('null clears the assignment'),
});
export const ZCreatePersonRequest = z.object({
  username: str()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,62}$/, 'lowercase letters, digits, dot, dash, underscore'),
  fullName: str().trim().min(1).max(200),
  email: z.email(),
  password: str().min(10, 'at least 10 characters').max(200),
  unitId: str().min(1),
  post: str()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe(
      'the office that carries a reception duty: chairman, party_secretary, agency_head (config/reception-policy.json)',
    ),
  roles: z.array(ZRoleBinding).max(20).optional(),
});
export const ZUpdatePersonRequest = z
  .object({
    fullName: str().trim().min(1).max(200),
    email: z.email(),
    password: str().min(10, 'at least 10 characters').max(200),
    unitId: str().min(1),
    active: z.boolean(),
    post: str().trim().min(1).max(50).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export const ZPeopleQuery = z.object({ unitId: str().optional() });
