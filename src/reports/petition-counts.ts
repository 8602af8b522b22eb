// The periodic report's figures, counted and grouped in PostgreSQL (by receiving unit, its level or
// responsible leader, kind, field, or not at all); reports.ts labels the groups. Two ways to count the
// same thing: from the monthly rollups the database keeps in step with every petition and event (a
// report over a million cases sums rows per month and key), with the days of a range outside whole
// months counted from the events; or wholly from the petitions and events, which any period can use,
// also one that does not start and end on local midnights. A petition linked as a duplicate (đơn trùng)
// counts with the case it duplicates only, so one matter sent twice is counted once.
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db/prisma';
import type { Period } from '../domain/report-period';
import { DAY_MS, dayOf, formatDay, VN_OFFSET_MS } from '../domain/calendar/day';

export type GroupKey = 'none' | 'level' | 'unit' | 'kind' | 'field' | 'leader';

export interface GroupCounts {
  /** The receiving unit's id, its level, its responsible leader's id ("-": none), the kind, the field, or "all". */
  key: string;
  received: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  overdueNow: number;
  forwarded: number;
  /** Petitions with at least one escalation in the period (not escalations). */
  escalated: number;
  withdrawn: number;
  /** Of `received`: mass petitions (khiếu kiện đông người). */
  massReceived: number;
}

export type CountSource = 'rollup' | 'events';

const ZERO = {
  received: 0,
  accepted: 0,
  resolved: 0,
  resolvedOnTime: 0,
  overdueNow: 0,
  forwarded: 0,
  escalated: 0,
  withdrawn: 0,
  massReceived: 0,
};
type Figure = keyof typeof ZERO;
type SqlRow = { key: string } & Partial<Record<Figure, bigint | number | null>>;
/** Instants, inclusive; empty when from > to. */
type Range = { fromMs: number; toMs: number };

/** The rollups hold whole local days: a period that starts or ends inside a day is counted from the events. */
export function coversWholeLocalDays(period: Period): boolean {
  return (period.fromMs + VN_OFFSET_MS) % DAY_MS === 0 && (period.toMs + 1 + VN_OFFSET_MS) % DAY_MS === 0;
}

/**
 * The group of a row of table `t` (a petition or a rollup, with the receiving unit `u` joined). Each petition
 * falls in exactly one group, so every figure, the count of distinct escalated petitions included, is
 * additive across the parts a period is counted in.
 */
const GROUP_SQL: Record<GroupKey, Prisma.Sql> = {
  none: Prisma.sql`'all'`,
  unit: Prisma.sql`t."receivingUnitId"`,
  level: Prisma.sql`u."level"::text`,
  leader: Prisma.sql`COALESCE(u."responsibleLeaderId", '-')`,
  kind: Prisma.sql`t."kind"::text`,
  field: Prisma.sql`t."field"`,
};

export async function countPetitions(
  prisma: PrismaClient,
  units: string[],
  period: Period,
  groupBy: GroupKey,
  now: Date,
  source: CountSource = coversWholeLocalDays(period) ? 'rollup' : 'events',
): Promise<GroupCounts[]> {
  const g = GROUP_SQL[groupBy];
  const months = source === 'rollup' && coversWholeLocalDays(period) ? wholeMonths(period) : null;
  const parts = months
    ? await Promise.all([
        monthlyRollups(prisma, g, units, months.first, months.last),
        ...months.edges.map((edge) => eventCounts(prisma, g, units, edge)),
        escalatedPetitions(prisma, g, units, months.edges, months),
        overdue(prisma, g, units, now),
      ])
    : await Promise.all([
        eventCounts(prisma, g, units, period),
        escalatedPetitions(prisma, g, units, [period], null),
        overdue(prisma, g, units, now),
      ]);
  const byKey = new Map<string, GroupCounts>();
  for (const row of parts.flat()) {
    let counts = byKey.get(row.key);
    if (!counts) {
      counts = { key: row.key, ...ZERO };
      byKey.set(row.key, counts);
    }
    for (const figure of Object.keys(ZERO) as Figure[]) counts[figure] += Number(row[figure] ?? 0);
  }
  // A key whose rows all cancel out (a petition deleted again) is no row of the report.
  return [...byKey.values()].filter((c) => (Object.keys(ZERO) as Figure[]).some((f) => c[f] !== 0));
}

/**
 * The whole local months inside a period of whole days (first days of the first and last month), and the
 * days before and after them; null months when none fits, and the period is all edge.
 */
function wholeMonths(period: Period): { first: string; last: string; edges: Range[] } | null {
  const firstDay = Math.floor((period.fromMs + VN_OFFSET_MS) / DAY_MS);
  const lastDay = Math.floor((period.toMs + VN_OFFSET_MS) / DAY_MS);
  const start = new Date(firstDay * DAY_MS);
  const firstMonth = start.getUTCDate() === 1 ? firstDay : dayOf(start.getUTCFullYear(), start.getUTCMonth() + 2, 1);
  const after = new Date((lastDay + 1) * DAY_MS);
  const endMonth = after.getUTCDate() === 1 ? lastDay + 1 : dayOf(after.getUTCFullYear(), after.getUTCMonth() + 1, 1);
  if (endMonth <= firstMonth) return null;
  const lastMonth = new Date((endMonth - 1) * DAY_MS);
  const startOf = (day: number) => day * DAY_MS - VN_OFFSET_MS;
  return {
    first: formatDay(firstMonth),
    last: formatDay(dayOf(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1)),
    edges: [
      { fromMs: period.fromMs, toMs: startOf(firstMonth) - 1 },
      { fromMs: startOf(endMonth), toMs: period.toMs },
    ].filter((r) => r.fromMs <= r.toMs),
  };
}

