// Reception-day schedules as data, each driven by its cycle workflow (workflows/reception/). Creating a
// schedule starts its cycle; an edit is signalled to it and applies to occurrences not yet announced;
// deactivating stops it. At start-up every active schedule's cycle is made sure to run.
import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { PrismaClient } from '../platform/db/prisma';
import type { Prisma } from '../generated/prisma/client';
import { AppError, invalidField } from '../errors';
import { formatDay, localDayOf, parseDay } from '../domain/calendar/day';
import { ruleProblem, type ReceptionRule } from '../domain/reception/schedule-rule';
import {
  signalScheduleChanged,
  startReceptionCycle,
  stopReceptionCycle,
  type ReceptionCycleInput,
  type ReceptionSpec,
} from './client';
import type { TemporalDeadlines } from '../platform/temporal/start-once';
import type { KeptActions } from '../platform/temporal/kept-actions';
import { personHoldsRoleOver, readableUnits, requireRoleOn, UnitTree, type Principal } from '../org/access';
import type { ReceptionPolicy } from './reception-obligations';
import { nowFrom } from '../platform/runtime/clock';

export interface ReceptionDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  deadlines?: TemporalDeadlines;
  /** Writes down an action answered 202, to be sent again until it applies. */
  keptActions?: KeptActions;
  now?: () => Date;
}

export interface ScheduleInput {
  kind?: 'reception' | 'conference';
  unitId: string;
  leaderId: string;
  deputyId?: string | null;
  rule: ReceptionRule;
  startTime: string;
  durationMinutes?: number;
  location: string;
  registrationCutoffDays?: number | null;
  announceDaysBefore?: number;
  jointUnitIds?: string[];
  startsFrom?: string;
}

type ScheduleRow = Prisma.ReceptionScheduleGetPayload<object>;

export function specOf(row: ScheduleRow): ReceptionSpec {
  return {
    scheduleId: row.id,
    unitId: row.unitId,
    leaderId: row.leaderId,
    deputyId: row.deputyId,
    rule: row.rule as unknown as ReceptionRule,
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    location: row.location,
    announceDaysBefore: row.announceDaysBefore,
    jointUnitIds: row.jointUnitIds,
    version: row.version,
  };
}

/** Admins and the unit's leaders manage its schedules. */
const requireManager = (prisma: PrismaClient, principal: Principal, unitId: string) =>
  requireRoleOn(prisma, principal, unitId, ['admin', 'leader'], 'managing reception schedules');

async function checkLeader(
  prisma: PrismaClient,
  tree: UnitTree,
  personId: string,
  unitId: string,
  path: string,
): Promise<void> {
  if (!(await personHoldsRoleOver(prisma, tree, personId, unitId, 'leader'))) {
    throw invalidField(path, `not an active leader of unit ${unitId} or a unit above it`);
  }
}

async function validate(prisma: PrismaClient, tree: UnitTree, input: ScheduleInput): Promise<void> {
  if (!tree.has(input.unitId)) throw invalidField('unitId', 'no such unit');
  const problem = ruleProblem(input.rule);
  if (problem) throw invalidField('rule', problem);
  await checkLeader(prisma, tree, input.leaderId, input.unitId, 'leaderId');
  if (input.deputyId) await checkLeader(prisma, tree, input.deputyId, input.unitId, 'deputyId');
  for (const id of input.jointUnitIds ?? []) if (!tree.has(id)) throw invalidField('jointUnitIds', `no unit ${id}`);
}

const today = (deps: ReceptionDeps) => localDayOf(nowFrom(deps).getTime());

async function startCycle(deps: ReceptionDeps, row: ScheduleRow, afterDay: string): Promise<boolean> {
  const input: ReceptionCycleInput = { spec: specOf(row), afterDay, started: 0 };
  return (await startReceptionCycle(deps, input)).started;
}

/** Where a (re)started cycle resumes: after the last session it held, or the day before it first applies. */
async function resumeAfter(deps: ReceptionDeps, row: ScheduleRow): Promise<string> {
  const last = await deps.prisma.receptionSession.findFirst({
    where: { scheduleId: row.id },
    orderBy: { day: 'desc' },
    select: { day: true },
  });
  const floor = Math.max(parseDay(row.startsFrom), today(deps)) - 1;
  return formatDay(Math.max(floor, last ? parseDay(last.day) : floor));
}

