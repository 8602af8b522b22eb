import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { getSyncRun, listSyncRuns, previewRecord } from '../../national/national-sync-reports';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import { ZSyncRunsQuery } from '../schemas/national-sync';

/** The national complaints database sync's report, for admins and supervisors (people, not tokens). */
export function nationalSyncRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use(peopleOnly);

  router.get('/runs', async (req, res) => {
    const q = parseOr400(ZSyncRunsQuery, req.query, 'query');
    res.json({ items: await listSyncRuns(deps.prisma, req.principal!, q) });
  });

  router.get('/runs/:runId', async (req, res) => {
    res.json(await getSyncRun(deps.prisma, req.principal!, req.params.runId));
  });

  router.get('/records/:petitionId', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await previewRecord(deps.prisma, req.principal!, req.params.petitionId));
  });

  return router;
}
