// What a citizen sees with the tracking code and the secret on their receipt: the stage, when to expect
// an answer, and the decisions sent to them. Never internal notes, officers' names or other people's data.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError } from '../../errors';
import { localDayOf, formatDay } from '../../domain/calendar/day';
import { checkSecondTimeComplaint } from '../appeals';
import { isTerminal, type Stage } from '../../domain/petition/petition-stages';
import type { PolicyResolver } from '../policy/policy-versions';
import { isTrackingSecretValid } from './tracking-secret';
import { nowFrom } from '../../platform/runtime/clock';

export const STAGE_LABEL: Record<Stage, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận, đang phân loại', en: 'Received, being classified' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted for handling' },
  assigned: { vi: 'Đang giải quyết', en: 'Being handled' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  resolved: { vi: 'Đã có kết quả, chờ thông báo', en: 'Decided, answer being sent' },
  closed: { vi: 'Đã trả lời công dân', en: 'Answered' },
  refused: { vi: 'Không thụ lý', en: 'Not accepted' },
  withdrawn: { vi: 'Đã rút đơn', en: 'Withdrawn' },
};

// Only these events reach the citizen, with only the text written for them.
const PUBLIC_EVENTS: Record<string, { vi: string; en: string; showNote: boolean }> = {
  received: { vi: 'Tiếp nhận đơn', en: 'Received', showNote: false },
  accept: { vi: 'Thụ lý', en: 'Accepted', showNote: false },
  refuse: { vi: 'Không thụ lý', en: 'Not accepted', showNote: true },
  forward: { vi: 'Chuyển đơn đến cơ quan có thẩm quyền', en: 'Forwarded to the competent body', showNote: true },
  reportBack: { vi: 'Trả lời kết quả', en: 'Answer sent', showNote: true },
  withdraw: { vi: 'Rút đơn', en: 'Withdrawn', showNote: false },
  decideExtension: { vi: 'Gia hạn thời hạn giải quyết', en: 'Period extended', showNote: false },
};

export interface TrackingDeps {
  prisma: PrismaClient;
  trackingKey: Buffer;
  policies: PolicyResolver;
  now?: () => Date;
}

async function findWithSecret(deps: TrackingDeps, trackingCode: string, secret: string | undefined) {
  const petition = await deps.prisma.petition.findUnique({
    where: { trackingCode: trackingCode.trim().toUpperCase() },
    include: { unit: { select: { name: true } } },
  });
  // One answer for an unknown code and a wrong secret: the API is no oracle for valid codes.
  if (!petition || !secret || !isTrackingSecretValid(deps.trackingKey, petition.id, secret)) {
    throw new AppError(
      'NotFound',
      'no petition with this tracking code and secret / không tìm thấy đơn với mã và mật mã này',
    );
  }
  return petition;
}

export async function trackPetition(deps: TrackingDeps, trackingCode: string, secret: string | undefined) {
  const petition = await findWithSecret(deps, trackingCode, secret);
  const events = await deps.prisma.petitionEvent.findMany({
    where: { petitionId: petition.id, type: { in: Object.keys(PUBLIC_EVENTS) } },
    orderBy: { at: 'asc' },
  });
  const rating = await deps.prisma.petitionRating.findUnique({ where: { petitionId: petition.id } });
  return {
    trackingCode: petition.trackingCode,
    kind: petition.kind,
    subject: petition.subject,
    unit: petition.unit.name,
    receivedAt: petition.receivedAt.toISOString(),
    stage: petition.stage,
    stageLabel: STAGE_LABEL[petition.stage],
    expectedAnswerBy:
      !isTerminal(petition.stage) && petition.dueAt ? formatDay(localDayOf(petition.dueAt.getTime())) : null,
    decisions: events
      .filter((e) => !(e.type === 'decideExtension' && !(e.data as { approve?: boolean } | null)?.approve))
      .map((e) => ({
        at: e.at.toISOString(),
        what: { vi: PUBLIC_EVENTS[e.type]!.vi, en: PUBLIC_EVENTS[e.type]!.en },
        ...(PUBLIC_EVENTS[e.type]!.showNote && e.note ? { text: e.note } : {}),
      })),
    canRate: petition.stage === 'closed' && !rating,
    rating: rating ? { satisfied: rating.satisfied, at: rating.createdAt.toISOString() } : null,
  };
}

export async function rateAnswer(
  deps: TrackingDeps,
  trackingCode: string,
  input: { secret: string; satisfied: boolean; comment?: string },
) {
  const petition = await findWithSecret(deps, trackingCode, input.secret);
  if (petition.stage !== 'closed')
    throw new AppError(
      'IllegalTransition',
      'the answer can be rated once it has been sent / chỉ đánh giá sau khi đã nhận kết quả',
    );
  const existing = await deps.prisma.petitionRating.findUnique({ where: { petitionId: petition.id } });
  if (existing) throw new AppError('Conflict', 'this answer has already been rated / đã đánh giá');
  const now = nowFrom(deps);
  await deps.prisma.$transaction([
    deps.prisma.petitionRating.create({
      data: { petitionId: petition.id, satisfied: input.satisfied, comment: input.comment ?? null },
    }),
    deps.prisma.petitionEvent.create({
      data: {
        key: `rating:${petition.id}`,
        petitionId: petition.id,
        type: 'citizenRating',
        note: input.comment ?? null,
        data: { satisfied: input.satisfied },
        at: now,
      },
    }),
  ]);
  // A complainant who is not satisfied is shown the second-time path while its window is open.
  let secondTimeComplaint:
    { possible: boolean; filingWindowEndsAt?: string; reason?: string; howTo?: { vi: string; en: string } } | undefined;
  if (!input.satisfied && petition.kind === 'complaint' && petition.round === 1) {
    const check = await checkSecondTimeComplaint(deps, petition, {
      nowMs: now.getTime(),
      rulesUnitId: petition.unitId,
    });
    if (check?.decided) {
      const e = check.eligibility;
      const basis = check.window.basis;
      secondTimeComplaint = e.eligible
        ? {
            possible: true,
            filingWindowEndsAt: new Date(e.windowEndsAtMs).toISOString(),
            howTo: {
              vi: `Ông/bà có thể khiếu nại lần hai lên cơ quan cấp trên trước ${formatDay(localDayOf(e.windowEndsAtMs))} (${basis}).`,
              en: `You may file a second-time complaint with the level above until ${formatDay(localDayOf(e.windowEndsAtMs))} (${basis}).`,
            },
          }
        : { possible: false, reason: e.reason };
    }
  }
  return { recorded: true, ...(secondTimeComplaint ? { secondTimeComplaint } : {}) };
}
