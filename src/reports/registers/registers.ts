// The registers of one unit over a period (Thông tư 04/2021 and 05/2021/TT-TTCP): Sổ tiếp công dân — the matters raised
// at its reception sessions and the petitions handed in person — and Sổ theo dõi xử lý đơn — every petition
// it received and what became of it. A denouncer is "công dân" (Luật Tố cáo 2018 Đ.47) unless the caller is
// entitled to the identity and gives a reason: each identity then opened is recorded, as any opening is.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import { rolesOver, UnitTree, type Principal } from '../../org/access';
import type { Period } from '../../domain/report-period';
import { formatDay, localDayOf } from '../../domain/calendar/day';
import { MASKED_NAME, openIdentity } from '../../org/identity-seal';
import { entitledToIdentity } from '../../petitions/petition-views';
import { MARK, type PetitionRegisterRow, type ReceptionRegisterRow } from './register-layout';

const STAGE_VI: Record<string, string> = {
  received: 'Mới tiếp nhận',
  accepted: 'Đã thụ lý',
  assigned: 'Đã giao xử lý',
  verifying: 'Đang xác minh',
  resolved: 'Đã giải quyết',
  closed: 'Đã trả lời, kết thúc',
  refused: 'Không thụ lý',
  withdrawn: 'Đã rút đơn',
};
/** Column (6) of Sổ tiếp công dân names the kind of petition before the number of people. */
const KIND_VI: Record<string, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  recommendation: 'Kiến nghị, phản ánh',
  feedback: 'Kiến nghị, phản ánh',
};
const HANDLED = ['accepted', 'assigned', 'verifying', 'resolved', 'closed'];

export interface RegisterRequest {
  unitId: string;
  period: Period;
  /** Why an entitled caller opens denouncers' identities in the register; without it they stay "công dân". */
  revealReason?: string;
}

export interface RegisterDeps {
  prisma: PrismaClient;
  identityKey: Buffer;
}

async function requireReader(prisma: PrismaClient, principal: Principal, unitId: string) {
  const tree = await UnitTree.load(prisma);
  if (!tree.has(unitId)) throw new AppError('NotFound', `no unit ${unitId}`);
  if (rolesOver(principal, unitId, tree).length === 0)
    throw new AppError('Forbidden', `the registers of unit ${unitId} need a role on it or a unit above it`);
  return tree;
}

/** dd/mm/yyyy of the local day, as the forms are filled in. */
function vnDate(at: Date): string {
  const [y, m, d] = formatDay(localDayOf(at.getTime())).split('-');
  return `${d}/${m}/${y}`;
}

const mark = (on: boolean) => (on ? MARK : '');

type PetitionForRegister = Awaited<ReturnType<typeof loadPetitions>>[number];

function loadPetitions(prisma: PrismaClient, where: object) {
  return prisma.petition.findMany({
    where,
    include: {
      petitioners: { orderBy: { position: 'asc' } },
      unit: { select: { id: true, name: true } },
      duplicateOf: { select: { trackingCode: true, unit: { select: { name: true } } } },
    },
    orderBy: [{ receivedAt: 'asc' }, { trackingCode: 'asc' }],
  });
}

/** "Name, address" of the first petitioner (a representative first), and how many more signed. */
async function petitionerCell(
  deps: RegisterDeps,
  tree: UnitTree,
  principal: Principal,
  p: PetitionForRegister,
  revealReason: string | undefined,
): Promise<string> {
  const ordered = [...p.petitioners].sort((a, b) => Number(b.isRepresentative) - Number(a.isRepresentative));
  const first = ordered[0];
  if (!first) return '';
  let identity: { fullName: string; address?: string | null } = first;
  if (first.sealedIdentity) {
    const open = revealReason !== undefined && (await entitledToIdentity(deps.prisma, tree, principal, p));
    if (!open) return MASKED_NAME;
    await deps.prisma.identityAccess.create({
      data: { petitionId: p.id, personId: principal.personId, reason: `register: ${revealReason}` },
    });
    identity = openIdentity(deps.identityKey, first.sealedIdentity);
  }
  const more = p.petitioners.length > 1 ? ` (và ${p.petitioners.length - 1} người khác)` : '';
  return `${[identity.fullName, identity.address].filter(Boolean).join(', ')}${more}`;
}

function followUpOf(p: PetitionForRegister): string {
  if (p.duplicateOf) return `Trùng hồ sơ ${p.duplicateOf.trackingCode} (${p.duplicateOf.unit.name})`;
  return `${p.trackingCode}: ${STAGE_VI[p.stage] ?? p.stage}`;
}

