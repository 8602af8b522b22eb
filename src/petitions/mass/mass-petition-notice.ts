// A mass petition (khiếu kiện đông người) is told at once to the receiving unit's responsible leader: many
// people on one matter is the early sign of a hot spot. Sent from the use case through a keyed row, so a
// repeated registration request never sends a second e-mail. Carries counts and the case, no names.
import type { PrismaClient } from '../../platform/db/prisma';
import type { Mailer } from '../../platform/mail/mailer';
import { composeLetter } from '../../platform/mail/letter';
import { loadLetterhead } from '../../org/letterhead';
import { sendStaffMailOnce, type MailStatus } from '../notes/staff-mail-once';

export interface MassPetitionNoticeDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  appUrl: string;
}

export async function notifyMassPetition(
  deps: MassPetitionNoticeDeps,
  petitionId: string,
): Promise<MailStatus | 'no-leader'> {
  const petition = await deps.prisma.petition.findUniqueOrThrow({
    where: { id: petitionId },
    select: {
      id: true,
      trackingCode: true,
      kind: true,
      field: true,
      isMass: true,
      receivingUnitId: true,
      receivingUnit: { select: { name: true, responsibleLeader: { select: { id: true, email: true, active: true } } } },
      petitioners: { select: { isRepresentative: true } },
    },
  });
  const leader = petition.receivingUnit.responsibleLeader;
  if (!petition.isMass || !leader?.active) return 'no-leader';
  const count = petition.petitioners.length;
  const representatives = petition.petitioners.filter((p) => p.isRepresentative).length;
  const link = `${deps.appUrl}/api/v1/petitions/${petition.id}`;
  const name = petition.receivingUnit.name;
  const vi = [
    `${name} vừa tiếp nhận một đơn của ${count} người cùng một nội dung (${representatives} người đại diện), lĩnh vực ${petition.field}.`,
    `Hồ sơ ${petition.trackingCode}: ${link}`,
  ];
  const en = [
    `${name} has just received one petition from ${count} people on one matter (${representatives} representatives), field ${petition.field}.`,
    `Case ${petition.trackingCode}: ${link}`,
  ];
  const letter = composeLetter(
    await loadLetterhead(deps.prisma, petition.receivingUnitId),
    {
      subject: `Đơn đông người: ${count} người, hồ sơ ${petition.trackingCode} / Mass petition: ${count} petitioners, case ${petition.trackingCode}`,
      vi: { greeting: 'Kính gửi đồng chí,', paragraphs: vi },
      en: { greeting: 'Dear colleague,', paragraphs: en },
    },
    [...vi, '', ...en].join('\n'),
  );
  return sendStaffMailOnce(deps, {
    key: `mass-petition:${petition.id}`,
    template: 'mass_petition',
    petitionId: petition.id,
    recipientId: leader.id,
    to: leader.email,
    subject: letter.subject,
    text: letter.text,
    html: letter.html,
  });
}
