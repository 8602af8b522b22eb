import { renderProposalMail } from '../../src/conferences/templates';
import { loadLetterhead } from '../../src/org/letterhead';
import type { ActivityContext } from '../shared/deps';
import { resolveStaffRecipient } from '../shared/recipients';
import { sendMailOnce } from '../shared/send-mail-once';

/** Tells the unit's responsible leader, once, that a hot spot proposes an ad hoc dialogue conference. */
export function makeSendProposalMail(deps: Pick<ActivityContext, 'prisma' | 'mailer' | 'appUrl' | 'now'>) {
  const { prisma } = deps;
  return async function sendProposalMail(input: {
    key: string;
    proposalId: string;
  }): Promise<{ recipientIds: string[] }> {
    const proposal = await prisma.conferenceProposal.findUniqueOrThrow({ where: { id: input.proposalId } });
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: proposal.unitId } });
    const leader = await resolveStaffRecipient(prisma, { type: 'unitLeader', unitId: proposal.unitId });
    if (!leader) return { recipientIds: [] };
    const message = renderProposalMail(
      {
        unitName: unit.name,
        recipientName: leader.name,
        reason: proposal.reason,
        count: proposal.petitionIds.length,
        appUrl: deps.appUrl,
      },
      await loadLetterhead(prisma, unit.id),
    );
    await sendMailOnce(deps, {
      key: `${input.key}:${leader.keySuffix}`,
      template: 'conferenceProposed',
      recipientId: leader.personId,
      loggedAddress: leader.address,
      to: leader.address,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    return { recipientIds: [leader.personId] };
  };
}
