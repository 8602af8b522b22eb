import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../platform/db/prisma';
import { hasRoleAnywhere } from '../../org/access';
import { addRoleBinding, assignResponsibleLeader, createPerson, createUnit, listPeople, listUnits, removeRoleBinding, updatePerson, updateUnit } from '../../org/org-admin';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';

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

export function adminRoutes(deps: { prisma: PrismaClient }): Router {
  const { prisma } = deps;
  const router = Router();
  router.use((req, _res, next) => {
    next(hasRoleAnywhere(req.principal!, ['admin']) ? undefined : new AppError('Forbidden', 'managing units, people and roles needs role admin'));
  });
  router.get('/units', async (req, res) => {
    res.json(await listUnits(prisma, req.principal!));
  });
  router.post('/units', async (req, res) => {
    res.status(201).json(await createUnit(prisma, req.principal!, parseOr400(ZCreateUnitRequest, req.body)));
  });
  router.patch('/units/:id', async (req, res) => {
    res.json(await updateUnit(prisma, req.principal!, req.params.id, parseOr400(ZUpdateUnitRequest, req.body)));
  });
  router.put('/units/:id/responsible-leader', async (req, res) => {
    const body = parseOr400(ZResponsibleLeaderRequest, req.body);
    res.json(await assignResponsibleLeader(prisma, req.principal!, req.params.id, body.personId));
  });
  router.get('/people', async (req, res) => {
    res.json(await listPeople(prisma, req.principal!, parseOr400(ZPeopleQuery, req.query, 'query').unitId));
  });
  router.post('/people', async (req, res) => {
    res.status(201).json(await createPerson(prisma, req.principal!, parseOr400(ZCreatePersonRequest, req.body)));
  });
  router.patch('/people/:id', async (req, res) => {
    res.json(await updatePerson(prisma, req.principal!, req.params.id, parseOr400(ZUpdatePersonRequest, req.body)));
  });
  router.post('/people/:id/roles', async (req, res) => {
    res.status(201).json(await addRoleBinding(prisma, req.principal!, req.params.id, parseOr400(ZRoleBinding, req.body)));
  });
  router.delete('/people/:id/roles/:bindingId', async (req, res) => {
    await removeRoleBinding(prisma, req.principal!, req.params.id, req.params.bindingId);
    res.status(204).end();
  });
  return router;
}
