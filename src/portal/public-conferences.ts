// What the public may read of dialogue conferences: the announced ones, and for published ones the
// summary, every opinion's outcome grouped by field, and the commitments with their promised dates and
// progress. Participants' names and e-mail addresses are never read here.
import type { PrismaClient } from '../platform/db/prisma';
import { DAY_MS } from '../domain/calendar/day';

export interface PublicOpinion {
  content: string;
  outcome: string;
  answer: string | null;
}

export interface PublicCommitment {
  id: string;
  description: string;
  promisedBy: string;
  progress: number;
  status: string;
  fulfilledAt: Date | null;
}

export interface PublicConference {
  id: string;
  title: string;
  topic: string | null;
  unitName: string;
  unitNameEn: string | null;
  startsAt: Date;
  location: string;
  status: string;
  publishedAt: Date | null;
  summary: string | null;
  attendeeCount: number | null;
  opinionsByField: { field: string; opinions: PublicOpinion[] }[];
  commitments: PublicCommitment[];
}

export async function publicConferences(
  prisma: PrismaClient,
  now: Date,
): Promise<{ announced: PublicConference[]; published: PublicConference[] }> {
  const rows = await prisma.conference.findMany({
    where: {
      OR: [{ status: 'published' }, { status: 'announced', startsAt: { gte: new Date(now.getTime() - DAY_MS) } }],
    },
    orderBy: { startsAt: 'desc' },
    take: 50,
    select: {
      id: true,
      title: true,
      topic: true,
      unitId: true,
      startsAt: true,
      location: true,
      status: true,
      publishedAt: true,
      resultsSummary: true,
      attendeeCount: true,
      opinions: { select: { field: true, content: true, outcome: true, answer: true }, orderBy: { createdAt: 'asc' } },
      commitments: {
        select: { id: true, description: true, promisedBy: true, progress: true, status: true, fulfilledAt: true },
        orderBy: { dueAt: 'asc' },
      },
    },
  });
  const units = new Map(
    (await prisma.unit.findMany({ select: { id: true, name: true, nameEn: true } })).map((u) => [u.id, u]),
  );
  const view = (c: (typeof rows)[number]): PublicConference => {
    const published = c.status === 'published';
    const fields = new Map<string, PublicOpinion[]>();
    if (published)
      for (const o of c.opinions)
        fields.set(o.field, [
          ...(fields.get(o.field) ?? []),
          { content: o.content, outcome: o.outcome, answer: o.answer },
        ]);
    return {
      id: c.id,
      title: c.title,
      topic: c.topic,
      unitName: units.get(c.unitId)?.name ?? c.unitId,
      unitNameEn: units.get(c.unitId)?.nameEn ?? null,
      startsAt: c.startsAt,
      location: c.location,
      status: c.status,
      publishedAt: c.publishedAt,
      summary: published ? c.resultsSummary : null,
      attendeeCount: published ? c.attendeeCount : null,
      opinionsByField: [...fields].map(([field, opinions]) => ({ field, opinions })),
      commitments: published ? c.commitments : [],
    };
  };
  return {
    announced: rows
      .filter((c) => c.status === 'announced')
      .map(view)
      .reverse(),
    published: rows.filter((c) => c.status === 'published').map(view),
  };
}
