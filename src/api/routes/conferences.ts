import { Router } from 'express';
import {
  actOnCommitment,
  createConference,
  getConference,
  holdConference,
  listConferences,
  listProposals,
  publishResults,
  recordOpinion,
  type ConferenceDeps,
} from '../../conferences/conferences';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import {
  ZConferenceRequest,
  ZFulfilRequest,
  ZHoldRequest,
  ZOpinionRequest,
  ZProgressRequest,
  ZPublishRequest,
} from '../schemas/conferences';

export function conferenceRoutes(deps: ConferenceDeps): Router {
  const router = Router();
  router.use(peopleOnly);
  router.get('/', async (req, res) => {
    res.json(await listConferences(deps, req.principal!));
  });
  router.get('/proposals', async (req, res) => {
    res.json(await listProposals(deps, req.principal!));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createConference(deps, req.principal!, parseOr400(ZConferenceRequest, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await getConference(deps, req.principal!, req.params.id));
  });
  router.post('/:id/hold', async (req, res) => {
    res.json(await holdConference(deps, req.principal!, req.params.id, parseOr400(ZHoldRequest, req.body)));
  });
  router.post('/:id/opinions', async (req, res) => {
    res
      .status(201)
      .json(await recordOpinion(deps, req.principal!, req.params.id, parseOr400(ZOpinionRequest, req.body)));
  });
  router.post('/:id/publish', async (req, res) => {
    res.json(await publishResults(deps, req.principal!, req.params.id, parseOr400(ZPublishRequest, req.body)));
  });
  return router;
}

export function commitmentRoutes(deps: ConferenceDeps): Router {
  const router = Router();
  router.use(peopleOnly);
  router.post('/:id/progress', async (req, res) => {
    res.json(
      await actOnCommitment(deps, req.principal!, req.params.id, {
        action: 'progress',
        ...parseOr400(ZProgressRequest, req.body),
      }),
    );
  });
  router.post('/:id/fulfil', async (req, res) => {
    res.json(
      await actOnCommitment(deps, req.principal!, req.params.id, {
        action: 'fulfil',
        ...parseOr400(ZFulfilRequest, req.body),
      }),
    );
  });
  return router;
}
