import { Router } from 'express';
import { z } from 'zod';
import { hasRoleAnywhere } from '../../org/access';
import type { PetitionServiceDeps } from '../../petitions/petitions';
import { receptionObligations, type ReceptionPolicy } from '../../reception/reception-obligations';
import { createSchedule, listSchedules, updateSchedule } from '../../reception/reception-schedules';
import { closeSession, delegateSession, getSession, listSessions, postponeSession, publicNotices, recordMatter, registerCitizen } from '../../reception/reception-sessions';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { periodOf, periodRefinement, ZPeriodFields } from '../period-query';
import { ZPetitioner } from '../schemas';
import { PETITION_KINDS } from '../../domain/petition/petition-stages';

const ZRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('daysOfMonth'), days: z.array(z.number().int().min(1).max(31)).min(1).max(31) }).describe('e.g. the 10th, 20th and 30th'),
  z.object({ type: z.literal('nthWeekday'), n: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]), weekday: z.number().int().min(0).max(6) }).describe('e.g. the third Tuesday (n 3, weekday 2); n -1 is the last'),
  z.object({ type: z.literal('weekly'), weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7) }).describe('e.g. every Thursday (4); 0 = Sunday'),
  z.object({ type: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).describe('once a year, e.g. the regular dialogue conference'),
]);
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const ZScheduleRequest = z.object({
  kind: z.enum(['reception', 'conference']).default('reception').describe('reception days, or the regular dialogue conference (each occurrence becomes a conference)'),
  unitId: z.string().min(1),
  leaderId: z.string().min(1).describe('the receiving leader'),
  deputyId: z.string().min(1).nullable().optional().describe('who receives when the leader delegates'),
  rule: ZRule,
  startTime: ZTime.describe('local time (Asia/Ho_Chi_Minh)'),
  durationMinutes: z.number().int().min(30).max(720).optional(),
  location: z.string().trim().min(3).max(300),
  registrationCutoffDays: z.number().int().min(1).max(30).nullable().optional().describe('citizens register at least this many days before'),
  announceDaysBefore: z.number().int().min(1).max(30).optional().describe('public notice and invitations this many days before (default 7)'),
  jointUnitIds: z.array(z.string()).max(10).optional().describe('other bodies in a joint session: their responsible leaders are invited'),
  startsFrom: z.iso.date().optional(),
});
export const ZScheduleUpdate = ZScheduleRequest.omit({ kind: true, unitId: true, startsFrom: true }).partial().extend({ active: z.boolean().optional() });
export const ZSessionsQuery = z.object({ unitId: z.string().optional(), from: z.iso.date().optional(), to: z.iso.date().optional(), status: z.enum(['announced', 'open', 'closed']).optional() });
export const ZPostponeRequest = z.object({ day: z.iso.date(), reason: z.string().trim().min(3).max(1000) });
export const ZDelegateRequest = z.object({ deputyId: z.string().min(1).optional(), reason: z.string().trim().min(3).max(1000) });
export const ZMatterRequest = z.object({
  citizenName: z.string().trim().max(200).optional(),
  summary: z.string().trim().min(3).max(4000),
  field: z.string().trim().min(1).max(100),
  outcome: z.enum(['answered', 'petition', 'explained']),
  answer: z.string().trim().min(3).max(4000).optional().describe('the answer given, or why the matter does not fit policy'),
  petition: z.object({ kind: z.enum(PETITION_KINDS), subject: z.string().trim().min(3).max(300), body: z.string().trim().min(1).max(20_000), petitioners: z.array(ZPetitioner).min(1).max(500) }).optional(),
});
export const ZCloseRequest = z.object({ minutes: z.string().trim().min(10).max(50_000), attendeeCount: z.number().int().min(0).max(100_000) });
export const ZRegistrationRequest = z.object({
  fullName: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().trim().regex(/^[+0-9 ().-]{6,20}$/).optional(),
  topic: z.string().trim().max(500).optional(),
});
export const ZObligationsQuery = z.object(ZPeriodFields).refine(...periodRefinement);

export function receptionRoutes(deps: PetitionServiceDeps, receptionPolicy: ReceptionPolicy): Router {
  const router = Router();
  router.get('/schedules', async (req, res) => {
    res.json(await listSchedules(deps, req.principal!));
  });
  router.post('/schedules', async (req, res) => {
    res.status(201).json(await createSchedule(deps, req.principal!, parseOr400(ZScheduleRequest, req.body), receptionPolicy));
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
  router.post('/sessions/:id/postpone', async (req, res) => {
    res.json(await postponeSession(deps, req.principal!, req.params.id, parseOr400(ZPostponeRequest, req.body)));
  });
  router.post('/sessions/:id/delegate', async (req, res) => {
    res.json(await delegateSession(deps, req.principal!, req.params.id, parseOr400(ZDelegateRequest, req.body)));
  });
  router.post('/sessions/:id/matters', async (req, res) => {
    res.status(201).json(await recordMatter(deps, req.principal!, req.params.id, parseOr400(ZMatterRequest, req.body), req.header('idempotency-key') ?? undefined));
  });
  router.post('/sessions/:id/close', async (req, res) => {
    res.json(await closeSession(deps, req.principal!, req.params.id, parseOr400(ZCloseRequest, req.body)));
  });
  router.get('/obligations', async (req, res) => {
    if (!hasRoleAnywhere(req.principal!, ['supervisor', 'leader', 'admin'])) throw new AppError('Forbidden', 'the reception obligation check needs role supervisor, leader or admin');
    const period = periodOf(parseOr400(ZObligationsQuery, req.query, 'query'));
    res.json(await receptionObligations(deps.prisma, req.principal!, receptionPolicy, period));
  });
  return router;
}

/** What citizens reach without signing in: public notices, and registering for a session. */
export function publicReceptionRoutes(deps: PetitionServiceDeps): Router {
  const router = Router();
  router.get('/notices', async (req, res) => {
    res.json(await publicNotices(deps.prisma, { unitId: typeof req.query.unitId === 'string' ? req.query.unitId : undefined }));
  });
  router.post('/reception-sessions/:id/registrations', async (req, res) => {
    res.status(201).json(await registerCitizen(deps, req.params.id, parseOr400(ZRegistrationRequest, req.body)));
  });
  return router;
}
