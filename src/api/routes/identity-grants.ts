import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../platform/db/prisma';
import { grantIdentityAccess, listIdentityGrants, revokeIdentityGrant } from '../../org/identity-grants';
import { parseOr400 } from '../errors';

export const ZIdentityGrantRequest = z.object({
  personId: z.string().min(1).describe('the supervisor who may open identities'),
  petitionId: z.string().optional().describe('one denunciation …'),
  unitId: z.string().optional().describe('… or every denunciation of this unit and the units below it'),
  reason: z.string().trim().min(3).max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export function identityGrantRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    res.status(201).json(await grantIdentityAccess(deps.prisma, req.principal!, parseOr400(ZIdentityGrantRequest, req.body)));
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
