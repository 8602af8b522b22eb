// The written decisions of a case that extend its time limit (quyết định gia hạn thời hạn giải quyết), as
// the workflow recorded them: number, date and signer given by the leader, the days granted and the new due
// date. Read with the petition's access; nothing here names a petitioner, so a denunciation's print is safe
// for anyone who may read the case.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import type { Principal } from '../../org/access';
import { loadReadableCase } from '../documents/case-access';

export interface ExtensionDecisionFacts {
  eventId: string;
  petitionId: string;
  trackingCode: string;
  kind: string;
  subject: string;
  receivedAt: Date;
  unitName: string;
  /** The body above the issuing unit, printed over it in the header (cơ quan chủ quản). */
  parentUnitName: string | null;
  number: string;
  /** The decision's date as the leader gave it (YYYY-MM-DD). */
  date: string;
  signer: string;
  days: number | null;
  /** Why the extension was asked for (the officer's request), the "xét đề nghị" of the decision. */
  requestReason: string;
  /** The leader's words when deciding. */
  reason: string;
  dueFrom: string | null;
  dueTo: string | null;
  decidedAt: Date;
}

interface DecisionData {
  approve?: boolean;
  days?: number;
  decision?: { number: string; date: string; signer: string };
  dueFrom?: string;
  dueTo?: string;
}

export async function listExtensionDecisions(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
): Promise<ExtensionDecisionFacts[]> {
  const { petition } = await loadReadableCase(prisma, principal, petitionId);
  const [events, unit] = await Promise.all([
    prisma.petitionEvent.findMany({
      where: { petitionId, type: { in: ['requestExtension', 'decideExtension'] } },
      orderBy: { at: 'asc' },
    }),
    prisma.unit.findUniqueOrThrow({ where: { id: petition.unitId }, include: { parent: true } }),
  ]);
  // A decision answers the request before it: the days and the grounds are the request's.
  let request: { days: number | null; reason: string } = { days: null, reason: '' };
  return events.flatMap((e) => {
    const data = (e.data ?? {}) as DecisionData;
    if (e.type === 'requestExtension') {
      request = { days: data.days ?? null, reason: e.note ?? '' };
      return [];
    }
    if (!data.approve || !data.decision) return [];
    return [
      {
        eventId: e.id,
        petitionId,
        trackingCode: petition.trackingCode,
        kind: petition.kind,
        subject: petition.subject,
        receivedAt: petition.receivedAt,
        unitName: unit.name,
        parentUnitName: unit.parent?.name ?? null,
        number: data.decision.number,
        date: data.decision.date,
        signer: data.decision.signer,
        days: request.days,
        requestReason: request.reason,
        reason: e.note ?? '',
        dueFrom: data.dueFrom ?? null,
        dueTo: data.dueTo ?? null,
        decidedAt: e.at,
      },
    ];
  });
}

export async function loadExtensionDecision(
  prisma: PrismaClient,
  principal: Principal,
  petitionId: string,
  eventId: string,
): Promise<ExtensionDecisionFacts> {
  const found = (await listExtensionDecisions(prisma, principal, petitionId)).find((d) => d.eventId === eventId);
  if (!found) throw new AppError('NotFound', `no extension decision ${eventId} on petition ${petitionId}`);
  return found;
}
