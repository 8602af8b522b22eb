// Activities of the conference, commitment and proposal workflows; every write and e-mail is keyed by
// workflow id + step, so a retry writes no second row and sends no second e-mail.
import type { ActivityContext } from '../shared/deps';
import { makePublishConferenceNotice } from './publish-conference-notice';
import { makeRecordCommitment } from './record-commitment';
import { makeRecordConference } from './record-conference';
import { makeSendConferenceMail } from './send-conference-mail';
import { makeSendProposalMail } from './send-proposal-mail';

export function createConferenceActivities(deps: ActivityContext) {
  return {
    recordConference: makeRecordConference(deps),
    recordCommitment: makeRecordCommitment(deps),
    sendConferenceMail: makeSendConferenceMail(deps),
    publishConferenceNotice: makePublishConferenceNotice(deps),
    sendProposalMail: makeSendProposalMail(deps),
  };
}

export type ConferenceActivities = ReturnType<typeof createConferenceActivities>;
export type * from './types';
