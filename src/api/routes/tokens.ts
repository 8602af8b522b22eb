import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { hasRoleAnywhere } from '../../org/access';
import { createApiToken, listApiTokens, revokeApiToken } from '../../org/api-tokens';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { ZCreateTokenRequest } from '../schemas/tokens';

export function tokenRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use((req, _res, next) => {
    if (req.principal!.personId.startsWith('apitoken:') || !hasRoleAnywhere(req.principal!, ['admin'])) {
      next(new AppError('Forbidden', 'managing API tokens needs role admin (signed in as a person)'));
      return;
    }
    next();
  });
  router.post('/', async (req, res) => {
    const body = parseOr400(ZCreateTokenRequest, req.body);
    res.status(201).json(await createApiToken(deps.prisma, { ...body, createdById: req.principal!.personId }));
  });
  router.get('/', async (_req, res) => {
    res.json({ items: await listApiTokens(deps.prisma) });
  });
  router.delete('/:id', async (req, res) => {
    await revokeApiToken(deps.prisma, req.params.id);
    res.status(204).end();
  });
  return router;
}
