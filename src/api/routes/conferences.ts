import { Router } from 'express';
import { z } from 'zod';
import { actOnCommitment, createConference, getConference, holdConference, listConferences, listProposals, publishResults, recordOpinion, type ConferenceDeps } from '../../conferences/conferences';
import { parseOr400 } from '../errors';

export const ZConferenceRequest = z.object({
  unitId: z.string().min(1),
  kind: z.enum(['regular', 'adhoc']).describe('thường xuyên (regular) or đột xuất (ad hoc)'),
  title: z.string().trim().min(3).max(300),
  topic: z.string().trim().max(1000).optional(),
  startsAt: z.iso.datetime({ offset: true }).describe('at least 7 days ahead (policy)'),
  location: z.string().trim().min(3).max(300),
  chairId: z.string().min(1),
  proposalId: z.string().optional().describe('an ad hoc conference answering a hot-spot proposal'),
});
export const ZHoldRequest = z.object({ attendeeCount: z.number().int().min(0).max(1_000_000), minutes: z.string().trim().min(10).max(100_000) });
export const ZOpinionRequest = z.object({
  participantName: z.string().trim().max(200).optional(),
  participantEmail: z.email().optional().describe('to tell them the outcome and the commitment’s progress'),
  field: z.string().trim().min(1).max(100),
  content: z.string().trim().min(3).max(10_000),
  outcome: z.enum(['answered', 'commitment', 'explained', 'referred']),
  answer: z.string().trim().min(3).max(10_000).optional(),
  commitment: z.object({ unitId: z.string().optional(), assigneeId: z.string().optional(), description: z.string().trim().min(3).max(2000), promisedBy: z.iso.date() }).optional(),
  referredToUnitId: z.string().optional().describe('default: the level above'),
});
export const ZPublishRequest = z.object({ summary: z.string().trim().max(20_000).optional() });
export const ZProgressRequest = z.object({ percent: z.number().int().min(0).max(99), note: z.string().trim().min(3).max(2000) });
export const ZFulfilRequest = z.object({ note: z.string().trim().min(3).max(2000) });

export function conferenceRoutes(deps: ConferenceDeps): Router {
  const router = Router();
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
    res.status(201).json(await recordOpinion(deps, req.principal!, req.params.id, parseOr400(ZOpinionRequest, req.body)));
  });
  router.post('/:id/publish', async (req, res) => {
    res.json(await publishResults(deps, req.principal!, req.params.id, parseOr400(ZPublishRequest, req.body)));
  });
  return router;
}

export function commitmentRoutes(deps: ConferenceDeps): Router {
  const router = Router();
  router.post('/:id/progress', async (req, res) => {
    res.json(await actOnCommitment(deps, req.principal!, req.params.id, { action: 'progress', ...parseOr400(ZProgressRequest, req.body) }));
  });
  router.post('/:id/fulfil', async (req, res) => {
    res.json(await actOnCommitment(deps, req.principal!, req.params.id, { action: 'fulfil', ...parseOr400(ZFulfilRequest, req.body) }));
  });
  return router;
}
