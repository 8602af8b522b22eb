import { ApplicationFailure, log } from '@temporalio/activity';
import { sendMailOnce } from '../shared/send-mail-once';
import type { PrismaClient } from '../../src/platform/db/prisma';
import type { SendNotificationInput, SendNotificationResult } from '../../src/domain/petition/notification-types';
import { renderNotification } from '../../src/petitions/templates';
import { MASKED_NAME, openIdentity } from '../../src/org/identity-seal';
import type { ActivityContext } from '../shared/deps';
import { resolveStaffRecipient } from '../shared/recipients';

export type SendNotificationDeps = Pick<ActivityContext, 'prisma' | 'mailer' | 'appUrl' | 'identityKey' | 'now'>;

interface Recipient {
  keySuffix: string;
  personId: string | null;
  name: string;
  address: string;
  /** A denouncer: the address is used to send and never stored. */
  sealed?: boolean;
}

/** Sends one notification to each resolved recipient at most once (see send-mail-once.ts). */
export function makeSendNotification(deps: SendNotificationDeps) {
  return async function sendNotification(input: SendNotificationInput): Promise<SendNotificationResult> {
    const petition = await deps.prisma.petition.findUnique({
      where: { id: input.petitionId },
      include: { unit: true, petitioners: { orderBy: { position: 'asc' } } },
    });
    if (!petition) {
      throw ApplicationFailure.create({
        type: 'PetitionNotFound',
        message: `petition ${input.petitionId} not found`,
        nonRetryable: true,
      });
    }
    // A mass petition speaks through its representatives (Luật Tiếp công dân 2013 Đ.30, NĐ 124/2020 Đ.7):
    // the notices go to them, not to every one of the forty who signed.
    const addressed = petition.isMass ? petition.petitioners.filter((p) => p.isRepresentative) : petition.petitioners;
    const recipients = await resolveRecipients(deps.prisma, input, addressed, deps.identityKey);
    const result: SendNotificationResult = { recipientIds: [], sent: 0, skipped: 0 };
    for (const recipient of recipients) {
      const key = `${input.key}:${recipient.keySuffix}`;
      const message = renderNotification(input.template, {
        trackingCode: petition.trackingCode,
        kind: petition.kind,
        subject: petition.subject,
        unitName: petition.unit.name,
        recipientName: recipient.name,
        data: input.data ?? {},
        appUrl: deps.appUrl,
        petitionId: petition.id,
      });
      if (recipient.personId) result.recipientIds.push(recipient.personId);
      const outcome = await sendMailOnce(deps, {
        key,
        template: input.template,
        petitionId: petition.id,
        recipientId: recipient.personId,
        loggedAddress: recipient.sealed ? `${MASKED_NAME} (sealed)` : recipient.address,
        to: recipient.address,
        subject: message.subject,
        text: message.text,
      });
      if (outcome === 'sent') result.sent += 1;
      else result.skipped += 1;
    }
    return result;
  };
}

async function resolveRecipients(
  prisma: PrismaClient,
  input: SendNotificationInput,
  petitioners: { position: number; fullName: string; email: string | null; sealedIdentity: string | null }[],
  identityKey: Buffer,
): Promise<Recipient[]> {
  const ref = input.recipient;
  if (ref.type === 'citizen') {
    // A sealed identity is opened here only to write to the denouncer themself.
    return petitioners
      .map((p) =>
        p.sealedIdentity
          ? { position: p.position, sealed: true, ...openIdentity(identityKey, p.sealedIdentity) }
          : { position: p.position, sealed: false, fullName: p.fullName, email: p.email },
      )
      .filter((p) => p.email)
      .map((p) => ({
        keySuffix: `c${p.position}`,
        personId: null,
        name: p.fullName,
        address: p.email!,
        sealed: p.sealed,
      }));
  }
  const staff = await resolveStaffRecipient(prisma, ref);
  if (!staff) log.warn('no recipient for notification', { template: input.template, recipient: ref.type });
  return staff ? [staff] : [];
}
