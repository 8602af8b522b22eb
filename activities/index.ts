// The worker's activities, built from narrow dependencies by the composition root (or by a test).
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../src/platform/db/prisma';
import type { Mailer } from '../src/platform/mail/mailer';
import { makeFindEscalationTarget } from './find-escalation-target';
import { makeRecordPetitionEvent } from './record-petition-event';
import { makeSendNotification } from './send-notification';
import { makeResolveDeadlinePolicy } from './resolve-deadline-policy';
import { createReceptionActivities } from './reception';
import { createConferenceActivities } from './conference';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  /** Base URL put in e-mails so recipients can open the case. */
  appUrl: string;
  /** Opens a denouncer's sealed identity to write to them (and to no one else). */
  identityKey: Buffer;
  /** Lets the reception cycle start session workflows; workers without it run petitions only. */
  temporal?: Client;
  /** Results deadline and reminders of conferences created from a schedule (config/reception-policy.json). */
  conferencePolicy?: { resultsWithinDays: number; remindResultsBeforeDays: number };
}

export function createActivities(deps: ActivityDeps) {
  return {
    recordPetitionEvent: makeRecordPetitionEvent(deps),
    sendNotification: makeSendNotification(deps),
    findEscalationTarget: makeFindEscalationTarget(deps),
    resolveDeadlinePolicy: makeResolveDeadlinePolicy(deps),
    ...createReceptionActivities(deps),
    ...createConferenceActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { RecordPetitionEventInput } from './record-petition-event';
export type { EscalationTarget } from './find-escalation-target';
export type { ReceptionActivities, SessionRowSnapshot } from './reception';
export type { ConferenceActivities } from './conference';
