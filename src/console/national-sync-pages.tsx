// The national sync report in the console: the same use cases as GET /api/v1/national-sync/runs*, called
// with the console session. For admins and supervisors; the use case checks the role over each run's unit.
import { Router, type Request } from 'express';
import { hasRoleAnywhere, UnitTree, type Principal } from '../org/access';
import { AppError } from '../errors';
import { getSyncRun, listSyncRuns } from '../national/national-sync-reports';
import { sendPage } from '../web/render';
import type { ConsoleDeps } from './console-deps';
import type { PageContext } from './page-context';
import { nationalSyncWords } from './national-sync-messages';
import { NationalSyncRunPage, NationalSyncRunsPage } from './pages/national-sync';

const RUNS_SHOWN = 50;

function requireReportReader(ctx: PageContext, principal: Principal): void {
  if (!hasRoleAnywhere(principal, ['admin', 'supervisor']))
    throw new AppError('Forbidden', nationalSyncWords(ctx)('syncForbidden'));
}

export function nationalSyncPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();

  router.get('/national-sync', async (req, res) => {
    const ctx = ctxOf(req);
    requireReportReader(ctx, req.principal!);
    const [runs, tree] = await Promise.all([
      listSyncRuns(deps.prisma, req.principal!, { limit: RUNS_SHOWN }),
      UnitTree.load(deps.prisma),
    ]);
    sendPage(res, <NationalSyncRunsPage ctx={ctx} runs={runs} unitNames={tree.names} />);
  });

  router.get('/national-sync/runs/:runId', async (req, res) => {
    const ctx = ctxOf(req);
    requireReportReader(ctx, req.principal!);
    const run = await getSyncRun(deps.prisma, req.principal!, String(req.params.runId));
    const tree = await UnitTree.load(deps.prisma);
    sendPage(res, <NationalSyncRunPage ctx={ctx} run={run} unitName={tree.names.get(run.unitId) ?? run.unitId} />);
  });

  return router;
}
