// Activities of the reception workflows. Each write is keyed by workflow id + step, so a retried
// activity writes no second row and sends no second e-mail.
import type { ActivityContext } from '../shared/deps';
import { makeLoadCalendarYears } from './load-calendar-years';
import { makePublishReceptionNotice } from './publish-reception-notice';
import { makeRecordReceptionSession } from './record-reception-session';
import { makeSendReceptionMail } from './send-reception-mail';
import { makeStartReceptionSession } from './start-reception-session';

export function createReceptionActivities(deps: ActivityContext) {
  return {
    loadCalendarYears: makeLoadCalendarYears(deps),
    recordReceptionSession: makeRecordReceptionSession(deps),
    sendReceptionMail: makeSendReceptionMail(deps),
    publishReceptionNotice: makePublishReceptionNotice(deps),
    startReceptionSession: makeStartReceptionSession(deps),
  };
}

export type ReceptionActivities = ReturnType<typeof createReceptionActivities>;
export type * from './types';
