// The periodic report as it was before it was counted in SQL (main at a2d4e49): every petition and event
// of the caller's units loaded into JavaScript. Kept only so `npm run bench` can show the before figure.
import type { PrismaClient } from '../../src/platform/db/prisma';
import type { Period } from '../../src/domain/report-period';
import { readableUnits, UnitTree, type Principal } from '../../src/org/access';
import { percent } from '../../src/domain/percent';

type Grouping = 'none' | 'level' | 'unit' | 'kind' | 'field' | 'leader';

interface ReportRow {
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
}

export async function legacyPetitionReport(
  prisma: PrismaClient,
  principal: Principal,
  period: Period,
  groupBy: Grouping,
  now: Date = new Date(),
) {
  const tree = await UnitTree.load(prisma);
  const units = [...readableUnits(principal, tree)];
  const from = new Date(period.fromMs);
  const to = new Date(period.toMs);
  const [petitions, events, unitRows, people] = await Promise.all([
    prisma.petition.findMany({
      where: { receivingUnitId: { in: units } },
      select: {
        id: true,
        kind: true,
        field: true,
        receivingUnitId: true,
        receivedAt: true,
        dueAt: true,
        closedAt: true,
      },
    }),
    prisma.petitionEvent.findMany({
      where: {
        at: { gte: from, lte: to },
        type: { in: ['accept', 'resolve', 'forward', 'escalated', 'withdraw'] },
        petition: { receivingUnitId: { in: units } },
      },
      select: { petitionId: true, type: true, at: true, data: true },
    }),
    prisma.unit.findMany({ select: { id: true, name: true, level: true, responsibleLeaderId: true } }),
    prisma.person.findMany({ select: { id: true, fullName: true } }),
  ]);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const personName = new Map(people.map((p) => [p.id, p.fullName]));
  const groupOf = (p: (typeof petitions)[number]): { key: string; label: string } => {
    const unit = unitById.get(p.receivingUnitId)!;
    switch (groupBy) {
      case 'none':
        return { key: 'all', label: 'Tổng / Total' };
      case 'level':
        return { key: unit.level, label: unit.level };
      case 'unit':
        return { key: unit.id, label: unit.name };
      case 'kind':
        return { key: p.kind, label: p.kind };
      case 'field':
        return { key: p.field, label: p.field };
      case 'leader':
        return unit.responsibleLeaderId
          ? {
              key: unit.responsibleLeaderId,
              label: personName.get(unit.responsibleLeaderId) ?? unit.responsibleLeaderId,
            }
          : { key: '-', label: '(chưa phân công / unassigned)' };
    }
  };
  const rows = new Map<string, ReportRow & { escalatedIds: Set<string> }>();
  const rowFor = (p: (typeof petitions)[number]) => {
    const g = groupOf(p);
    let row = rows.get(g.key);
    if (!row) {
      row = {
        ...g,
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
        escalatedIds: new Set(),
      };
      rows.set(g.key, row);
    }
    return row;
  };
  const byId = new Map(petitions.map((p) => [p.id, p]));
  for (const p of petitions) {
    const inPeriod = p.receivedAt >= from && p.receivedAt <= to;
    const overdue = !p.closedAt && p.dueAt !== null && p.dueAt < now;
    if (!inPeriod && !overdue) continue;
    const row = rowFor(p);
    if (inPeriod) row.received += 1;
    if (overdue) row.overdueNow += 1;
  }
  for (const e of events) {
    const p = byId.get(e.petitionId);
    if (!p) continue;
    const row = rowFor(p);
    if (e.type === 'accept') row.accepted += 1;
    if (e.type === 'forward') row.forwarded += 1;
    if (e.type === 'withdraw') row.withdrawn += 1;
    if (e.type === 'escalated') row.escalatedIds.add(e.petitionId);
    if (e.type === 'resolve') {
      row.resolved += 1;
      const due = (e.data as { dueBefore?: string } | null)?.dueBefore;
      if (due && e.at.getTime() <= Date.parse(due)) row.resolvedOnTime += 1;
    }
  }
  const out: ReportRow[] = [...rows.values()]
    .map(({ escalatedIds, ...r }) => ({
      ...r,
      escalated: escalatedIds.size,
      resolvedOnTimePct: percent(r.resolvedOnTime, r.resolved),
      escalatedPct: percent(escalatedIds.size, r.received),
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
  };
  return { period: { label: period.label, from: from.toISOString(), to: to.toISOString() }, groupBy, rows: out, total };
}
