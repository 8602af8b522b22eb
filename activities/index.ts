// The worker's activities, built from narrow dependencies by the composition root (or by a test). The
// names are activity types recorded in workflow histories: never rename one.
import { withDefaults, type ActivityDeps } from './shared/deps';
import { warnWhenRetryingLong } from './shared/retry-warning';
import { makeFindEscalationTarget } from './petition/find-escalation-target';
import { makeRecordPetitionEvent } from './petition/record-petition-event';
import { makeSendNotification } from './petition/send-notification';
import { makeResolveDeadlinePolicy } from './petition/resolve-deadline-policy';
import { createReceptionActivities } from './reception';
import { createConferenceActivities } from './conference';
import { createNationalSyncActivities } from './national';

export function createActivities(options: ActivityDeps) {
  const deps = withDefaults(options);
  return warnWhenRetryingLong({
    recordPetitionEvent: makeRecordPetitionEvent(deps),
    sendNotification: makeSendNotification(deps),
    findEscalationTarget: makeFindEscalationTarget(deps),
    resolveDeadlinePolicy: makeResolveDeadlinePolicy(deps),
    ...createReceptionActivities(deps),
    ...createConferenceActivities(deps),
    ...createNationalSyncActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './shared/deps';
export type { RecordPetitionEventInput } from './petition/record-petition-event';
export type { EscalationTarget } from './petition/find-escalation-target';
export type { ReceptionActivities, SessionRowSnapshot } from './reception';
export type { ConferenceActivities } from './conference';
export type { NationalSyncActivities } from './national';