export async function petitionRegister(
  deps: RegisterDeps,
  principal: Principal,
  req: RegisterRequest,
): Promise<{ unitName: string; rows: PetitionRegisterRow[] }> {
  const tree = await requireReader(deps.prisma, principal, req.unitId);
  const petitions = await loadPetitions(deps.prisma, {
    receivingUnitId: req.unitId,
    receivedAt: { gte: new Date(req.period.fromMs), lte: new Date(req.period.toMs) },
  });
  const rows: PetitionRegisterRow[] = [];
  for (const [i, p] of petitions.entries()) {
    rows.push({
      no: i + 1,
      receivedDay: vnDate(p.receivedAt),
      trackingCode: p.trackingCode,
      petitioner: await petitionerCell(deps, tree, principal, p, req.revealReason),
      content: p.subject,
      complaint: mark(p.kind === 'complaint'),
      denunciation: mark(p.kind === 'denunciation'),
      recommendation: mark(p.kind === 'recommendation' || p.kind === 'feedback'),
      mass: mark(p.isMass),
      accepted: mark(!p.duplicateOfId && HANDLED.includes(p.stage)),
      forwarded: mark(p.forwardCount > 0),
      refused: mark(p.stage === 'refused'),
      filed: mark(Boolean(p.duplicateOfId)),
      followUp: followUpOf(p),
      note: p.unitId !== p.receivingUnitId ? `Chuyển: ${p.unit.name}` : '',
    });
  }
  return { unitName: tree.names.get(req.unitId) ?? req.unitId, rows };
}

export async function receptionRegister(
  deps: RegisterDeps,
  principal: Principal,
  req: RegisterRequest,
): Promise<{ unitName: string; rows: ReceptionRegisterRow[] }> {
  const tree = await requireReader(deps.prisma, principal, req.unitId);
  const range = { gte: new Date(req.period.fromMs), lte: new Date(req.period.toMs) };
  const matters = await deps.prisma.receptionMatter.findMany({
    where: { session: { unitId: req.unitId, startsAt: range } },
    include: { session: { select: { startsAt: true } } },
    orderBy: [{ session: { startsAt: 'asc' } }, { createdAt: 'asc' }],
  });
  // Handed in at the reception office on an ordinary day (tiếp thường xuyên), not at a session.
  const inPerson = await loadPetitions(deps.prisma, {
    receivingUnitId: req.unitId,
    channel: 'in_person',
    receptionSessionId: null,
    receivedAt: range,
  });
  const linked = await loadPetitions(deps.prisma, {
    id: { in: matters.map((m) => m.petitionId).filter((x): x is string => Boolean(x)) },
  });
  const byId = new Map(linked.map((p) => [p.id, p]));
  const entries: { at: Date; row: Omit<ReceptionRegisterRow, 'no'> }[] = [];
  const petitionPart = (p: PetitionForRegister | undefined) => ({
    identityPaper: '',
    classification: p ? `${KIND_VI[p.kind] ?? p.kind}/${p.petitioners.length}` : '',
    decidedBy: p?.duplicateOf ? p.duplicateOf.unit.name : '',
    accepted: mark(Boolean(p && !p.duplicateOfId && HANDLED.includes(p.stage))),
    forwarded: mark(Boolean(p && p.forwardCount > 0)),
    followUp: p ? followUpOf(p) : '',
  });
  for (const m of matters) {
    const p = m.petitionId ? byId.get(m.petitionId) : undefined;
    entries.push({
      at: m.session.startsAt,
      row: {
        day: vnDate(m.session.startsAt),
        // The matter keeps "công dân" for a denouncer already (reception-sessions.ts); the petition's kind says so too.
        citizen: p?.kind === 'denunciation' ? MASKED_NAME : (m.citizenName ?? ''),
        content: m.summary,
        ...petitionPart(p),
        // Answered or explained on the spot: the citizen was guided, nothing was taken in (column 9).
        returnedGuided: mark(m.outcome === 'answered' || m.outcome === 'explained' || p?.stage === 'refused'),
        note: m.answer ?? '',
      },
    });
  }
  for (const p of inPerson)
    entries.push({
      at: p.receivedAt,
      row: {
        day: vnDate(p.receivedAt),
        citizen: await petitionerCell(deps, tree, principal, p, req.revealReason),
        content: p.subject,
        ...petitionPart(p),
        returnedGuided: mark(p.stage === 'refused'),
        note: '',
      },
    });
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    unitName: tree.names.get(req.unitId) ?? req.unitId,
    rows: entries.map((e, i) => ({ no: i + 1, ...e.row })),
  };
}
