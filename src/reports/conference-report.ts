// The conference report in the shape the source reports quote: "211 conferences: 140 regular, 71 ad hoc;
// 18,138 attendees; 1,171 opinions; 98.2% settled at this level; 1.8% sent up" — and the opinions by field
// and outcome, the commitments kept, and the communes still owing their yearly regular conference.
import type { PrismaClient } from '../platform/db/prisma';
import type { Period } from '../domain/report-period';
import { readableUnits, UnitTree, type Principal } from '../org/access';
import type { Column } from './table-export';
import type { ReceptionPolicy } from '../reception/reception-obligations';
import { percent } from '../domain/percent';

export interface FieldRow {
  field: string;
  opinions: number;
  answered: number;
  commitment: number;
  explained: number;
  referred: number;
  settledHere: number;
  settledPct: number | null;
  sentUpPct: number | null;
}

const emptyRow = (field: string): FieldRow => ({
  field,
  opinions: 0,
  answered: 0,
  commitment: 0,
  explained: 0,
  referred: 0,
  settledHere: 0,
  settledPct: null,
  sentUpPct: null,
});

const nf = new Intl.NumberFormat('vi-VN');
const nfEn = new Intl.NumberFormat('en-US');

export async function conferenceReport(
  prisma: PrismaClient,
  principal: Principal,
  policy: ReceptionPolicy,
  period: Period,
  now: Date = new Date(),
) {
  const tree = await UnitTree.load(prisma);
  const units = [...readableUnits(principal, tree)];
  const conferences = await prisma.conference.findMany({
    where: { unitId: { in: units }, startsAt: { gte: new Date(period.fromMs), lte: new Date(period.toMs) } },
    include: { opinions: true, commitments: true },
  });
  const held = conferences.filter((c) => c.status !== 'announced');
  const rows = new Map<string, FieldRow>();
  for (const o of held.flatMap((c) => c.opinions)) {
    const row = rows.get(o.field) ?? emptyRow(o.field);
    row.opinions += 1;
    row[o.outcome as 'answered' | 'commitment' | 'explained' | 'referred'] += 1;
    rows.set(o.field, row);
  }
  const finish = (r: FieldRow): FieldRow => {
    const settledHere = r.answered + r.commitment + r.explained;
    return {
      ...r,
      settledHere,
      settledPct: percent(settledHere, r.opinions),
      sentUpPct: percent(r.referred, r.opinions),
    };
  };
  const byField = [...rows.values()]
    .map(finish)
    .sort((a, b) => b.opinions - a.opinions || a.field.localeCompare(b.field));
  const total = finish(
    byField.reduce<FieldRow>(
      (acc, r) => ({
        ...acc,
        opinions: acc.opinions + r.opinions,
        answered: acc.answered + r.answered,
        commitment: acc.commitment + r.commitment,
        explained: acc.explained + r.explained,
        referred: acc.referred + r.referred,
      }),
      emptyRow('Tổng / Total'),
    ),
  );
  const commitments = held.flatMap((c) => c.commitments);
  const attendees = held.reduce((n, c) => n + (c.attendeeCount ?? 0), 0);
  const regular = held.filter((c) => c.kind === 'regular').length;
  const adhoc = held.length - regular;
  const duty = policy.conferences.regularPerYear;
  const unitRows = await prisma.unit.findMany({
    where: { id: { in: units }, level: duty.level },
    select: { id: true, name: true },
  });
  const owing = unitRows.filter(
    (u) => held.filter((c) => c.unitId === u.id && c.kind === 'regular').length < duty.count,
  );
  return {
    period: {
      label: period.label,
      from: new Date(period.fromMs).toISOString(),
      to: new Date(period.toMs).toISOString(),
    },
    conferences: { held: held.length, regular, adhoc, announced: conferences.length - held.length, attendees },
    opinions: total,
    byField,
    commitments: {
      total: commitments.length,
      fulfilledOnTime: commitments.filter((c) => c.fulfilledAt && c.fulfilledAt <= c.dueAt).length,
      fulfilledLate: commitments.filter((c) => c.fulfilledAt && c.fulfilledAt > c.dueAt).length,
      openOverdue: commitments.filter((c) => !c.fulfilledAt && c.dueAt < now).length,
      escalated: commitments.filter((c) => c.escalated).length,
    },
    resultsPublished: {
      onTime: held.filter((c) => c.publishedAt && c.resultsDueAt && c.publishedAt <= c.resultsDueAt).length,
      late: held.filter((c) => c.publishedAt && c.resultsDueAt && c.publishedAt > c.resultsDueAt).length,
      pending: held.filter((c) => !c.publishedAt).length,
    },
    regularDuty: { level: duty.level, perYear: duty.count, unitsShort: owing.map((u) => ({ id: u.id, name: u.name })) },
    headline: {
      vi: `${nf.format(held.length)} hội nghị (${nf.format(regular)} thường xuyên, ${nf.format(adhoc)} đột xuất); ${nf.format(attendees)} lượt người dự; ${nf.format(total.opinions)} ý kiến; ${total.settledPct === null ? '—' : nf.format(total.settledPct)}% giải quyết tại cấp này; ${total.sentUpPct === null ? '—' : nf.format(total.sentUpPct)}% chuyển cấp trên`,
      en: `${nfEn.format(held.length)} conferences (${nfEn.format(regular)} regular, ${nfEn.format(adhoc)} ad hoc); ${nfEn.format(attendees)} attendees; ${nfEn.format(total.opinions)} opinions; ${total.settledPct ?? '—'}% settled at this level; ${total.sentUpPct ?? '—'}% sent to the level above`,
    },
  };
}

export const CONFERENCE_COLUMNS: Column<FieldRow>[] = [
  { key: 'field', vi: 'Lĩnh vực', en: 'Field' },
  { key: 'opinions', vi: 'Số ý kiến', en: 'Opinions' },
  { key: 'answered', vi: 'Trả lời trực tiếp', en: 'Answered on the spot' },
  { key: 'commitment', vi: 'Giao giải quyết (cam kết)', en: 'Commitments' },
  { key: 'explained', vi: 'Giải thích', en: 'Explained' },
  { key: 'referred', vi: 'Chuyển cấp trên', en: 'Sent to the level above' },
  { key: 'settledPct', vi: 'Giải quyết tại cấp (%)', en: 'Settled at this level (%)' },
  { key: 'sentUpPct', vi: 'Chuyển cấp trên (%)', en: 'Sent up (%)' },
];
