// The leader scorecard: for each leader answerable for a locality (Unit.responsibleLeaderId), over a
// period, how their cases met their deadlines and how often the system had to remind them or go over
// their head. A case counts for the leader of the unit that held it at the moment in question (a forward
// moves it to another unit and another leader).
import type { PrismaClient } from '../platform/db/prisma';
import { ACTIONS } from '../domain/petition/petition-stages';
import type { Period } from '../domain/report-period';
import { readableUnits, UnitTree, type Principal } from '../org/access';
import type { Column } from './table-export';
import { receptionObligations, type ReceptionPolicy } from '../reception/reception-obligations';
import { percent } from '../domain/percent';

export interface ScorecardRow {
  leaderId: string;
  leaderName: string;
  units: string[];
  /** Cases whose deciding deadline fell in the period: the deadline a resolution was made under, or an open case's current one. */
  due: number;
  resolvedOnTime: number;
  onTimePct: number | null;
  /** Open cases past their deadline now, whatever the period. */
  overdueNow: number;
  /** Reminders addressed to this leader in the period. */
  remindersReceived: number;
  /** Of the cases they were reminded about, how many saw an action after the first reminder (the reminder came before acting). */
  casesActedAfterReminder: number;
  /** Deadlines of their cases that lapsed and went to the level above, in the period. */
  escalations: number;
  /** Weeks or months of the period in which they received citizens less often than their post requires (null: no duty). */
  receptionShortfalls: number | null;
}

export async function leaderScorecard(
  prisma: PrismaClient,
  principal: Principal,
  period: Period,
  now: Date = new Date(),
  receptionPolicy?: ReceptionPolicy,
) {
  const tree = await UnitTree.load(prisma);
  const units = readableUnits(principal, tree);
  const [unitRows, candidates] = await Promise.all([
    prisma.unit.findMany({
      where: { id: { in: [...units] } },
      select: { id: true, name: true, responsibleLeader: { select: { id: true, fullName: true } } },
    }),
    scorecardCandidates(prisma, [...units], period, now),
  ]);
  const petitions = [];
  for (let i = 0; i < candidates.length; i += LOAD_BATCH) {
    petitions.push(
      ...(await prisma.petition.findMany({
        where: { id: { in: candidates.slice(i, i + LOAD_BATCH) } },
        select: {
          id: true,
          receivingUnitId: true,
          unitId: true,
          dueAt: true,
          closedAt: true,
          stage: true,
          // A case may have moved out of the caller's subtree by a forward, so its whole event list is read.
          events: { select: { type: true, at: true, actorId: true, data: true }, orderBy: { at: 'asc' } },
        },
      })),
    );
  }
  const leaderOfUnit = new Map(unitRows.filter((u) => u.responsibleLeader).map((u) => [u.id, u.responsibleLeader!]));
  const rows = new Map<string, ScorecardRow>();
  for (const u of unitRows) {
    if (!u.responsibleLeader) continue;
    const row = rowFor(rows, u.responsibleLeader);
    row.units.push(u.name);
  }
  const inPeriod = (t: number) => t >= period.fromMs && t <= period.toMs;

  for (const p of petitions) {
    // The unit holding the case at time t: the receiving unit, then each forward's destination.
    const forwards = p.events
      .filter((e) => e.type === 'forward')
      .map((e) => ({ at: e.at.getTime(), to: (e.data as { toUnitId?: string } | null)?.toUnitId }));
    const unitAt = (t: number) => forwards.reduce((unit, f) => (f.at <= t && f.to ? f.to : unit), p.receivingUnitId);
    const leaderAt = (t: number) => {
      const unitId = unitAt(t);
      return units.has(unitId) ? leaderOfUnit.get(unitId) : undefined;
    };

    const resolution = [...p.events].reverse().find((e) => e.type === 'resolve');
    const decidingDue = resolution
      ? (resolution.data as { dueBefore?: string } | null)?.dueBefore
      : !p.closedAt && p.dueAt
        ? p.dueAt.toISOString()
        : undefined;
    if (decidingDue && inPeriod(Date.parse(decidingDue))) {
      const leader = leaderAt(resolution ? resolution.at.getTime() : now.getTime());
      if (leader) {
        const row = rowFor(rows, leader);
        row.due += 1;
        if (resolution && resolution.at.getTime() <= Date.parse(decidingDue)) row.resolvedOnTime += 1;
      }
    }
    if (!p.closedAt && p.dueAt && p.dueAt < now) {
      const leader = leaderAt(now.getTime());
      if (leader) rowFor(rows, leader).overdueNow += 1;
    }

    const firstReminderTo = new Map<string, number>();
    for (const e of p.events) {
      const t = e.at.getTime();
      if (e.type === 'reminder' && inPeriod(t)) {
        for (const id of (e.data as { recipientIds?: string[] } | null)?.recipientIds ?? []) {
          const row = rows.get(id);
          if (!row) continue;
          row.remindersReceived += 1;
          if (!firstReminderTo.has(id)) firstReminderTo.set(id, t);
        }
      }
      if (e.type === 'escalated' && inPeriod(t)) {
        const leader = leaderAt(t);
        if (leader) rowFor(rows, leader).escalations += 1;
      }
    }
    for (const [leaderId, first] of firstReminderTo) {
      if (p.events.some((e) => (ACTIONS as readonly string[]).includes(e.type) && e.actorId && e.at.getTime() > first))
        rows.get(leaderId)!.casesActedAfterReminder += 1;
    }
  }
  if (receptionPolicy) {
    const duties = await receptionObligations(prisma, principal, receptionPolicy, period, now);
    for (const d of duties.rows) {
      const row = rows.get(d.personId);
      if (row) row.receptionShortfalls = d.shortWindows.length;
      // A leader with a reception duty but no locality of their own still shows, for the duty.
      else if (d.shortWindows.length > 0)
        rowFor(rows, { id: d.personId, fullName: d.fullName }).receptionShortfalls = d.shortWindows.length;
    }
  }
  const out = [...rows.values()]
    .map((r) => ({ ...r, onTimePct: percent(r.resolvedOnTime, r.due) }))
    .sort((a, b) => a.leaderName.localeCompare(b.leaderName, 'vi'));
  return {
    period: {
      label: period.label,
      from: new Date(period.fromMs).toISOString(),
      to: new Date(period.toMs).toISOString(),
    },
    rows: out,
  };
}

