import { formatVnInstant } from '../../src/domain/calendar/day';
import { renderConferenceNotice } from '../../src/conferences/templates';
import type { ActivityContext } from '../shared/deps';
import type { PublishConferenceNoticeInput } from './types';

/** The public notice of a conference, or of its results with the opinions grouped by field, written once. */
export function makePublishConferenceNotice(deps: Pick<ActivityContext, 'prisma' | 'now'>) {
  const { prisma } = deps;
  return async function publishConferenceNotice(input: PublishConferenceNoticeInput): Promise<void> {
    if (await prisma.publicNotice.findUnique({ where: { key: input.key } })) return;
    const conference = await prisma.conference.findUniqueOrThrow({
      where: { id: input.conferenceId },
      include: { opinions: true, commitments: true },
    });
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: conference.unitId } });
    const byField = new Map<string, Record<string, number>>();
    for (const o of conference.opinions) {
      const counts = byField.get(o.field) ?? {};
      counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
      byField.set(o.field, counts);
    }
    const lines = [...byField.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([field, c]) =>
          `- ${field}: ${Object.entries(c)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      );
    const notice = renderConferenceNotice(input.kind, {
      unitName: unit.name,
      title: conference.title,
      startsAtMs: conference.startsAt.getTime(),
      location: conference.location,
      data: {
        byField: lines.join('\n'),
        summary: `${conference.opinions.length} ý kiến / opinions; ${conference.attendeeCount ?? 0} người dự / attendees; ${conference.commitments.length} cam kết / commitments (${formatVnInstant(deps.now().getTime()).slice(0, 10)})${conference.resultsSummary ? `\n${conference.resultsSummary}` : ''}`,
      },
    });
    await prisma.publicNotice.upsert({
      where: { key: input.key },
      create: { key: input.key, unitId: conference.unitId, sessionId: null, ...notice },
      update: {},
    });
  };
}
