import { ApplicationFailure, log } from '@temporalio/activity';
import { sendMailOnce } from '../shared/send-mail-once';
import type { PrismaClient } from '../../src/platform/db/prisma';
import type { SendNotificationInput, SendNotificationResult } from '../../src/domain/petition/notification-types';
import { renderNotification } from '../../src/petitions/templates';
import { findLetterWording } from '../../src/petitions/letters/letter-templates';
import { MASKED_NAME, openIdentity } from '../../src/org/identity-seal';
import { loadLetterhead } from '../../src/org/letterhead';
import { sealMailCopy } from '../../src/org/sealed-copy';
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
    // A forward is written by the unit that forwards (it received the petition; forwarding happens once).
    const senderUnitId =
      input.template === 'forwarded' || input.template === 'forwardedIn' ? petition.receivingUnitId : petition.unitId;
    const [letterhead, custom] = await Promise.all([
      loadLetterhead(deps.prisma, senderUnitId),
      findLetterWording(deps.prisma, senderUnitId, input.template, petition.kind),
    ]);
    const result: SendNotificationResult = { recipientIds: [], sent: 0, skipped: 0 };
    for (const recipient of recipients) {
      const key = `${input.key}:${recipient.keySuffix}`;
      const message = renderNotification(
        input.template,
        {
          trackingCode: petition.trackingCode,
          kind: petition.kind,
          subject: petition.subject,
          unitName: petition.unit.name,
          recipientName: recipient.name,
          data: input.data ?? {},
          appUrl: deps.appUrl,
          petitionId: petition.id,
          petitionerName: namesForLetters(petition.kind, addressed),
        },
        letterhead,
        custom?.wording,
      );
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
        html: message.html,
        sealedCopy: recipient.sealed
          ? sealMailCopy(deps.identityKey, { text: message.text, html: message.html })
          : undefined,
        letterTemplate: custom ? { id: custom.id, version: custom.version } : undefined,
      });
      if (outcome === 'sent') result.sent += 1;
      else result.skipped += 1;
    }
    return result;
  };
}

/**
 * The petitioners as a letter to another body may name them. A denouncer is "công dân" whatever the
 * columns hold (Luật Tố cáo 2018, Đ.47: forwarding letters never reveal who denounced).
 */
function namesForLetters(kind: string, petitioners: { fullName: string; sealedIdentity: string | null }[]): string {
  if (kind === 'denunciation' || petitioners.some((p) => p.sealedIdentity)) return MASKED_NAME;
  const names = petitioners.map((p) => p.fullName);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} (+${names.length - 3})` : names.join(', ');
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
