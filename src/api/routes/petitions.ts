import { Router } from 'express';
import { actOnPetition, createPetition, getPetition, getPetitionHistory, listPetitions, type PetitionServiceDeps } from '../../petitions/petitions';
import { parseOr400 } from '../errors';
import { ZActionRequest, ZAppealRequest, ZCreatePetitionRequest, ZListPetitionsQuery } from '../schemas/petitions';
import { fileAppeal } from '../../petitions/appeals';

export function petitionRoutes(deps: PetitionServiceDeps): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const body = parseOr400(ZCreatePetitionRequest, req.body);
    const result = await createPetition(deps, req.principal!, body, req.header('idempotency-key') ?? undefined);
    const { created, ...view } = result;
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(created ? 201 : 200).location(`/api/v1/petitions/${view.id}`).json(view);
  });

  router.get('/', async (req, res) => {
    const query = parseOr400(ZListPetitionsQuery, req.query, 'query');
    res.json(await listPetitions(deps, req.principal!, query));
  });

  router.get('/:id', async (req, res) => {
    const reveal = req.query.revealIdentity === 'true';
    const reason = typeof req.query.reason === 'string' ? req.query.reason : undefined;
    res.json(await getPetition(deps, req.principal!, req.params.id, { reveal, reason }));
  });

  router.get('/:id/history', async (req, res) => {
    res.json(await getPetitionHistory(deps, req.principal!, req.params.id));
  });

  router.post('/:id/actions', async (req, res) => {
    const body = parseOr400(ZActionRequest, req.body);
    res.json(await actOnPetition(deps, req.principal!, req.params.id, body, req.header('idempotency-key') ?? undefined));
  });

  router.post('/:id/appeal', async (req, res) => {
    const body = parseOr400(ZAppealRequest, req.body);
    const result = await fileAppeal(deps, req.principal!, req.params.id, body);
    res.status(201).location(`/api/v1/petitions/${result.id}`).json(result);
  });

  return router;
}
