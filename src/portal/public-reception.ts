// What the public may know of reception days: each unit's regular schedule, the next dates it gives on the
// working calendar (moved past holidays), the sessions already announced (open for registration until the
// cut-off) and the public notices, postponements included. Never who registered.
import type { PrismaClient } from '../platform/db/prisma';
import { workingCalendarFor } from '../calendar/calendar-store';
import { formatDay, localDayOf, parseDay, yearOf } from '../domain/calendar/day';
import { describeRule, occurrencesAfter, type ReceptionRule } from '../domain/reception/schedule-rule';
import { publicNotices } from '../reception/reception-sessions';

export interface PublicSession {
  id: string;
  unitId: string;
  day: string;
  startsAt: Date;
  location: string;
  /** The last day to register, or null when registration needs no notice. */
  registerBy: string | null;
  open: boolean;
}

export interface PublicSchedule {
  id: string;
  unitId: string;
  unitName: string;
  unitNameEn: string | null;
  rule: { vi: string; en: string };
  startTime: string;
  location: string;
  registrationCutoffDays: number | null;
  nextDays: { nominal: string; day: string }[];
  sessions: PublicSession[];
}

export async function publicReception(
  prisma: PrismaClient,
  now: Date,
  unitId?: string,
): Promise<{ schedules: PublicSchedule[]; notices: Awaited<ReturnType<typeof publicNotices>>['items'] }> {
  const today = localDayOf(now.getTime());
  const schedules = await prisma.receptionSchedule.findMany({
    where: { kind: 'reception', active: true, ...(unitId ? { unitId } : {}) },
    orderBy: { unitId: 'asc' },
  });
  const units = new Map(
    (await prisma.unit.findMany({ select: { id: true, name: true, nameEn: true } })).map((u) => [u.id, u]),
  );
  const sessions = await prisma.receptionSession.findMany({
    where: { scheduleId: { in: schedules.map((s) => s.id) }, status: 'announced', day: { gte: formatDay(today) } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, scheduleId: true, unitId: true, day: true, startsAt: true, location: true },
  });
  const calendar = await workingCalendarFor(prisma, yearOf(today));
  const out = schedules.map((s): PublicSchedule => {
    const unit = units.get(s.unitId);
    const cutoff = s.registrationCutoffDays;
    return {
      id: s.id,
      unitId: s.unitId,
      unitName: unit?.name ?? s.unitId,
      unitNameEn: unit?.nameEn ?? null,
      rule: describeRule(s.rule as unknown as ReceptionRule),
      startTime: s.startTime,
      location: s.location,
      registrationCutoffDays: cutoff,
      nextDays: occurrencesAfter(s.rule as unknown as ReceptionRule, formatDay(today - 1), calendar, 3).map((o) => ({
        nominal: o.nominal,
        day: o.day,
      })),
      sessions: sessions
        .filter((x) => x.scheduleId === s.id)
        .map((x) => {
          const registerBy = cutoff ? formatDay(parseDay(x.day) - cutoff) : null;
          return {
            id: x.id,
            unitId: x.unitId,
            day: x.day,
            startsAt: x.startsAt,
            location: x.location,
            registerBy,
            open: !registerBy || formatDay(today) <= registerBy,
          };
        }),
    };
  });
  const { items } = await publicNotices(prisma, { unitId });
  return { schedules: out, notices: items.slice(0, 20) };
}
