import type { PrismaClient } from '../../src/platform/db/prisma';
import { formatDay, parseDay } from '../../src/domain/calendar/day';
import { renderReceptionNotice } from '../../src/reception/templates';
import { sessionContext } from './session-context';
import type { PublishReceptionNoticeInput } from './types';

/** The public notice of a session (announced, or postponed), written once under its key. */
export function makePublishReceptionNotice(deps: { prisma: PrismaClient; appUrl: string }) {
  return async function publishReceptionNotice(input: PublishReceptionNoticeInput): Promise<void> {
    if (await deps.prisma.publicNotice.findUnique({ where: { key: input.key } })) return;
    const ctx = await sessionContext(deps.prisma, input.sessionId);
    const cutoff = ctx.cutoffDays ? formatDay(parseDay(ctx.session.day) - ctx.cutoffDays) : undefined;
    const notice = renderReceptionNotice(input.kind, {
      unitName: ctx.unit.name,
      day: ctx.session.day,
      startsAtMs: ctx.session.startsAt.getTime(),
      location: ctx.session.location,
      receivingLeaderName: ctx.leaderName,
      appUrl: deps.appUrl,
      sessionId: input.sessionId,
      data: { ...(cutoff ? { cutoff } : {}), ...input.data },
    });
    await deps.prisma.publicNotice.upsert({
      where: { key: input.key },
      create: { key: input.key, unitId: ctx.session.unitId, sessionId: input.sessionId, ...notice },
      update: {},
    });
  };
}
