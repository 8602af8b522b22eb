// The petition's activities, bound to one case: every event and e-mail keyed by workflow id + step.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Stage } from '../../src/domain/petition/petition-stages';
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';
import type { NotificationTemplate, RecipientRef } from '../../src/domain/petition/notification-types';
import { KEYED_WRITE, KEYED_WRITE_LOCAL, LOOKUP, LOOKUP_LOCAL, MAIL_SEND } from '../activity-options';
import { stepKey } from '../shared';
import type { PetitionCase } from './case-state';

const { recordPetitionEvent } = proxyActivities<Activities>(KEYED_WRITE);
const { recordPetitionEvent: recordPetitionEventLocally } = proxyLocalActivities<Activities>(KEYED_WRITE_LOCAL);
const { resolveDeadlinePolicy: resolveDeadlinePolicyLocally } = proxyLocalActivities<Activities>(LOOKUP_LOCAL);
export const { findEscalationTarget } = proxyActivities<Activities>(LOOKUP);
const { resolveDeadlinePolicy: resolveDeadlinePolicyRemote } = proxyActivities<Activities>(LOOKUP);
const { sendNotification } = proxyActivities<Activities>(MAIL_SEND);

/**
 * Histories from before this patch ran the case's writes and lookups as activities, each a task queue round
 * trip and a workflow task; since, they run locally (activity-options.ts: KEYED_WRITE_LOCAL) and an officer's
 * action is answered once its event is written, its e-mails going on their own retry path. Asked at each
 * call site: a run that was already going when the patch shipped switches at its next write.
 */
export const recordsLocally = (): boolean => patched('case-writes-local');

/** The deadline policy in force when a clock starts, for the unit that runs it. */
export const resolveDeadlinePolicy: Activities['resolveDeadlinePolicy'] = (input) =>
  recordsLocally() ? resolveDeadlinePolicyLocally(input) : resolveDeadlinePolicyRemote(input);

export interface PetitionEventInput {
  type: string;
  actorId?: string;
  actorRole?: string;
  stageFrom?: Stage;
  note?: string;
  data?: Record<string, unknown>;
  /** resolve: the written record, kept with the event in the same write. */
  resolution?: ResolutionDecision;
}

/** Appends an event to the case's audit trail and brings the read model up to the current snapshot. */
export function recorderFor(c: PetitionCase) {
  return async (event: PetitionEventInput) => {
    c.state.eventSeq += 1;
    const write = recordsLocally() ? recordPetitionEventLocally : recordPetitionEvent;
    await write({
      key: stepKey(`e${c.state.eventSeq}`),
      petitionId: c.input.petitionId,
      type: event.type,
      actorId: event.actorId,
      actorRole: event.actorRole,
      stageFrom: event.stageFrom,
      stageTo: c.state.stage,
      note: event.note,
      data: event.data,
      ...(event.resolution ? { resolution: event.resolution } : {}),
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
