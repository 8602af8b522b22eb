// Whether leaders received citizens as often as their post requires (config/reception-policy.json):
// per week or per month, counting the distinct days on which they themselves held a session. Windows
// without a working day (Tết) carry no duty. Shortfalls are shown to supervisors and in the scorecard.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PrismaClient } from '../platform/db/prisma';
import { dayOf, formatDay, localDayOf, weekdayOf, type DayNumber, DAY_MS } from '../domain/calendar/day';
import type { Period } from '../domain/report-period';
import { readableUnits, UnitTree, type Principal } from '../org/access';
import { workingCalendarFor } from '../calendar/calendar-store';

const ZReceptionPolicy = z.object({
  version: z.string(),
  note: z.string().optional(),
  obligations: z.array(
    z.object({
      post: z.string(),
      level: z.enum(['central', 'province', 'district', 'commune', 'agency']),
      days: z.number().int().min(1),
      per: z.enum(['week', 'month']),
      basis: z.string(),
    }),
  ),
  /** Dialogue conferences: notice period, results deadline, reminders, the yearly regular conference, hot-spot thresholds. */
  conferences: z
    .object({
      announceAtLeastDays: z.number().int().min(0),
      resultsWithinDays: z.number().int().min(1),
      remindResultsBeforeDays: z.number().int().min(0),
      commitmentRemindBeforeDays: z.number().int().min(0),
      regularPerYear: z.object({
        level: z.enum(['central', 'province', 'district', 'commune', 'agency']),
        count: z.number().int().min(1),
      }),
      hotSpot: z.object({
        windowDays: z.number().int().min(1),
        minPetitions: z.number().int().min(2),
        minSimilarity: z.number().min(0).max(1),
      }),
      basis: z.string(),
    })
    .default({
      announceAtLeastDays: 7,
      resultsWithinDays: 10,
      remindResultsBeforeDays: 3,
      commitmentRemindBeforeDays: 3,
      regularPerYear: { level: 'commune', count: 1 },
      hotSpot: { windowDays: 14, minPetitions: 5, minSimilarity: 0.4 },
      basis: 'DOMAIN.md',
    }),
});
export type ReceptionPolicy = z.infer<typeof ZReceptionPolicy>;

export function loadReceptionPolicy(file: string): ReceptionPolicy {
  return ZReceptionPolicy.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Window {
  from: string;
  to: string;
}

/** Weeks (Monday–Sunday) or calendar months touching the period, clipped to it. */
export function windowsOf(per: 'week' | 'month', fromDay: DayNumber, toDay: DayNumber): [DayNumber, DayNumber][] {
  const out: [DayNumber, DayNumber][] = [];
  let start = fromDay;
  while (start <= toDay) {
    let end: DayNumber;
    if (per === 'week') {
      end = start + ((7 - weekdayOf(start)) % 7); // the Sunday on or after
    } else {
      const d = new Date(start * DAY_MS);
      end = dayOf(d.getUTCFullYear(), d.getUTCMonth() + 2, 1) - 1;
    }
    out.push([start, Math.min(end, toDay)]);
    start = end + 1;
  }
  return out;
}

export interface ObligationRow {
  personId: string;
  fullName: string;
  post: string;
  unitId: string;
  required: string;
  basis: string;
  /** Weeks or months of the period that have ended (and had a working day): these are judged. */
  windows: number;
  shortWindows: (Window & { held: number; required: number })[];
  /** The week or month still under way: shown, not judged, since the leader still has time. */
  current: (Window & { held: number; required: number }) | null;
  daysHeld: number;
}

export async function receptionObligations(
  prisma: PrismaClient,
  principal: Principal,
  policy: ReceptionPolicy,
  period: Period,
  now: Date = new Date(),
) {
  const tree = await UnitTree.load(prisma);
  const units = [...readableUnits(principal, tree)];
  // Only windows that have ended are judged; the one under way is shown as it stands.
  const fromDay = localDayOf(period.fromMs);
  const todayDay = localDayOf(now.getTime());
  const toDay = Math.min(localDayOf(period.toMs), todayDay);
  const people = await prisma.person.findMany({
    where: { unitId: { in: units }, post: { not: null }, active: true },
    include: { unit: { select: { level: true } } },
  });
  const calendar = await workingCalendarFor(prisma, new Date(period.fromMs).getUTCFullYear());
  const rows: ObligationRow[] = [];
  for (const person of people) {
    const duty = policy.obligations.find((o) => o.post === person.post && o.level === person.unit.level);
    if (!duty) continue;
    const sessions = await prisma.receptionSession.findMany({
      where: {
        receivingLeaderId: person.id,
        status: { in: ['open', 'closed'] },
        day: { gte: formatDay(fromDay), lte: formatDay(Math.max(fromDay, toDay)) },
      },
      select: { day: true },
    });
    const heldDays = new Set(sessions.map((s) => s.day));
    const row: ObligationRow = {
      personId: person.id,
      fullName: person.fullName,
      post: duty.post,
      unitId: person.unitId,
      required: `${duty.days}/${duty.per}`,
      basis: duty.basis,
      windows: 0,
      shortWindows: [],
      current: null,
      daysHeld: heldDays.size,
    };
    for (const [a, b] of toDay >= fromDay
      ? windowsOf(duty.per, fromDay, Math.max(localDayOf(period.toMs), fromDay))
      : []) {
      if (a > todayDay) break;
      let working = false;
      for (let d = a; d <= b && !working; d += 1) working = calendar.isWorkingDay(d);
      if (!working) continue;
      const held = [...heldDays].filter((d) => d >= formatDay(a) && d <= formatDay(b)).length;
      const window = { from: formatDay(a), to: formatDay(b), held, required: duty.days };
      if (b >= todayDay) {
        row.current = window;
        continue;
      }
      row.windows += 1;
      if (held < duty.days) row.shortWindows.push(window);
    }
    rows.push(row);
  }
  return {
    period: {
      label: period.label,
      from: new Date(period.fromMs).toISOString(),
      to: new Date(period.toMs).toISOString(),
    },
    policyVersion: policy.version,
    rows,
    flagged: rows.filter((r) => r.shortWindows.length > 0).map((r) => r.personId),
  };
}
