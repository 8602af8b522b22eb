import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { hasRoleAnywhere } from '../../org/access';
import {
  addRoleBinding,
  assignResponsibleLeader,
  createPerson,
  createUnit,
  listPeople,
  listUnits,
  removeRoleBinding,
  updatePerson,
  updateUnit,
} from '../../org/org-admin';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import { AppError } from '../../errors';
import {
  ZCreatePersonRequest,
  ZCreateUnitRequest,
  ZPeopleQuery,
  ZResponsibleLeaderRequest,
  ZRoleBinding,
  ZUpdatePersonRequest,
  ZUpdateUnitRequest,
} from '../schemas/admin';

export function adminRoutes(deps: { prisma: PrismaClient }): Router {
  const { prisma } = deps;
  const router = Router();
  router.use(peopleOnly);
  router.use((req, _res, next) => {
    next(
      hasRoleAnywhere(req.principal!, ['admin'])
        ? undefined
        : new AppError('Forbidden', 'managing units, people and roles needs role admin'),
    );
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
    res
      .status(201)
      .json(await addRoleBinding(prisma, req.principal!, req.params.id, parseOr400(ZRoleBinding, req.body)));
  });
  router.delete('/people/:id/roles/:bindingId', async (req, res) => {
    await removeRoleBinding(prisma, req.principal!, req.params.id, req.params.bindingId);
    res.status(204).end();
  });
  return router;
}
