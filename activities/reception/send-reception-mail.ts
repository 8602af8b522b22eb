import type { PrismaClient } from '../../src/platform/db/prisma';
import { icsAttachment } from '../../src/platform/mail/ics';
import { renderReceptionMail } from '../../src/reception/templates';
import { loadLetterhead } from '../../src/org/letterhead';
import type { ActivityContext } from '../shared/deps';
import { resolveStaffRecipient } from '../shared/recipients';
import { sendMailOnce } from '../shared/send-mail-once';
import { sessionContext } from './session-context';
import type { ReceptionRecipient, SendReceptionMailInput } from './types';

interface Recipient {
  keySuffix: string;
  personId: string | null;
  name: string;
  address: string;
}

async function recipientsOf(prisma: PrismaClient, ref: ReceptionRecipient, sessionId: string): Promise<Recipient[]> {
  if (ref.type === 'registrants' || ref.type === 'registration') {
    const rows = await prisma.receptionRegistration.findMany({
      where: ref.type === 'registration' ? { id: ref.registrationId } : { sessionId },
    });
    return rows
      .filter((r) => r.email)
      .map((r) => ({ keySuffix: `g${r.id}`, personId: null, name: r.fullName, address: r.email! }));
  }
  const staff = await resolveStaffRecipient(prisma, ref);
  return staff ? [staff] : [];
}

/** A session's e-mail to each recipient once, with the session as an invitation when asked. */
export function makeSendReceptionMail(deps: Pick<ActivityContext, 'prisma' | 'mailer' | 'appUrl' | 'now'>) {
  return async function sendReceptionMail(
    input: SendReceptionMailInput,
  ): Promise<{ recipientIds: string[]; sent: number }> {
    const ctx = await sessionContext(deps.prisma, input.sessionId);
    const recipients = await recipientsOf(deps.prisma, input.recipient, input.sessionId);
    const letterhead = await loadLetterhead(deps.prisma, ctx.unit.id);
    const out = { recipientIds: [] as string[], sent: 0 };
    for (const r of recipients) {
      const message = renderReceptionMail(
        input.template,
        {
        unitName: ctx.unit.name,
        day: ctx.session.day,
        startsAtMs: ctx.session.startsAt.getTime(),
        location: ctx.session.location,
        recipientName: r.name,
        receivingLeaderName: ctx.leaderName,
        appUrl: deps.appUrl,
        sessionId: input.sessionId,
        data: { registrations: String(ctx.registrations), ...input.data },
        },
        letterhead,
      );
      if (r.personId) out.recipientIds.push(r.personId);
      const attachments = input.invitation
        ? [
            icsAttachment('tiep-cong-dan.ics', {
              uid: input.sessionId,
              sequence: Number(input.data?.sequence ?? 0),
              startMs: ctx.session.startsAt.getTime(),
              endMs: ctx.session.startsAt.getTime() + ctx.durationMs,
              stampMs: deps.now().getTime(),
              summary: `Tiếp công dân định kỳ — ${ctx.unit.name}`,
              location: ctx.session.location,
              description: `Lãnh đạo tiếp / Receiving leader: ${ctx.leaderName}`,
            }),
          ]
        : undefined;
      // Registered citizens' addresses are personal data: the log keeps "công dân" for them.
      const outcome = await sendMailOnce(deps, {
        key: `${input.key}:${r.keySuffix}`,
        template: input.template,
        recipientId: r.personId,
        loggedAddress: r.personId ? r.address : 'công dân (đăng ký tiếp)',
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
