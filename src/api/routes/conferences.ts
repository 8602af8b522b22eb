import { Router, type Request } from 'express';
import {
  actOnCommitment,
  createConference,
  getCommitmentAction,
  getConference,
  getConferenceAction,
  holdConference,
  listConferences,
  listProposals,
  publishResults,
  recordOpinion,
  type ConferenceDeps,
} from '../../conferences/conferences';
import { answerAction, updatesOf } from '../action-outcome';
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

/** A retried request with the same Idempotency-Key is the same action (one opinion, one Update). */
const keyOf = (req: Request): string | undefined => req.header('idempotency-key') ?? undefined;

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
    const body = parseOr400(ZHoldRequest, req.body);
    await answerAction(res, updatesOf('conferences', req.params.id), () =>
      holdConference(deps, req.principal!, req.params.id, body, keyOf(req)),
    );
  });
  router.post('/:id/opinions', async (req, res) => {
    const body = parseOr400(ZOpinionRequest, req.body);
    await answerAction(
      res,
      updatesOf('conferences', req.params.id),
      () => recordOpinion(deps, req.principal!, req.params.id, body, keyOf(req)),
      201,
    );
  });
  router.post('/:id/publish', async (req, res) => {
    const body = parseOr400(ZPublishRequest, req.body);
    await answerAction(res, updatesOf('conferences', req.params.id), () =>
      publishResults(deps, req.principal!, req.params.id, body, keyOf(req)),
    );
  });
  router.get('/:id/updates/:updateId', async (req, res) => {
    await answerAction(res, updatesOf('conferences', req.params.id), () =>
      getConferenceAction(deps, req.principal!, req.params.id, req.params.updateId),
    );
  });
  return router;
}

export function commitmentRoutes(deps: ConferenceDeps): Router {
  const router = Router();
  router.use(peopleOnly);
  router.post('/:id/progress', async (req, res) => {
    const body = parseOr400(ZProgressRequest, req.body);
    await answerAction(res, updatesOf('commitments', req.params.id), () =>
      actOnCommitment(deps, req.principal!, req.params.id, { action: 'progress', ...body }, keyOf(req)),
    );
  });
  router.post('/:id/fulfil', async (req, res) => {
    const body = parseOr400(ZFulfilRequest, req.body);
    await answerAction(res, updatesOf('commitments', req.params.id), () =>
      actOnCommitment(deps, req.principal!, req.params.id, { action: 'fulfil', ...body }, keyOf(req)),
    );
  });
  router.get('/:id/updates/:updateId', async (req, res) => {
    await answerAction(res, updatesOf('commitments', req.params.id), () =>
      getCommitmentAction(deps, req.principal!, req.params.id, req.params.updateId),
    );
  });
  return router;
}
