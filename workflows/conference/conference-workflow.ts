// A dialogue conference (hội nghị đối thoại): announced with a public notice and an invitation to the
// chair, the chair reminded the day before, held (attendees), every opinion recorded with its outcome,
// and the results published within the legal time (DOMAIN.md: 10 days) — a deadline with a reminder to
// the chair and, when it lapses, an escalation to the level above. Publishing tells every participant who
// left an address what became of their opinion.
import { allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { endOfLocalDay, localDayOf, localTimeOn } from '../../src/domain/calendar/day';
import type { ConferenceRecipient, ConferenceTemplate } from '../../src/domain/conference/notification-types';
import { KEYED_WRITE, LOOKUP, MAIL_SEND } from '../activity-options';
import { keyedEvents, mailOnItsOwnPath, RECORDED_BEFORE_MAIL, refuse, stepKey, waitUntilDueOrChanged } from '../shared';
import {
  conferenceActionUpdate,
  conferenceStateQuery,
  type ConferenceAction,
  type ConferenceInput,
  type ConferenceSnapshot,
  type ConferenceStatus,
  type OpinionOutcome,
} from './messages';

const { recordConference, publishConferenceNotice } = proxyActivities<Activities>(KEYED_WRITE);
const { findEscalationTarget } = proxyActivities<Activities>(LOOKUP);
const { sendConferenceMail } = proxyActivities<Activities>(MAIL_SEND);

const at0800 = (day: number) => localTimeOn(day, 8);

export async function conferenceWorkflow(input: ConferenceInput): Promise<ConferenceSnapshot> {
  const startsAt = Date.parse(input.startsAt);
  const state = {
    status: 'announced' as ConferenceStatus,
    attendeeCount: null as number | null,
    opinions: { answered: 0, commitment: 0, explained: 0, referred: 0 } as Record<OpinionOutcome, number>,
    heldAt: null as number | null,
    resultsDueAt: null as number | null,
    publishedAt: null as number | null,
    escalated: false,
    version: 0,
  };
  const sent = new Set<string>();
  let dirty = false;
  const mails = mailOnItsOwnPath();

  const snapshot = (): ConferenceSnapshot => ({
    conferenceId: input.conferenceId,
    status: state.status,
    attendeeCount: state.attendeeCount,
    opinions: { ...state.opinions },
    resultsDueAt: state.resultsDueAt === null ? null : new Date(state.resultsDueAt).toISOString(),
    escalated: state.escalated,
    version: state.version,
  });
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const record = keyedEvents((key, event, at) =>
    recordConference({
      key,
      conferenceId: input.conferenceId,
      version: state.version,
      fields: {
        status: state.status,
        attendeeCount: state.attendeeCount,
        heldAt: iso(state.heldAt),
        resultsDueAt: iso(state.resultsDueAt),
        publishedAt: iso(state.publishedAt),
      },
      event,
      at,
    }),
  );
  const mail = (
    step: string,
    template: ConferenceTemplate,
    recipient: ConferenceRecipient,
    data: Record<string, string> = {},
    invitation = false,
  ) =>
    sendConferenceMail({ key: stepKey(step), conferenceId: input.conferenceId, template, recipient, data, invitation });

  setHandler(conferenceStateQuery, snapshot);
  setHandler(
    conferenceActionUpdate,
    async (action: ConferenceAction): Promise<ConferenceSnapshot> => {
      if (action.action === 'hold') {
        state.status = 'held';
        state.attendeeCount = action.attendeeCount;
        state.heldAt = Date.now();
        state.resultsDueAt = endOfLocalDay(localDayOf(state.heldAt) + input.resultsWithinDays);
        state.version += 1;
        dirty = true;
        await record('held', {
          actorId: action.actorId,
          data: { attendeeCount: action.attendeeCount, resultsDueAt: iso(state.resultsDueAt) },
        });
      } else if (action.action === 'recordOpinion') {
        state.opinions[action.outcome] += 1;
        state.version += 1;
        await record('opinion', {
          actorId: action.actorId,
          data: {
            opinionId: action.opinionId,
            outcome: action.outcome,
            ...(action.commitmentId ? { commitmentId: action.commitmentId } : {}),
          },
        });
        // Beyond this level's authority: the responsible leader of the level above receives it (added later, hence the patch).
        if (action.outcome === 'referred' && action.referredToUnitId && patched('notify-referral')) {
          const referredTo = action.referredToUnitId;
          await mails.after(`referred:${action.opinionId}`, () =>
            sendConferenceMail({
              key: stepKey(`referred:${action.opinionId}`),
              conferenceId: input.conferenceId,
              opinionId: action.opinionId,
              template: 'opinionReferred',
              recipient: { type: 'unitLeader', unitId: referredTo },
            }),
          );
        }
      } else {
        state.status = 'published';
        state.publishedAt = Date.now();
        state.version += 1;
        dirty = true;
        const onTime = state.publishedAt <= state.resultsDueAt!;
        await record('published', { actorId: action.actorId, data: { onTime, opinions: { ...state.opinions } } });
        await publishConferenceNotice({
          key: stepKey('notice:results'),
          conferenceId: input.conferenceId,
          kind: 'results',
        });
        await mails.after('outcomes', () => mail('outcomes', 'opinionOutcome', { type: 'participants' }));
      }
      return snapshot();
    },
    {
      validator: (action: ConferenceAction) => {
        if (state.status === 'published') refuse('the results are published; the conference is closed');
        if (action.action === 'hold') {
          if (state.status !== 'announced') refuse('the conference was already held');
          if (Date.now() < startsAt - 3_600_000) refuse('the conference has not begun');
        }
        if ((action.action === 'recordOpinion' || action.action === 'publish') && state.status !== 'held')
          refuse('the conference has not been held yet');
      },
    },
  );

  await record('announced', { data: { startsAt: input.startsAt } });
  await publishConferenceNotice({
    key: stepKey('notice:announced'),
    conferenceId: input.conferenceId,
    kind: 'announced',
  });
  await mails.after('announced:chair', () =>
    mail('announced:chair', 'conferenceAnnounced', { type: 'person', personId: input.chairId }, {}, true),
  );

  while (state.status !== 'published') {
    const now = Date.now();
    let wakeAt: number | undefined;
    if (state.status === 'announced') {
      const remindAt = at0800(localDayOf(startsAt) - 1);
      if (now >= remindAt && now < startsAt && !sent.has('chair-reminder')) {
        sent.add('chair-reminder');
        if (patched(RECORDED_BEFORE_MAIL)) {
          await record('reminded', { data: { recipientId: input.chairId } });
          mails.later(
            'remind:chair',
            mail('remind:chair', 'conferenceReminder', { type: 'person', personId: input.chairId }),
          );
          continue;
        }
        await mail('remind:chair', 'conferenceReminder', { type: 'person', personId: input.chairId });
        await record('reminded', { data: { recipientId: input.chairId } });
        continue;
      }
      wakeAt = now < remindAt ? remindAt : undefined;
    } else {
      const due = state.resultsDueAt!;
      const soonAt = at0800(localDayOf(due) - input.remindResultsBeforeDays);
      if (now >= soonAt && now <= due && !sent.has('results-soon')) {
        sent.add('results-soon');
        if (patched(RECORDED_BEFORE_MAIL)) {
          await record('reminded', { data: { recipientId: input.chairId, about: 'results' } });
          mails.later(
            'results:soon',
            mail(
              'results:soon',
              'resultsDueSoon',
              { type: 'person', personId: input.chairId },
              { dueAt: new Date(due).toISOString() },
            ),
          );
          continue;
        }
        await mail(
          'results:soon',
          'resultsDueSoon',
          { type: 'person', personId: input.chairId },
          { dueAt: new Date(due).toISOString() },
        );
        await record('reminded', { data: { recipientId: input.chairId, about: 'results' } });
        continue;
      }
      if (now > due && !sent.has('results-overdue')) {
        sent.add('results-overdue');
        const target = await findEscalationTarget({ unitId: input.unitId });
        state.escalated = true;
        state.version += 1;
        if (patched(RECORDED_BEFORE_MAIL)) {
          const leaderId = target?.leaderId ?? null;
          await record('escalated', {
            data: { toUnitId: target?.unitId ?? null, recipientIds: leaderId ? [leaderId] : [] },
          });
          if (leaderId)
            mails.later(
              'results:overdue',
              mail(
                'results:overdue',
                'resultsOverdue',
                { type: 'person', personId: leaderId },
                { dueAt: new Date(due).toISOString() },
              ),
            );
          continue;
        }
        const mailed = target?.leaderId
          ? await mail(
              'results:overdue',
              'resultsOverdue',
              { type: 'person', personId: target.leaderId },
              { dueAt: new Date(due).toISOString() },
            )
          : { recipientIds: [] };
        await record('escalated', { data: { toUnitId: target?.unitId ?? null, recipientIds: mailed.recipientIds } });
        continue;
      }
      wakeAt = now < soonAt ? soonAt : now <= due ? due + 1 : undefined;
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