const utc = (ms: number) => new Date(ms).toISOString();

/** Open cases past their deadline now: whatever the period, from the (closedAt, dueAt, unit, kind, field) index. */
function overdue(prisma: PrismaClient, g: Prisma.Sql, units: string[], now: Date): Promise<SqlRow[]> {
  return prisma.$queryRaw<SqlRow[]>`
    SELECT ${g} AS "key", COUNT(*) AS "overdueNow"
    FROM "Petition" t JOIN "Unit" u ON u."id" = t."receivingUnitId"
    WHERE t."closedAt" IS NULL AND t."dueAt" < (${utc(now.getTime())}::timestamptz AT TIME ZONE 'UTC') AND t."receivingUnitId" = ANY(${units}::text[])
    GROUP BY 1`;
}

function monthlyRollups(
  prisma: PrismaClient,
  g: Prisma.Sql,
  units: string[],
  first: string,
  last: string,
): Promise<SqlRow[]> {
  return prisma.$queryRaw<SqlRow[]>`
    SELECT ${g} AS "key",
      SUM("received") AS "received", SUM("accepted") AS "accepted", SUM("resolved") AS "resolved",
      SUM("resolvedOnTime") AS "resolvedOnTime", SUM("forwarded") AS "forwarded", SUM("withdrawn") AS "withdrawn",
      SUM("massReceived") AS "massReceived"
    FROM "ReportMonthlyRollup" t JOIN "Unit" u ON u."id" = t."receivingUnitId"
    WHERE t."month" BETWEEN ${first}::date AND ${last}::date AND t."receivingUnitId" = ANY(${units}::text[])
    GROUP BY 1`;
}

/** Everything but the escalated petitions (which are not additive over time), from the rows themselves. */
async function eventCounts(prisma: PrismaClient, g: Prisma.Sql, units: string[], range: Range): Promise<SqlRow[]> {
  const from = utc(range.fromMs);
  const to = utc(range.toMs);
  const [received, events] = await Promise.all([
    prisma.$queryRaw<SqlRow[]>`
      SELECT ${g} AS "key", COUNT(*) AS "received", COUNT(*) FILTER (WHERE t."isMass") AS "massReceived"
      FROM "Petition" t JOIN "Unit" u ON u."id" = t."receivingUnitId"
      WHERE t."duplicateOfId" IS NULL AND t."receivedAt" BETWEEN (${from}::timestamptz AT TIME ZONE 'UTC') AND (${to}::timestamptz AT TIME ZONE 'UTC') AND t."receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1`,
    prisma.$queryRaw<SqlRow[]>`
      SELECT ${g} AS "key",
        COUNT(*) FILTER (WHERE e."type" = 'accept') AS "accepted",
        COUNT(*) FILTER (WHERE e."type" = 'resolve') AS "resolved",
        COUNT(*) FILTER (WHERE e."type" = 'resolve' AND e."at" <= danvan_try_utc(e."data"->>'dueBefore')) AS "resolvedOnTime",
        COUNT(*) FILTER (WHERE e."type" = 'forward') AS "forwarded",
        COUNT(*) FILTER (WHERE e."type" = 'withdraw') AS "withdrawn"
      FROM "PetitionEvent" e JOIN "Petition" t ON t."id" = e."petitionId" JOIN "Unit" u ON u."id" = t."receivingUnitId"
      WHERE e."type" IN ('accept', 'resolve', 'forward', 'withdraw') AND t."duplicateOfId" IS NULL
        AND e."at" BETWEEN (${from}::timestamptz AT TIME ZONE 'UTC') AND (${to}::timestamptz AT TIME ZONE 'UTC')
        AND t."receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1`,
  ]);
  return [...received, ...events];
}

/** Petitions escalated in the period, each once: from the whole months' rollup and the edge days' events together. */
function escalatedPetitions(
  prisma: PrismaClient,
  g: Prisma.Sql,
  units: string[],
  ranges: Range[],
  months: { first: string; last: string } | null,
): Promise<SqlRow[]> {
  // Two ranges at most (before and after the whole months); a missing one is empty (from after to).
  const [a, b] = [ranges[0] ?? { fromMs: 1, toMs: 0 }, ranges[1] ?? { fromMs: 1, toMs: 0 }];
  const [first, last] = months ? [months.first, months.last] : ['2000-02-01', '2000-01-01'];
  return prisma.$queryRaw<SqlRow[]>`
    SELECT "key", COUNT(DISTINCT "petitionId") AS "escalated" FROM (
      SELECT t."petitionId", ${g} AS "key"
      FROM "ReportEscalationMonth" t JOIN "Unit" u ON u."id" = t."receivingUnitId"
      WHERE t."month" BETWEEN ${first}::date AND ${last}::date AND t."receivingUnitId" = ANY(${units}::text[])
      UNION ALL
      SELECT e."petitionId", ${g}
      FROM "PetitionEvent" e JOIN "Petition" t ON t."id" = e."petitionId" JOIN "Unit" u ON u."id" = t."receivingUnitId"
      WHERE e."type" = 'escalated' AND t."duplicateOfId" IS NULL AND t."receivingUnitId" = ANY(${units}::text[])
        AND (e."at" BETWEEN (${utc(a.fromMs)}::timestamptz AT TIME ZONE 'UTC') AND (${utc(a.toMs)}::timestamptz AT TIME ZONE 'UTC')
          OR e."at" BETWEEN (${utc(b.fromMs)}::timestamptz AT TIME ZONE 'UTC') AND (${utc(b.toMs)}::timestamptz AT TIME ZONE 'UTC'))
    ) AS x
    GROUP BY 1`;
}
