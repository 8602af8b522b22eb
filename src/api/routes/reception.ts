import { Router } from 'express';
import { hasRoleAnywhere } from '../../org/access';
import type { PetitionServiceDeps } from '../../petitions/petitions';
import { receptionObligations, type ReceptionPolicy } from '../../reception/reception-obligations';
import { createSchedule, listSchedules, updateSchedule } from '../../reception/reception-schedules';
import {
  closeSession,
  delegateSession,
  getSession,
  getSessionAction,
  listSessions,
  postponeSession,
  publicNotices,
  recordMatter,
  registerCitizen,
} from '../../reception/reception-sessions';
import { answerAction, updatesOf } from '../action-outcome';
import { parseOr400 } from '../errors';
import { needs, peopleOnly } from '../scopes';
import { AppError } from '../../errors';
import { periodOf } from '../period-query';
import {
  ZCloseRequest,
  ZDelegateRequest,
  ZMatterRequest,
  ZObligationsQuery,
  ZPostponeRequest,
  ZRegistrationRequest,
  ZScheduleRequest,
  ZScheduleUpdate,
  ZSessionsQuery,
} from '../schemas/reception';

export function receptionRoutes(deps: PetitionServiceDeps, receptionPolicy: ReceptionPolicy): Router {
  const router = Router();
  // The obligation check is a report; the rest is the receiving staff's own work.
  router.get('/obligations', needs('reports:read'), async (req, res) => {
    if (!hasRoleAnywhere(req.principal!, ['supervisor', 'leader', 'admin']))
      throw new AppError('Forbidden', 'the reception obligation check needs role supervisor, leader or admin');
    const period = periodOf(parseOr400(ZObligationsQuery, req.query, 'query'));
    res.json(await receptionObligations(deps.prisma, req.principal!, receptionPolicy, period));
  });
  router.use(peopleOnly);
  router.get('/schedules', async (req, res) => {
    res.json(await listSchedules(deps, req.principal!));
  });
  router.post('/schedules', async (req, res) => {
    res
      .status(201)
      .json(await createSchedule(deps, req.principal!, parseOr400(ZScheduleRequest, req.body), receptionPolicy));
  });
  router.patch('/schedules/:id', async (req, res) => {
    res.json(await updateSchedule(deps, req.principal!, req.params.id, parseOr400(ZScheduleUpdate, req.body)));
  });
  router.get('/sessions', async (req, res) => {
    res.json(await listSessions(deps, req.principal!, parseOr400(ZSessionsQuery, req.query, 'query')));
  });
  router.get('/sessions/:id', async (req, res) => {
    res.json(await getSession(deps, req.principal!, req.params.id));
  });
  const follow = (id: string) => updatesOf('reception/sessions', id);
  router.post('/sessions/:id/postpone', async (req, res) => {
    const body = parseOr400(ZPostponeRequest, req.body);
    await answerAction(res, follow(req.params.id), () => postponeSession(deps, req.principal!, req.params.id, body));
  });
  router.post('/sessions/:id/delegate', async (req, res) => {
    const body = parseOr400(ZDelegateRequest, req.body);
    await answerAction(res, follow(req.params.id), () => delegateSession(deps, req.principal!, req.params.id, body));
  });
  router.post('/sessions/:id/matters', async (req, res) => {
    const body = parseOr400(ZMatterRequest, req.body);
    const key = req.header('idempotency-key') ?? undefined;
    await answerAction(
      res,
      follow(req.params.id),
      () => recordMatter(deps, req.principal!, req.params.id, body, key),
      201,
    );
  });
  router.post('/sessions/:id/close', async (req, res) => {
    const body = parseOr400(ZCloseRequest, req.body);
    await answerAction(res, follow(req.params.id), () =>
      closeSession(deps, req.principal!, req.params.id, body, req.header('idempotency-key') ?? undefined),
    );
  });
  router.get('/sessions/:id/updates/:updateId', async (req, res) => {
    await answerAction(res, follow(req.params.id), () =>
      getSessionAction(deps, req.principal!, req.params.id, req.params.updateId),
    );
  });
  return router;
}

/** What citizens reach without signing in: public notices, and registering for a session. */
export function publicReceptionRoutes(deps: PetitionServiceDeps): Router {
  const router = Router();
  router.get('/notices', async (req, res) => {
    res.json(
      await publicNotices(deps.prisma, { unitId: typeof req.query.unitId === 'string' ? req.query.unitId : undefined }),
    );
  });
  router.post('/reception-sessions/:id/registrations', async (req, res) => {
    const body = parseOr400(ZRegistrationRequest, req.body);
    // A citizen has no login to follow a pending action: the 202 says the registration is kept.
    await answerAction(res, null, () => registerCitizen(deps, req.params.id, body), 201);
  });
  return router;
}
