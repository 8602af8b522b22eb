import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { hasRoleAnywhere } from '../../org/access';
import { addPolicyVersion, listPolicyVersions } from '../../petitions/policy/policy-versions';
import { AppError } from '../../errors';
import { anyToken, peopleOnly } from '../scopes';

export function policyRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/', anyToken, async (_req, res) => {
    res.json(await listPolicyVersions(deps.prisma));
  });
  router.post('/', peopleOnly, async (req, res) => {
    if (!hasRoleAnywhere(req.principal!, ['admin']))
      throw new AppError('Forbidden', 'adding a policy version needs role admin');
    res.status(201).json(await addPolicyVersion(deps.prisma, req.principal!, { body: req.body }));
  });
  return router;
}
