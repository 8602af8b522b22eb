// The headline figures supervisors report, for everyone: per unit and period, received, resolved and the
// share resolved on time. The same report use case the JSON API serves, read as an observer of the whole
// tree, keeping only counts per unit — never a case, a field of one case, or a person.
import type { PrismaClient } from '../platform/db/prisma';
import type { Principal } from '../org/access';
import { parsePeriod, type Period } from '../domain/report-period';
import { petitionReport } from '../reports/reports';

export interface PublicFigure {
  unitId: string;
  unit: string;
  received: number;
  resolved: number;
  resolvedOnTimePct: number | null;
}

/** "2026", "2026-Q4", "2026-11", …; the current year when missing or malformed. */
export function publicPeriod(text: unknown, now: Date): { key: string; period: Period } {
  const year = String(new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear());
  const key = typeof text === 'string' && parsePeriod(text) ? text : year;
  return { key, period: parsePeriod(key)! };
}

export async function publicFigures(
  prisma: PrismaClient,
  period: Period,
  now: Date,
): Promise<{ rows: PublicFigure[]; total: PublicFigure | null }> {
  const roots = await prisma.unit.findMany({ where: { parentId: null }, select: { id: true } });
  const observer: Principal = {
    personId: 'portal:public',
    fullName: 'Public figures',
    unitId: roots[0]?.id ?? '',
    bindings: roots.map((r) => ({ role: 'supervisor' as const, unitId: r.id })),
  };
  if (roots.length === 0) return { rows: [], total: null };
  const report = await petitionReport(prisma, observer, period, 'unit', now);
  const figure = (r: {
    key: string;
    label: string;
    received: number;
    resolved: number;
    resolvedOnTimePct: number | null;
  }): PublicFigure => ({
    unitId: r.key,
    unit: r.label,
    received: r.received,
    resolved: r.resolved,
    resolvedOnTimePct: r.resolvedOnTimePct,
  });
  return { rows: report.rows.map(figure), total: figure(report.total) };
}
