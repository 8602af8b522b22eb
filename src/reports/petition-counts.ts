// The periodic report's figures, counted in PostgreSQL per receiving unit, kind and field (the finest
// keys a report groups by); reports.ts folds them into the requested grouping. Two ways to count the
// same thing: from the rollups the database keeps in step with every petition and event (a report over
// a million cases sums a few thousand rows), and straight from the petitions and events, which any
// period can use, also one that does not start and end on whole local days.
import type { PrismaClient } from '../platform/db/prisma';
import type { Period } from '../domain/report-period';
import { DAY_MS, formatDay, VN_OFFSET_MS } from '../domain/calendar/day';

export interface KeyCounts {
  unitId: string;
  kind: string;
  field: string;
  received: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  overdueNow: number;
  forwarded: number;
  /** Petitions with at least one escalation in the period (not escalations). */
  escalated: number;
  withdrawn: number;
}

export type CountSource = 'rollup' | 'events';

const ZERO = { received: 0, accepted: 0, resolved: 0, resolvedOnTime: 0, overdueNow: 0, forwarded: 0, escalated: 0, withdrawn: 0 };
type Figure = keyof typeof ZERO;
type SqlRow = { unitId: string; kind: string; field: string } & Partial<Record<Figure, bigint | number | null>>;

/** The rollups hold whole local days: a period that starts or ends inside a day is counted from the events. */
export function coversWholeLocalDays(period: Period): boolean {
  return (period.fromMs + VN_OFFSET_MS) % DAY_MS === 0 && (period.toMs + 1 + VN_OFFSET_MS) % DAY_MS === 0;
}

export async function countPetitions(prisma: PrismaClient, units: string[], period: Period, now: Date, source: CountSource = coversWholeLocalDays(period) ? 'rollup' : 'events'): Promise<KeyCounts[]> {
  const parts = source === 'rollup' ? await fromRollups(prisma, units, period, now) : await fromEvents(prisma, units, period, now);
  const byKey = new Map<string, KeyCounts>();
  for (const row of parts.flat()) {
    const key = `${row.unitId}\u0000${row.kind}\u0000${row.field}`;
    let counts = byKey.get(key);
    if (!counts) {
      counts = { unitId: row.unitId, kind: row.kind, field: row.field, ...ZERO };
      byKey.set(key, counts);
    }
    for (const figure of Object.keys(ZERO) as Figure[]) counts[figure] += Number(row[figure] ?? 0);
  }
  // A key whose rows all cancel out (a petition deleted again) is no row of the report.
  return [...byKey.values()].filter((c) => (Object.keys(ZERO) as Figure[]).some((f) => c[f] !== 0));
}

const utc = (ms: number) => new Date(ms).toISOString();

/** Open cases past their deadline now: whatever the period, from the (closedAt, dueAt, unit, kind, field) index. */
function overdue(prisma: PrismaClient, units: string[], now: Date): Promise<SqlRow[]> {
  return prisma.$queryRaw<SqlRow[]>`
    SELECT "receivingUnitId" AS "unitId", "kind"::text AS "kind", "field", COUNT(*) AS "overdueNow"
    FROM "Petition"
    WHERE "closedAt" IS NULL AND "dueAt" < (${utc(now.getTime())}::timestamptz AT TIME ZONE 'UTC') AND "receivingUnitId" = ANY(${units}::text[])
    GROUP BY 1, 2, 3`;
}

function fromRollups(prisma: PrismaClient, units: string[], period: Period, now: Date): Promise<SqlRow[][]> {
  const firstDay = formatDay(Math.floor((period.fromMs + VN_OFFSET_MS) / DAY_MS));
  const lastDay = formatDay(Math.floor((period.toMs + VN_OFFSET_MS) / DAY_MS));
  return Promise.all([
    prisma.$queryRaw<SqlRow[]>`
      SELECT "receivingUnitId" AS "unitId", "kind"::text AS "kind", "field",
        SUM("received") AS "received", SUM("accepted") AS "accepted", SUM("resolved") AS "resolved",
        SUM("resolvedOnTime") AS "resolvedOnTime", SUM("forwarded") AS "forwarded", SUM("withdrawn") AS "withdrawn"
      FROM "ReportDailyRollup"
      WHERE "day" BETWEEN ${firstDay}::date AND ${lastDay}::date AND "receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<SqlRow[]>`
      SELECT "receivingUnitId" AS "unitId", "kind"::text AS "kind", "field", COUNT(DISTINCT "petitionId") AS "escalated"
      FROM "ReportEscalationDay"
      WHERE "day" BETWEEN ${firstDay}::date AND ${lastDay}::date AND "receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1, 2, 3`,
    overdue(prisma, units, now),
  ]);
}

function fromEvents(prisma: PrismaClient, units: string[], period: Period, now: Date): Promise<SqlRow[][]> {
  const from = utc(period.fromMs);
  const to = utc(period.toMs);
  return Promise.all([
    prisma.$queryRaw<SqlRow[]>`
      SELECT "receivingUnitId" AS "unitId", "kind"::text AS "kind", "field", COUNT(*) AS "received"
      FROM "Petition"
      WHERE "receivedAt" BETWEEN (${from}::timestamptz AT TIME ZONE 'UTC') AND (${to}::timestamptz AT TIME ZONE 'UTC') AND "receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<SqlRow[]>`
      SELECT p."receivingUnitId" AS "unitId", p."kind"::text AS "kind", p."field",
        COUNT(*) FILTER (WHERE e."type" = 'accept') AS "accepted",
        COUNT(*) FILTER (WHERE e."type" = 'resolve') AS "resolved",
        COUNT(*) FILTER (WHERE e."type" = 'resolve' AND e."at" <= danvan_try_utc(e."data"->>'dueBefore')) AS "resolvedOnTime",
        COUNT(*) FILTER (WHERE e."type" = 'forward') AS "forwarded",
        COUNT(DISTINCT e."petitionId") FILTER (WHERE e."type" = 'escalated') AS "escalated",
        COUNT(*) FILTER (WHERE e."type" = 'withdraw') AS "withdrawn"
      FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
      WHERE e."type" IN ('accept', 'resolve', 'forward', 'escalated', 'withdraw')
        AND e."at" BETWEEN (${from}::timestamptz AT TIME ZONE 'UTC') AND (${to}::timestamptz AT TIME ZONE 'UTC')
        AND p."receivingUnitId" = ANY(${units}::text[])
      GROUP BY 1, 2, 3`,
    overdue(prisma, units, now),
  ]);
}
