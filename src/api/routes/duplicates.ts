import { Router } from 'express';
import { decideDuplicate, proposeDuplicates, type DuplicateDeps } from '../../petitions/duplicates/duplicates';
import { parseOr400 } from '../errors';
import { needs } from '../scopes';
import { ZDuplicateDecisionRequest } from '../schemas/duplicates';

export function duplicateRoutes(deps: DuplicateDeps): Router {
  const router = Router({ mergeParams: true });
  const idOf = (params: unknown) => (params as Record<string, string>).petitionId!;

  router.get('/', needs('petitions:read'), async (req, res) => {
    res.json(await proposeDuplicates(deps, req.principal!, idOf(req.params)));
  });

  router.post('/', needs('petitions:write'), async (req, res) => {
    const petitionId = idOf(req.params);
    const body = parseOr400(ZDuplicateDecisionRequest, req.body);
    const result = await decideDuplicate(deps, req.principal!, petitionId, body);
    if (result.decision === 'newMatter') {
      res.json(result);
      return;
    }
    const { outcome, ...view } = result;
    if (outcome.status === 'pending') {
      // As for any action: the Update is with the server and is followed at its href.
      const href = `/api/v1/petitions/${petitionId}/updates/${encodeURIComponent(outcome.updateId)}`;
      res.status(202).location(href).setHeader('Retry-After', '2');
      res.json({
        status: 'pending',
        updateId: outcome.updateId,
        href,
        message: 'the link is waiting for the workflow',
      });
      return;
    }
    res.json({ ...view, stage: outcome.result.stage });
  });

  return router;
}
