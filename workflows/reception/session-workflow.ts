// One reception session (buổi tiếp công dân): announced with a public notice and invitations, the
// receiving leader reminded at 08:00 the day before, opened at its start time, matters recorded while it
// is open, closed with minutes. It can be postponed (new public notice, updated invitations) before it
// opens, or delegated to a deputy until it closes. A leader who has not closed it a day after its end is
// reminded once.
import { allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReceptionActivities, SessionRowSnapshot } from '../../activities';
import { DAY_MS, localDayOf, localTimeOn, parseDay } from '../../src/domain/calendar/day';
import type { ReceptionRecipient } from '../../activities/reception';
import type { ReceptionTemplate } from '../../src/domain/reception/notification-types';
import { KEYED_WRITE, MAIL_SEND } from '../activity-options';
import { keyedEvents, mailOnItsOwnPath, RECORDED_BEFORE_MAIL, refuse, stepKey, waitUntilDueOrChanged } from '../shared';
import {
  sessionActionUpdate,
  sessionStateQuery,
  type ReceptionSessionInput,
  type SessionAction,
  type SessionSnapshot,
  type SessionStatus,
} from './messages';

const { recordReceptionSession, publishReceptionNotice } = proxyActivities<ReceptionActivities>(KEYED_WRITE);
const { sendReceptionMail } = proxyActivities<ReceptionActivities>(MAIL_SEND);

/** The session's opening instant: its local day at "HH:MM" in Asia/Ho_Chi_Minh. */
export function startsAtOf(day: string, time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return localTimeOn(parseDay(day), h, m);
}

/** 08:00 local time on the day before the session. */
const remindAtOf = (day: string) => localTimeOn(parseDay(day) - 1, 8);