const LOAD_BATCH = 5_000;
// An instant as Date.toISOString() writes it: for these, text order is time order.
const CANONICAL_INSTANT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$';

/**
 * The petitions that can count for anyone in the period, found in SQL so that only they are loaded: open
 * with a deadline in the period or past it now, reminded or escalated in the period, or resolved under a
 * deadline in the period (a `dueBefore` written in any other form is always loaded). A superset: the
 * figures are still decided by the code below, as for every petition before.
 */
async function scorecardCandidates(
  prisma: PrismaClient,
  units: string[],
  period: Period,
  now: Date,
): Promise<string[]> {
  const at = (ms: number) => new Date(ms).toISOString();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH mine AS (SELECT "id", "closedAt", "dueAt" FROM "Petition" WHERE "unitId" = ANY(${units}::text[]) OR "receivingUnitId" = ANY(${units}::text[]))
    SELECT m."id" FROM mine m
    WHERE m."closedAt" IS NULL AND m."dueAt" IS NOT NULL
      AND (m."dueAt" < (${at(now.getTime())}::timestamptz AT TIME ZONE 'UTC') OR m."dueAt" BETWEEN (${at(period.fromMs)}::timestamptz AT TIME ZONE 'UTC') AND (${at(period.toMs)}::timestamptz AT TIME ZONE 'UTC'))
    UNION
    SELECT e."petitionId" FROM "PetitionEvent" e JOIN mine m ON m."id" = e."petitionId"
    WHERE e."type" IN ('reminder', 'escalated') AND e."at" BETWEEN (${at(period.fromMs)}::timestamptz AT TIME ZONE 'UTC') AND (${at(period.toMs)}::timestamptz AT TIME ZONE 'UTC')
    UNION
    SELECT e."petitionId" FROM "PetitionEvent" e JOIN mine m ON m."id" = e."petitionId"
    WHERE e."type" = 'resolve' AND e."data"->>'dueBefore' IS NOT NULL
      AND (e."data"->>'dueBefore' !~ ${CANONICAL_INSTANT} OR e."data"->>'dueBefore' BETWEEN ${at(period.fromMs)} AND ${at(period.toMs)})`;
  return rows.map((r) => r.id);
}

function rowFor(rows: Map<string, ScorecardRow>, leader: { id: string; fullName: string }): ScorecardRow {
  let row = rows.get(leader.id);
  if (!row) {
    row = {
      leaderId: leader.id,
      leaderName: leader.fullName,
      units: [],
      due: 0,
      resolvedOnTime: 0,
      onTimePct: null,
      overdueNow: 0,
      remindersReceived: 0,
      casesActedAfterReminder: 0,
      escalations: 0,
      receptionShortfalls: null,
    };
    rows.set(leader.id, row);
  }
  return row;
}

export const SCORECARD_COLUMNS: Column<ScorecardRow>[] = [
  { key: 'leaderName', vi: 'Lãnh đạo phụ trách', en: 'Responsible leader' },
  { key: 'units', vi: 'Địa bàn', en: 'Localities' },
  { key: 'due', vi: 'Vụ việc đến hạn', en: 'Cases due' },
  { key: 'resolvedOnTime', vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  { key: 'onTimePct', vi: 'Tỷ lệ đúng hạn (%)', en: 'On time (%)' },
  { key: 'overdueNow', vi: 'Quá hạn hiện tại', en: 'Overdue now' },
  { key: 'remindersReceived', vi: 'Số lần được nhắc', en: 'Reminders received' },
  { key: 'casesActedAfterReminder', vi: 'Vụ việc xử lý sau khi được nhắc', en: 'Cases acted on after a reminder' },
  { key: 'escalations', vi: 'Bị báo cáo lên cấp trên', en: 'Escalations' },
  { key: 'receptionShortfalls', vi: 'Kỳ tiếp công dân chưa đủ số ngày', en: 'Reception periods short of the duty' },
];
