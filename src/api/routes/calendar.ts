import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { computeDeadline } from '../../domain/calendar/deadline';
import { hasRoleAnywhere, isTopAdmin, UnitTree } from '../../org/access';
import { getCalendarYear, putCalendarYear, workingCalendarFor } from '../../calendar/calendar-store';
import { parseOr400 } from '../errors';
import { anyToken, peopleOnly } from '../scopes';
import { ZCalendarYearBody, ZComputeDeadlineRequest } from '../schemas/calendar';
import { localDayOf, yearOf } from '../../domain/calendar/day';
import { AppError, invalidField } from '../../errors';

function yearParam(raw: string): number {
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new AppError('ValidationFailed', 'invalid year', [{ path: 'year', message: 'a year between 1900 and 2200' }]);
  return year;
}

export interface CalendarRouteDeps {
  prisma: PrismaClient;
  /** Called after an admin changes a year, so open petitions re-arm their timers. */
  onCalendarChanged?: (year: number) => Promise<void>;
}

export function calendarRoutes(deps: CalendarRouteDeps): Router {
  const router = Router();
  router.get('/:year', anyToken, async (req, res) => {
    const { source: _source, ...table } = await getCalendarYear(deps.prisma, yearParam(req.params.year));
    res.json(table);
  });
  router.put('/:year', peopleOnly, async (req, res) => {
    if (!hasRoleAnywhere(req.principal!, ['admin']))
      throw new AppError('Forbidden', 'changing the calendar needs role admin');
    // One national calendar re-arms every open petition: not a commune admin's call.
    if (!isTopAdmin(req.principal!, await UnitTree.load(deps.prisma)))
      throw new AppError('Forbidden', 'changing the national calendar needs role admin at the top of the unit tree');
    const year = yearParam(req.params.year);
    const body = parseOr400(ZCalendarYearBody, { ...req.body, year: req.body?.year ?? year });
    if (body.year !== year) throw invalidField('year', `must match the path (${year})`);
    const saved = await putCalendarYear(deps.prisma, year, body, req.principal!.personId);
    await deps.onCalendarChanged?.(year);
    res.json(saved);
  });
  return router;
}

export function deadlineRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.post('/compute', anyToken, async (req, res) => {
    const body = parseOr400(ZComputeDeadlineRequest, req.body);
    const startMs = Date.parse(body.start);
    const calendar = await workingCalendarFor(deps.prisma, yearOf(localDayOf(startMs)));
    const deadline = computeDeadline({ startMs, limit: body.limit, unit: body.unit }, calendar);
    res.json({ dueDate: deadline.dueDate, dueAt: deadline.dueAt });
  });
  return router;
}
