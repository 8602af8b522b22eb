import type { PrismaClient } from '../../src/platform/db/prisma';
import type { ConferenceRecipient } from '../../src/domain/conference/notification-types';
import { icsAttachment } from '../../src/platform/mail/ics';
import { renderConferenceMail } from '../../src/conferences/templates';
import { loadLetterhead } from '../../src/org/letterhead';
import type { ActivityContext } from '../shared/deps';
import { resolveStaffRecipient } from '../shared/recipients';
import { sendMailOnce } from '../shared/send-mail-once';
import type { SendConferenceMailInput } from './types';

/** How long an invitation's calendar entry lasts: a dialogue conference takes half a day. */
const CONFERENCE_LENGTH_MS = 4 * 3_600_000;

interface Recipient {
  keySuffix: string;
  personId: string | null;
  name: string;
  address: string;
  data: Record<string, string>;
}

async function recipientsOf(
  prisma: PrismaClient,
  ref: ConferenceRecipient,
  conferenceId: string,
): Promise<Recipient[]> {
  if (ref.type === 'participant' || ref.type === 'participants') {
    const opinions = await prisma.conferenceOpinion.findMany({
      where: ref.type === 'participant' ? { id: ref.opinionId } : { conferenceId },
      include: { conference: { select: { commitments: true } } },
    });
    return opinions
      .filter((o) => o.participantEmail)
      .map((o) => {
        const commitment = o.conference.commitments.find((c) => c.opinionId === o.id);
        return {
          keySuffix: `o${o.id}`,
          personId: null,
          name: o.participantName ?? 'công dân',
          address: o.participantEmail!,
          data: {
            outcome: o.outcome,
            field: o.field,
            ...(o.answer ? { answer: o.answer } : {}),
            ...(commitment ? { promisedBy: commitment.promisedBy } : {}),
          } as Record<string, string>,
        };
      });
  }
  const staff = await resolveStaffRecipient(prisma, ref);
  return staff ? [{ ...staff, data: {} }] : [];
}

/** A conference's or commitment's e-mail to each recipient once, with the conference as an invitation when asked. */
export function makeSendConferenceMail(deps: Pick<ActivityContext, 'prisma' | 'mailer' | 'appUrl' | 'now'>) {
  const { prisma } = deps;
  return async function sendConferenceMail(
    input: SendConferenceMailInput,
  ): Promise<{ recipientIds: string[]; sent: number }> {
    const conference = await prisma.conference.findUniqueOrThrow({ where: { id: input.conferenceId } });
    const commitment = input.commitmentId
      ? await prisma.commitment.findUnique({ where: { id: input.commitmentId } })
      : null;
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: commitment?.unitId ?? conference.unitId } });
    const opinion = input.opinionId
      ? await prisma.conferenceOpinion.findUnique({
          where: { id: input.opinionId },
          select: { field: true, content: true },
        })
      : null;
    const letterhead = await loadLetterhead(prisma, unit.id);
    const out = { recipientIds: [] as string[], sent: 0 };
    for (const r of await recipientsOf(prisma, input.recipient, input.conferenceId)) {
      const message = renderConferenceMail(
        input.template,
        {
        unitName: unit.name,
        title: conference.title,
        startsAtMs: conference.startsAt.getTime(),
        location: conference.location,
        recipientName: r.name,
        appUrl: deps.appUrl,
        conferenceId: conference.id,
        data: {
          ...(commitment
            ? {
                description: commitment.description,
                promisedBy: commitment.promisedBy,
                progress: String(commitment.progress),
              }
            : {}),
          ...(opinion ? { field: opinion.field, content: opinion.content } : {}),
          ...r.data,
          ...input.data,
        },
        },
        letterhead,
      );
      if (r.personId) out.recipientIds.push(r.personId);
      const attachments = input.invitation
        ? [
            icsAttachment('hoi-nghi-doi-thoai.ics', {
              uid: conference.id,
              sequence: 0,
              startMs: conference.startsAt.getTime(),
              endMs: conference.startsAt.getTime() + CONFERENCE_LENGTH_MS,
              stampMs: deps.now().getTime(),
              summary: `Hội nghị đối thoại — ${conference.title}`,
              location: conference.location,
              description: unit.name,
            }),
          ]
        : undefined;
      // Participants' addresses are personal data: the log keeps "công dân" for them.
      const outcome = await sendMailOnce(deps, {
        key: `${input.key}:${r.keySuffix}`,
        template: input.template,
        recipientId: r.personId,
        loggedAddress: r.personId ? r.address : 'công dân (đối thoại)',
        to: r.address,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments,
      });
      if (outcome === 'sent') out.sent += 1;
    }
    return out;
  };
}
