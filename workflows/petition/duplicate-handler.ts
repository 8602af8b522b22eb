// Đơn trùng: an officer links the petition to the case that handles the same matter, or to the one that
// already decided it. The petition closes at once with no clock of its own (nothing to remind of, nothing to
// escalate), the citizen is told where the matter is handled or given the legal answer, and the read model
// records the link so reports count the matter once. A new Update type: histories recorded before it never
// carry it, so replaying them is unchanged.
import { setHandler } from '@temporalio/workflow';
import { refuse } from '../shared';
import { linkDuplicateUpdate, type LinkDuplicateInput, type PetitionSnapshot } from './messages';
import type { PetitionCase } from './case-state';
import type { Notify, RecordEvent } from './case-activities';

export function setDuplicateHandler(c: PetitionCase, record: RecordEvent, notify: Notify): void {
  const { input, state } = c;
  setHandler(
    linkDuplicateUpdate,
    async (link: LinkDuplicateInput): Promise<PetitionSnapshot> => {
      const from = state.stage;
      // Before the first await, so a concurrent Update's validator already sees a closed case.
      state.stage = 'closed';
      state.version += 1;
      state.duplicateOfId = link.duplicateOfId;
      state.clock = null;
      // Being told where the matter is handled, or why it is not handled again, is the citizen's answer.
      if (state.notice) state.notice.given = true;
      const step = `a${state.version}`;
      c.publishSearchAttributes();
      await record({
        type: link.decided ? 'alreadyDecided' : 'linkedDuplicate',
        actorId: link.actor.personId,
        actorRole: link.actor.roles.join(','),
        stageFrom: from,
        note: link.note,
        data: {
          duplicateOfId: link.duplicateOfId,
          duplicateOfTrackingCode: link.duplicateOfTrackingCode,
          handledByUnitId: link.handledByUnitId,
          ...(link.answer ? { basis: link.answer.basis } : {}),
        },
      });
      if (input.hasCitizenEmail)
        await notify(
          `${step}:citizen`,
          link.decided ? 'alreadyDecided' : 'duplicate',
          { type: 'citizen' },
          {
            ofTrackingCode: link.duplicateOfTrackingCode,
            handledBy: link.handledByUnitName,
            ...(link.answer ? { answerVi: link.answer.vi, answerEn: link.answer.en } : {}),
          },
        );
      return c.snapshot();
    },
    {
      validator: (link: LinkDuplicateInput): void => {
        if (state.stage !== 'received')
          refuse(
            `a petition is linked as a duplicate at triage, in stage "received"; it is in "${state.stage}"`,
            'IllegalTransition',
          );
        if (!link.actor.roles.includes('officer') && !link.actor.roles.includes('leader'))
          refuse("linking a duplicate needs role officer or leader on the petition's unit", 'Forbidden');
        if (link.duplicateOfId === input.petitionId)
          refuse('a petition cannot be a duplicate of itself', 'InvalidAction');
      },
    },
  );
}
