// Periodic reports: what the source reports quote (received, accepted, resolved, on time, overdue now,
// forwarded, sent up to the level above, withdrawn), grouped by level, unit, kind, field or responsible
// leader, over the caller's readable units. Each petition counts for its receiving unit.
import type { PrismaClient } from '../platform/db/prisma';
import type { Period } from '../domain/report-period';
import { readableUnits, UnitTree, type Principal } from '../org/access';
import type { Column } from './table-export';
import { percent } from '../domain/percent';
import { countPetitions, type CountSource } from './petition-counts';

export const GROUPINGS = ['none', 'level', 'unit', 'kind', 'field', 'leader'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ReportRow {
  key: string;
  label: string;
  received: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedOnTimePct: number | null;
  overdueNow: number;
  forwarded: number;
  escalated: number;
  escalatedPct: number | null;
  withdrawn: number;
  /** Of `received`: mass petitions (khiếu kiện đông người), each counted once however many sign it. */
  massReceived: number;
}

const FIGURES = [
  'received',
  'accepted',
  'resolved',
  'resolvedOnTime',
  'overdueNow',
  'forwarded',
  'escalated',
  'withdrawn',
  'massReceived',
] as const;

export async function petitionReport(
  prisma: PrismaClient,
  principal: Principal,
  period: Period,
  groupBy: Grouping,
  now: Date = new Date(),
  options: { source?: CountSource } = {},
) {
  const tree = await UnitTree.load(prisma);
  const units = [...readableUnits(principal, tree)];
  const from = new Date(period.fromMs);
  const to = new Date(period.toMs);
  const [counts, unitRows, people] = await Promise.all([
    countPetitions(prisma, units, period, groupBy, now, options.source),
    groupBy === 'unit'
      ? prisma.unit.findMany({ where: { id: { in: units } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    groupBy === 'leader'
      ? prisma.person.findMany({ where: { leaderOf: { some: {} } }, select: { id: true, fullName: true } })
      : Promise.resolve([]),
  ]);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const personName = new Map(people.map((p) => [p.id, p.fullName]));
  const labelOf = (key: string): string => {
    switch (groupBy) {
      case 'none':
        return 'Tổng / Total';
      case 'unit':
        return unitById.get(key)?.name ?? key;
      case 'leader':
        return key === '-' ? '(chưa phân công / unassigned)' : (personName.get(key) ?? key);
      default:
        return key;
    }
  };
  const rows = new Map<string, ReportRow>();
  for (const c of counts) {
    let row = rows.get(c.key);
    if (!row) {
      row = {
        key: c.key,
        label: labelOf(c.key),
        received: 0,
        accepted: 0,
        resolved: 0,
        resolvedOnTime: 0,
        resolvedOnTimePct: null,
        overdueNow: 0,
        forwarded: 0,
        escalated: 0,
        escalatedPct: null,
        withdrawn: 0,
        massReceived: 0,
      };
      rows.set(c.key, row);
    }
    for (const figure of FIGURES) row[figure] += c[figure];
  }
  const out: ReportRow[] = [...rows.values()]
    .map((r) => ({
      ...r,
      resolvedOnTimePct: percent(r.resolvedOnTime, r.resolved),
      escalatedPct: percent(r.escalated, r.received),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const sum = (k: keyof ReportRow) => out.reduce((acc, r) => acc + (r[k] as number), 0);
  const total: ReportRow = {
    key: 'total',
    label: 'Tổng / Total',
    received: sum('received'),
    accepted: sum('accepted'),
    resolved: sum('resolved'),
    resolvedOnTime: sum('resolvedOnTime'),
    resolvedOnTimePct: percent(sum('resolvedOnTime'), sum('resolved')),
    overdueNow: sum('overdueNow'),
    forwarded: sum('forwarded'),
    escalated: sum('escalated'),
    escalatedPct: percent(sum('escalated'), sum('received')),
    withdrawn: sum('withdrawn'),
    massReceived: sum('massReceived'),
  };
  return { period: { label: period.label, from: from.toISOString(), to: to.toISOString() }, groupBy, rows: out, total };
}

export const REPORT_COLUMNS: Column<ReportRow>[] = [
  { key: 'label', vi: 'Nhóm', en: 'Group' },
  { key: 'received', vi: 'Tiếp nhận', en: 'Received' },
  { key: 'accepted', vi: 'Thụ lý', en: 'Accepted' },
  { key: 'resolved', vi: 'Đã giải quyết', en: 'Resolved' },
  { key: 'resolvedOnTime', vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  { key: 'resolvedOnTimePct', vi: 'Tỷ lệ đúng hạn (%)', en: 'On time (%)' },
  { key: 'overdueNow', vi: 'Quá hạn hiện tại', en: 'Overdue now' },
  { key: 'forwarded', vi: 'Chuyển đơn', en: 'Forwarded' },
  { key: 'escalated', vi: 'Báo cáo lên cấp trên', en: 'Escalated to the level above' },
  { key: 'escalatedPct', vi: 'Tỷ lệ lên cấp trên (%)', en: 'Escalated (%)' },
  { key: 'withdrawn', vi: 'Rút đơn', en: 'Withdrawn' },
  { key: 'massReceived', vi: 'Đơn đông người', en: 'Mass petitions' },
];
