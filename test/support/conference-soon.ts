// A conference starting within the hour, so it may be held now: its row and workflow as POST /conferences
// writes them, without the week's notice the API asks for.
import { randomUUID } from 'node:crypto';
import { startConferenceWorkflow } from '../../src/conferences/client';
import type { ApiHarness } from './api-harness';

export async function conferenceStartingSoon(h: ApiHarness, title: string): Promise<string> {
  const conferenceId = `conf-${randomUUID().slice(0, 8)}`;
  const startsAt = new Date(Date.now() + 30 * 60_000);
  await h.db.prisma.conference.create({
    data: {
      id: conferenceId,
      unitId: h.org.communeId,
      kind: 'adhoc',
      title,
      startsAt,
      location: 'Hội trường xã',
      chairId: h.org.communeLeader.id,
      status: 'announced',
      createdById: h.org.communeLeader.id,
    },
  });
  await startConferenceWorkflow(h.deps, {
    conferenceId,
    unitId: h.org.communeId,
    chairId: h.org.communeLeader.id,
    startsAt: startsAt.toISOString(),
    resultsWithinDays: 10,
    remindResultsBeforeDays: 3,
  });
  return conferenceId;
}
