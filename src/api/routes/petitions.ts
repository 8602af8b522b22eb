import { Router, type Response } from 'express';
import {
  actOnPetition,
  createPetition,
  getPetition,
  getPetitionAction,
  getPetitionHistory,
  listPetitions,
  type PetitionServiceDeps,
} from '../../petitions/petitions';
import { sendPending } from '../action-outcome';
import { fromTemporal, parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { bulkAssign } from '../../petitions/bulk-assign';
import { needs } from '../scopes';
import {
  ZActionRequest,
  ZAppealRequest,
  ZBulkAssignRequest,
  ZCreatePetitionRequest,
  ZListPetitionsQuery,
} from '../schemas/petitions';
import { fileAppeal } from '../../petitions/appeals';
import type { PetitionActionOutcome } from '../../petitions/client';

/** The workflow's answer, or `202` with the Update's id and where to follow it: an action never hangs. */
function sendOutcome(res: Response, petitionId: string, outcome: PetitionActionOutcome): void {
  if (outcome.status === 'completed') {
    res.json(outcome.result);
    return;
  }
  sendPending(res, `/api/v1/petitions/${petitionId}/updates/${encodeURIComponent(outcome.updateId)}`, outcome.updateId);
}

export function petitionRoutes(deps: PetitionServiceDeps): Router {
  const router = Router();

  router.post('/', needs('petitions:write'), async (req, res) => {
    const body = parseOr400(ZCreatePetitionRequest, req.body);
    const result = await createPetition(deps, req.principal!, body, req.header('idempotency-key') ?? undefined);
    const { created, ...view } = result;
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(created ? 201 : 200)
      .location(`/api/v1/petitions/${view.id}`)
      .json(view);
  });

  router.get('/', needs('petitions:read'), async (req, res) => {
    const query = parseOr400(ZListPetitionsQuery, req.query, 'query');
    res.json(await listPetitions(deps, req.principal!, query));
  });

  // Each case is answered on its own (assigned, pending, refused with the reason, not found): 200 even when
  // some are refused, as a batch is not one transaction.
  router.post('/bulk-assign', needs('petitions:write'), async (req, res) => {
    const body = parseOr400(ZBulkAssignRequest, req.body);
    const explain = (error: unknown) =>
      error instanceof AppError ? error : (fromTemporal(error) ?? new AppError('Internal', 'internal error'));
    res.json(await bulkAssign(deps, req.principal!, body, req.header('idempotency-key') ?? undefined, explain));
  });

  router.get('/:id', needs('petitions:read'), async (req, res) => {
    const reveal = req.query.revealIdentity === 'true';
    const reason = typeof req.query.reason === 'string' ? req.query.reason : undefined;
    res.json(await getPetition(deps, req.principal!, req.params.id, { reveal, reason }));
  });

  router.get('/:id/history', needs('petitions:read'), async (req, res) => {
    res.json(await getPetitionHistory(deps, req.principal!, req.params.id));
  });

  router.post('/:id/actions', needs('petitions:write'), async (req, res) => {
    const body = parseOr400(ZActionRequest, req.body);
    sendOutcome(
      res,
      req.params.id,
      await actOnPetition(deps, req.principal!, req.params.id, body, req.header('idempotency-key') ?? undefined),
    );
  });

  router.get('/:id/updates/:updateId', async (req, res) => {
    sendOutcome(res, req.params.id, await getPetitionAction(deps, req.principal!, req.params.id, req.params.updateId));
  });

  router.post('/:id/appeal', needs('petitions:write'), async (req, res) => {
    const body = parseOr400(ZAppealRequest, req.body);
    const result = await fileAppeal(deps, req.principal!, req.params.id, body);
    res.status(201).location(`/api/v1/petitions/${result.id}`).json(result);
  });

  return router;
}
