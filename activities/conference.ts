// Activities of the conference and commitment workflows; every write and e-mail is keyed by workflow id
// + step, so a retry writes no second row and sends no second e-mail.
import { sendMailOnce } from './send-mail-once';
import type { PrismaClient } from '../src/platform/db/prisma';
import type { ConferenceRecipient, ConferenceTemplate } from '../src/domain/conference/notification-types';
import { formatVnInstant } from '../src/domain/calendar/day';
import type { Mailer } from '../src/platform/mail/mailer';
import { renderIcs } from '../src/platform/mail/ics';
import { renderConferenceMail, renderConferenceNotice, renderProposalMail } from '../src/conferences/templates';

export interface ConferenceActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  appUrl: string;
}

export interface RecordConferenceInput {
  key: string;
  conferenceId: string;
  version: number;
  fields: { status: string; attendeeCount: number | null; heldAt: string | null; resultsDueAt: string | null; publishedAt: string | null };
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export interface RecordCommitmentInput {
  key: string;
  commitmentId: string;
  version: number;
  fields: { status: string; progress: number; escalated: boolean; fulfilledAt: string | null };
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export interface SendConferenceMailInput {
  key: string;
  conferenceId: string;
  commitmentId?: string;
  /** The opinion the e-mail is about (its field and words, never its author). */
  opinionId?: string;
  template: ConferenceTemplate;
  recipient: ConferenceRecipient;
  data?: Record<string, string>;
  invitation?: boolean;
}

export function createConferenceActivities(deps: ConferenceActivityDeps) {
  const { prisma } = deps;

  async function recordConference(input: RecordConferenceInput): Promise<void> {
    const f = input.fields;
    await prisma.$transaction(async (tx) => {
      await tx.conference.updateMany({
        where: { id: input.conferenceId, stateVersion: { lte: input.version } },
        data: { status: f.status, attendeeCount: f.attendeeCount, heldAt: f.heldAt ? new Date(f.heldAt) : null, resultsDueAt: f.resultsDueAt ? new Date(f.resultsDueAt) : null, publishedAt: f.publishedAt ? new Date(f.publishedAt) : null, stateVersion: input.version },
      });
      if (!(await tx.conferenceEvent.findUnique({ where: { key: input.key } }))) {
        await tx.conferenceEvent.create({ data: { key: input.key, conferenceId: input.conferenceId, type: input.event.type, actorId: input.event.actorId ?? null, note: input.event.note ?? null, data: (input.event.data ?? undefined) as never, at: new Date(input.at) } });
      }
    });
  }

  async function recordCommitment(input: RecordCommitmentInput): Promise<void> {
    const f = input.fields;
    await prisma.$transaction(async (tx) => {
      await tx.commitment.updateMany({
        where: { id: input.commitmentId, stateVersion: { lte: input.version } },
        data: { status: f.status, progress: f.progress, escalated: f.escalated, fulfilledAt: f.fulfilledAt ? new Date(f.fulfilledAt) : null, stateVersion: input.version },
      });
      if (!(await tx.commitmentEvent.findUnique({ where: { key: input.key } }))) {
        await tx.commitmentEvent.create({ data: { key: input.key, commitmentId: input.commitmentId, type: input.event.type, actorId: input.event.actorId ?? null, note: input.event.note ?? null, data: (input.event.data ?? undefined) as never, at: new Date(input.at) } });
      }
    });
  }

  async function recipientsOf(ref: ConferenceRecipient, conferenceId: string) {
    if (ref.type === 'participant' || ref.type === 'participants') {
      const opinions = await prisma.conferenceOpinion.findMany({ where: ref.type === 'participant' ? { id: ref.opinionId } : { conferenceId }, include: { conference: { select: { commitments: true } } } });
      return opinions
        .filter((o) => o.participantEmail)
        .map((o) => {
          const commitment = o.conference.commitments.find((c) => c.opinionId === o.id);
          return { suffix: `o${o.id}`, personId: null, name: o.participantName ?? 'công dân', address: o.participantEmail!, data: { outcome: o.outcome, field: o.field, ...(o.answer ? { answer: o.answer } : {}), ...(commitment ? { promisedBy: commitment.promisedBy } : {}) } as Record<string, string> };
        });
    }
    const personId = ref.type === 'person' ? ref.personId : (await prisma.unit.findUnique({ where: { id: ref.unitId } }))?.responsibleLeaderId;
    const person = personId ? await prisma.person.findUnique({ where: { id: personId } }) : null;
    return person?.active ? [{ suffix: `p${person.id}`, personId: person.id as string | null, name: person.fullName, address: person.email, data: {} as Record<string, string> }] : [];
  }

  async function sendConferenceMail(input: SendConferenceMailInput): Promise<{ recipientIds: string[]; sent: number }> {
    const conference = await prisma.conference.findUniqueOrThrow({ where: { id: input.conferenceId } });
    const commitment = input.commitmentId ? await prisma.commitment.findUnique({ where: { id: input.commitmentId } }) : null;
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: commitment?.unitId ?? conference.unitId } });
    const opinion = input.opinionId ? await prisma.conferenceOpinion.findUnique({ where: { id: input.opinionId }, select: { field: true, content: true } }) : null;
    const out = { recipientIds: [] as string[], sent: 0 };
    for (const r of await recipientsOf(input.recipient, input.conferenceId)) {
      const key = `${input.key}:${r.suffix}`;
      const message = renderConferenceMail(input.template, {
        unitName: unit.name,
        title: conference.title,
        startsAtMs: conference.startsAt.getTime(),
        location: conference.location,
        recipientName: r.name,
        appUrl: deps.appUrl,
        conferenceId: conference.id,
        data: { ...(commitment ? { description: commitment.description, promisedBy: commitment.promisedBy, progress: String(commitment.progress) } : {}), ...(opinion ? { field: opinion.field, content: opinion.content } : {}), ...r.data, ...input.data },
      });
      if (r.personId) out.recipientIds.push(r.personId);
      const attachments = input.invitation
        ? [{ filename: 'hoi-nghi-doi-thoai.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: renderIcs({ uid: conference.id, sequence: 0, startMs: conference.startsAt.getTime(), endMs: conference.startsAt.getTime() + 4 * 3_600_000, stampMs: Date.now(), summary: `Hội nghị đối thoại — ${conference.title}`, location: conference.location, description: unit.name }) }]
        : undefined;
      // Participants' addresses are personal data: the log keeps "công dân" for them.
      const outcome = await sendMailOnce(deps, { key, template: input.template, recipientId: r.personId, loggedAddress: r.personId ? r.address : 'công dân (đối thoại)', to: r.address, subject: message.subject, text: message.text, attachments });
      if (outcome === 'sent') out.sent += 1;
    }
    return out;
  }

  /** The public notice of a conference, or of its results with the opinions grouped by field. */
  async function publishConferenceNotice(input: { key: string; conferenceId: string; kind: 'announced' | 'results' }): Promise<void> {
    if (await prisma.publicNotice.findUnique({ where: { key: input.key } })) return;
    const conference = await prisma.conference.findUniqueOrThrow({ where: { id: input.conferenceId }, include: { opinions: true, commitments: true } });
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: conference.unitId } });
    const byField = new Map<string, Record<string, number>>();
    for (const o of conference.opinions) {
      const counts = byField.get(o.field) ?? {};
      counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
      byField.set(o.field, counts);
    }
    const lines = [...byField.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([field, c]) => `- ${field}: ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const notice = renderConferenceNotice(input.kind, {
      unitName: unit.name,
      title: conference.title,
      startsAtMs: conference.startsAt.getTime(),
      location: conference.location,
      data: { byField: lines.join('\n'), summary: `${conference.opinions.length} ý kiến / opinions; ${conference.attendeeCount ?? 0} người dự / attendees; ${conference.commitments.length} cam kết / commitments (${formatVnInstant(Date.now()).slice(0, 10)})${conference.resultsSummary ? `\n${conference.resultsSummary}` : ''}` },
    });
    await prisma.publicNotice.upsert({ where: { key: input.key }, create: { key: input.key, unitId: conference.unitId, sessionId: null, ...notice }, update: {} });
  }

  async function sendProposalMail(input: { key: string; proposalId: string }): Promise<{ recipientIds: string[] }> {
    const proposal = await prisma.conferenceProposal.findUniqueOrThrow({ where: { id: input.proposalId } });
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: proposal.unitId }, include: { responsibleLeader: true } });
    const leader = unit.responsibleLeader;
    if (!leader?.active) return { recipientIds: [] };
    const message = renderProposalMail({ unitName: unit.name, recipientName: leader.fullName, reason: proposal.reason, count: proposal.petitionIds.length, appUrl: deps.appUrl });
    await sendMailOnce(deps, { key: `${input.key}:p${leader.id}`, template: 'conferenceProposed', recipientId: leader.id, loggedAddress: leader.email, to: leader.email, subject: message.subject, text: message.text });
    return { recipientIds: [leader.id] };
  }

  return { recordConference, recordCommitment, sendConferenceMail, publishConferenceNotice, sendProposalMail };
}

export type ConferenceActivities = ReturnType<typeof createConferenceActivities>;