export async function receptionSessionWorkflow(input: ReceptionSessionInput): Promise<SessionSnapshot> {
  const state = {
    status: 'announced' as SessionStatus,
    day: input.day,
    receivingLeaderId: input.leaderId,
    postponements: 0,
    matters: { answered: 0, petition: 0, explained: 0 },
    attendeeCount: null as number | null,
    version: 0,
  };
  let dirty = false;
  const reminded = new Set<string>();
  let minutesReminded = false;
  const mails = mailOnItsOwnPath();

  const snapshot = (): SessionSnapshot => ({
    sessionId: input.sessionId,
    status: state.status,
    day: state.day,
    startsAt: new Date(startsAtOf(state.day, input.startTime)).toISOString(),
    receivingLeaderId: state.receivingLeaderId,
    postponements: state.postponements,
    matters: { ...state.matters },
    attendeeCount: state.attendeeCount,
    version: state.version,
  });
  const row = (): SessionRowSnapshot => ({
    sessionId: input.sessionId,
    scheduleId: input.scheduleId,
    unitId: input.unitId,
    nominalDay: input.nominalDay,
    day: state.day,
    startsAt: new Date(startsAtOf(state.day, input.startTime)).toISOString(),
    durationMinutes: input.durationMinutes,
    status: state.status,
    leaderId: input.leaderId,
    receivingLeaderId: state.receivingLeaderId,
    jointUnitIds: input.jointUnitIds,
    location: input.location,
    attendeeCount: state.attendeeCount,
    postponements: state.postponements,
    version: state.version,
  });
  const record = keyedEvents((key, event, at) => recordReceptionSession({ key, snapshot: row(), event, at }));
  const mail = (
    step: string,
    template: ReceptionTemplate,
    recipient: ReceptionRecipient,
    data: Record<string, string> = {},
    invitation = false,
  ) =>
    sendReceptionMail({
      key: stepKey(step),
      sessionId: input.sessionId,
      template,
      recipient,
      data: { sequence: String(state.postponements), ...data },
      invitation,
    });

  setHandler(sessionStateQuery, snapshot);
  setHandler(
    sessionActionUpdate,
    async (action: SessionAction): Promise<SessionSnapshot> => {
      switch (action.action) {
        case 'postpone': {
          const fromDay = state.day;
          state.day = action.day;
          state.postponements += 1;
          state.version += 1;
          dirty = true;
          const n = state.postponements;
          await record('postponed', {
            actorId: action.actorId,
            note: action.reason,
            data: { fromDay, toDay: action.day },
          });
          await publishReceptionNotice({
            key: stepKey(`notice:postponed:${n}`),
            sessionId: input.sessionId,
            kind: 'postponed',
            data: { fromDay, reason: action.reason },
          });
          await mails.after(`postponed:${n}:leader`, () =>
            mail(
              `postponed:${n}:leader`,
              'receptionPostponed',
              { type: 'person', personId: state.receivingLeaderId },
              { fromDay, reason: action.reason },
              true,
            ),
          );
          await mails.after(`postponed:${n}:registrants`, () =>
            mail(
              `postponed:${n}:registrants`,
              'receptionPostponed',
              { type: 'registrants' },
              { fromDay, reason: action.reason },
              true,
            ),
          );
          break;
        }
        case 'delegate': {
          state.receivingLeaderId = action.deputyId;
          state.version += 1;
          dirty = true;
          await record('delegated', {
            actorId: action.actorId,
            note: action.reason,
            data: { deputyId: action.deputyId },
          });
          await mails.after(`delegated:${state.version}`, () =>
            mail(
              `delegated:${state.version}`,
              'receptionDelegated',
              { type: 'person', personId: action.deputyId },
              { reason: action.reason },
              true,
            ),
          );
          break;
        }
        case 'registered':
          await record('registered', { data: { registrationId: action.registrationId } });
          await mails.after(`registered:${action.registrationId}`, () =>
            mail(
              `registered:${action.registrationId}`,
              'receptionRegistered',
              { type: 'registration', registrationId: action.registrationId },
              {},
              true,
            ),
          );
          break;
        case 'recordMatter':
          state.matters[action.outcome] += 1;
          state.version += 1;
          await record('matter', {
            actorId: action.actorId,
            data: {
              matterId: action.matterId,
              outcome: action.outcome,
              ...(action.petitionId ? { petitionId: action.petitionId } : {}),
            },
          });
          break;
        case 'close':
          state.status = 'closed';
          state.attendeeCount = action.attendeeCount;
          state.version += 1;
          dirty = true;
          await record('closed', {
            actorId: action.actorId,
            data: { attendeeCount: action.attendeeCount, matters: { ...state.matters } },
          });
          break;
      }
      return snapshot();
    },
    {
      validator: (action: SessionAction) => {
        if (state.status === 'closed') refuse('the session is closed');
        if (action.action === 'postpone') {
          if (state.status !== 'announced') refuse('only a session that has not opened can be postponed');
          if (action.day === state.day) refuse('the new date is the current date');
          if (parseDay(action.day) <= localDayOf(Date.now())) refuse('a session is postponed to a later day');
        }
        if (action.action === 'delegate' && action.deputyId === state.receivingLeaderId)
          refuse('that person already receives at this session');
        if (action.action === 'registered' && state.status !== 'announced')
          refuse('registration closes when the session opens');
        if ((action.action === 'recordMatter' || action.action === 'close') && state.status !== 'open')
          refuse('the session is not open');
      },
    },
  );

  await record('announced', { data: { day: state.day } });
  await publishReceptionNotice({ key: stepKey('notice:announced'), sessionId: input.sessionId, kind: 'announced' });
  await mails.after('announced:leader', () =>
    mail('announced:leader', 'receptionAnnounced', { type: 'person', personId: input.leaderId }, {}, true),
  );
  for (const unitId of input.jointUnitIds)
    await mails.after(`announced:joint:${unitId}`, () =>
      mail(`announced:joint:${unitId}`, 'receptionAnnounced', { type: 'unitLeader', unitId }, {}, true),
    );

  while (state.status !== 'closed') {
    const now = Date.now();
    const startsAt = startsAtOf(state.day, input.startTime);
    let wakeAt: number | undefined;
    if (state.status === 'announced') {
      const reminderKey = `${state.day}:${state.receivingLeaderId}`;
      if (now >= startsAt) {
        state.status = 'open';
        state.version += 1;
        await record('opened');
        continue;
      }
      if (now >= remindAtOf(state.day) && !reminded.has(reminderKey)) {
        reminded.add(reminderKey);
        // A relay that is down must not hold the session back from opening at its time.
        if (patched(RECORDED_BEFORE_MAIL)) {
          await record('reminded', { data: { recipientId: state.receivingLeaderId } });
          mails.later(
            'remind',
            mail(`remind:${reminderKey}`, 'receptionReminder', { type: 'person', personId: state.receivingLeaderId }),
          );
          continue;
        }
        await mail(`remind:${reminderKey}`, 'receptionReminder', { type: 'person', personId: state.receivingLeaderId });
        await record('reminded', { data: { recipientId: state.receivingLeaderId } });
        continue;
      }
      wakeAt = reminded.has(reminderKey) || now >= remindAtOf(state.day) ? startsAt : remindAtOf(state.day);
    } else {
      const minutesDueAt = startsAt + input.durationMinutes * 60_000 + DAY_MS;
      if (!minutesReminded && now >= minutesDueAt) {
        minutesReminded = true;
        const onItsOwnPath = patched(RECORDED_BEFORE_MAIL);
        const reminding = mail('minutes-due', 'receptionMinutesDue', {
          type: 'person',
          personId: state.receivingLeaderId,
        });
        if (onItsOwnPath) mails.later('minutes-due', reminding);
        else await reminding;
        continue;
      }
      wakeAt = minutesReminded ? undefined : minutesDueAt;
    }
    dirty = false;
    await waitUntilDueOrChanged(() => dirty, now, wakeAt);
  }
  await mails.allDelivered();
  await condition(allHandlersFinished);
  // The closing Update's own e-mails, handed over after the loop ended.
  await mails.allDelivered();
  return snapshot();
}
