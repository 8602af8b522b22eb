// The petition's activities, bound to one case: every event and e-mail keyed by workflow id + step.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Stage } from '../../src/domain/petition/petition-stages';
import type { NotificationTemplate, RecipientRef } from '../../src/domain/petition/notification-types';
import { KEYED_WRITE, LOOKUP, MAIL_SEND } from '../activity-options';
import { stepKey } from '../shared';
import type { PetitionCase } from './case-state';

const { recordPetitionEvent } = proxyActivities<Activities>(KEYED_WRITE);
export const { findEscalationTarget, resolveDeadlinePolicy } = proxyActivities<Activities>(LOOKUP);
const { sendNotification } = proxyActivities<Activities>(MAIL_SEND);

export interface PetitionEventInput {
  type: string;
  actorId?: string;
  actorRole?: string;
  stageFrom?: Stage;
  note?: string;
  data?: Record<string, unknown>;
}

/** Appends an event to the case's audit trail and brings the read model up to the current snapshot. */
export function recorderFor(c: PetitionCase) {
  return async (event: PetitionEventInput) => {
    c.state.eventSeq += 1;
    await recordPetitionEvent({
      key: stepKey(`e${c.state.eventSeq}`),
      petitionId: c.input.petitionId,
      type: event.type,
      actorId: event.actorId,
      actorRole: event.actorRole,
      stageFrom: event.stageFrom,
      stageTo: c.state.stage,
      note: event.note,
      data: event.data,
      at: new Date(Date.now()).toISOString(),
      snapshot: c.snapshot(),
    });
  };
}

export type RecordEvent = ReturnType<typeof recorderFor>;

export function notifierFor(c: PetitionCase) {
  return (step: string, template: NotificationTemplate, recipient: RecipientRef, data?: Record<string, string>) =>
    sendNotification({ key: stepKey(step), petitionId: c.input.petitionId, template, recipient, data });
}

export type Notify = ReturnType<typeof notifierFor>;
