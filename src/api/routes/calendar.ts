import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { computeDeadline } from '../../domain/calendar/deadline';
import { getCalendarYear, workingCalendarFor } from '../../calendar/calendar-store';
import { changeCalendarYear, requireCalendarEditor } from '../../calendar/calendar-admin';
import { parseOr400 } from '../errors';
import { anyToken, peopleOnly } from '../scopes';
import { ZCalendarYearBody, ZComputeDeadlineRequest } from '../schemas/calendar';
import { localDayOf, yearOf } from '../../domain/calendar/day';
import { AppError, invalidField } from '../../errors';

export function yearParam(raw: string): number {
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
    await requireCalendarEditor(deps.prisma, req.principal!);
    const year = yearParam(req.params.year);
    const body = parseOr400(ZCalendarYearBody, { ...req.body, year: req.body?.year ?? year });
    if (body.year !== year) throw invalidField('year', `must match the path (${year})`);
    res.json(await changeCalendarYear(deps, req.principal!, year, body));
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
