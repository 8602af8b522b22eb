import { Router } from 'express';
import { rateAnswer, trackPetition, type TrackingDeps } from '../../petitions/citizen/citizen-tracking';
import { parseOr400 } from '../errors';
import { rateLimit } from '../rate-limit';
import { ZRatingRequest } from '../schemas/tracking';

/** No login: the tracking code and the receipt's secret are the credentials, so lookups are rate-limited. */
export function trackingRoutes(
  deps: TrackingDeps,
  limits: { limit: number; windowMs: number } = { limit: 30, windowMs: 15 * 60_000 },
): Router {
  const router = Router();
  router.use(rateLimit(limits));
  router.get('/:code', async (req, res) => {
    const secret =
      (req.header('x-tracking-secret') ?? (typeof req.query.secret === 'string' ? req.query.secret : undefined)) ||
      undefined;
    res.json(await trackPetition(deps, req.params.code, secret));
  });
  router.post('/:code/rating', async (req, res) => {
    const body = parseOr400(ZRatingRequest, req.body);
    res.status(201).json(await rateAnswer(deps, req.params.code, body));
  });
  return router;
}