export async function createSchedule(
  deps: ReceptionDeps,
  principal: Principal,
  input: ScheduleInput,
  policy?: ReceptionPolicy,
) {
  const tree = await requireManager(deps.prisma, principal, input.unitId);
  await validate(deps.prisma, tree, input);
  const minNotice = policy?.conferences.announceAtLeastDays ?? 7;
  if (input.kind === 'conference' && (input.announceDaysBefore ?? 7) < minNotice) {
    throw invalidField('announceDaysBefore', `a conference is announced at least ${minNotice} days before`);
  }
  const row = await deps.prisma.receptionSchedule.create({
    data: {
      id: `rs-${randomBytes(4).toString('hex')}`,
      kind: input.kind ?? 'reception',
      unitId: input.unitId,
      leaderId: input.leaderId,
      deputyId: input.deputyId ?? null,
      rule: input.rule as unknown as Prisma.InputJsonValue,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes ?? 240,
      location: input.location,
      registrationCutoffDays: input.registrationCutoffDays ?? null,
      announceDaysBefore: input.announceDaysBefore ?? 7,
      jointUnitIds: input.jointUnitIds ?? [],
      startsFrom: input.startsFrom ?? formatDay(today(deps)),
      createdById: principal.personId,
    },
  });
  await startCycle(deps, row, await resumeAfter(deps, row));
  return view(row);
}

export async function updateSchedule(
  deps: ReceptionDeps,
  principal: Principal,
  id: string,
  patch: Partial<ScheduleInput> & { active?: boolean },
) {
  const current = await deps.prisma.receptionSchedule.findUnique({ where: { id } });
  if (!current) throw new AppError('NotFound', `no reception schedule ${id}`);
  const tree = await requireManager(deps.prisma, principal, current.unitId);
  const { active, kind: _kind, ...fields } = patch;
  const merged: ScheduleInput = {
    ...specOf(current),
    registrationCutoffDays: current.registrationCutoffDays,
    startsFrom: current.startsFrom,
    ...fields,
    unitId: current.unitId,
  };
  await validate(deps.prisma, tree, merged);
  const row = await deps.prisma.receptionSchedule.update({
    where: { id },
    data: {
      leaderId: merged.leaderId,
      deputyId: merged.deputyId ?? null,
      rule: merged.rule as unknown as Prisma.InputJsonValue,
      startTime: merged.startTime,
      durationMinutes: merged.durationMinutes ?? current.durationMinutes,
      location: merged.location,
      registrationCutoffDays: merged.registrationCutoffDays ?? null,
      announceDaysBefore: merged.announceDaysBefore ?? current.announceDaysBefore,
      jointUnitIds: merged.jointUnitIds ?? [],
      active: active ?? current.active,
      version: { increment: 1 },
    },
  });
  if (current.active && !row.active) await stopReceptionCycle(deps, id).catch(ignoreNotFound);
  else if (row.active && !current.active) await startCycle(deps, row, await resumeAfter(deps, row));
  else if (row.active)
    await signalScheduleChanged(deps, specOf(row)).catch(async (error: unknown) => {
      // The cycle had ended (e.g. terminated by an operator): start it again with the edited schedule.
      ignoreNotFound(error);
      await startCycle(deps, row, await resumeAfter(deps, row));
    });
  return view(row);
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof WorkflowNotFoundError)) throw error;
}

export async function listSchedules(deps: ReceptionDeps, principal: Principal) {
  const tree = await UnitTree.load(deps.prisma);
  const rows = await deps.prisma.receptionSchedule.findMany({
    where: { unitId: { in: [...readableUnits(principal, tree)] } },
    orderBy: { createdAt: 'asc' },
  });
  return { items: rows.map(view) };
}

/** Makes sure every active schedule's cycle runs (after a restore, or a cluster move); reports how many were started. */
export async function ensureReceptionCycles(deps: ReceptionDeps, logger?: Logger): Promise<number> {
  let started = 0;
  for (const row of await deps.prisma.receptionSchedule.findMany({ where: { active: true } })) {
    if (await startCycle(deps, row, await resumeAfter(deps, row))) started += 1;
  }
  if (started) logger?.info({ started }, 'reception cycles started');
  return started;
}

function view(row: ScheduleRow) {
  return {
    ...specOf(row),
    id: row.id,
    kind: row.kind,
    registrationCutoffDays: row.registrationCutoffDays,
    startsFrom: row.startsFrom,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
