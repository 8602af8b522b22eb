import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { grantIdentityAccess, listIdentityGrants, revokeIdentityGrant } from '../../org/identity-grants';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import { ZIdentityGrantRequest } from '../schemas/identity-grants';

export function identityGrantRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use(peopleOnly);
  router.post('/', async (req, res) => {
    res
      .status(201)
      .json(await grantIdentityAccess(deps.prisma, req.principal!, parseOr400(ZIdentityGrantRequest, req.body)));
  });
  router.get('/', async (req, res) => {
    res.json({ items: await listIdentityGrants(deps.prisma, req.principal!) });
  });
  router.delete('/:id', async (req, res) => {
    await revokeIdentityGrant(deps.prisma, req.principal!, req.params.id);
    res.status(204).end();
  });
  return router;
}
