// A commitment made at a conference: a tracked promise with its own deadline (the end of the promised
// day), a reminder to the assignee (or the unit's responsible leader) before it, an escalation to the
// level above when it lapses, and progress updates that the participant who raised the opinion is told of.
import { allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { localDayOf, localTimeOn } from '../../src/domain/calendar/day';
import type { ConferenceRecipient, ConferenceTemplate } from '../../src/domain/conference/notification-types';
import { KEYED_WRITE, LOOKUP, MAIL_SEND } from '../activity-options';
import { keyedEvents, mailOnItsOwnPath, RECORDED_BEFORE_MAIL, refuse, stepKey, waitUntilDueOrChanged } from '../shared';
import {
  commitmentActionUpdate,
  commitmentStateQuery,
  type CommitmentAction,
  type CommitmentInput,
  type CommitmentSnapshot,
  type CommitmentStatus,
} from './messages';

const { recordCommitment } = proxyActivities<Activities>(KEYED_WRITE);
const { findEscalationTarget } = proxyActivities<Activities>(LOOKUP);
const { sendConferenceMail } = proxyActivities<Activities>(MAIL_SEND);

export async function commitmentWorkflow(input: CommitmentInput): Promise<CommitmentSnapshot> {
  const dueAt = Date.parse(input.dueAt);
  const remindAt = localTimeOn(localDayOf(dueAt) - input.remindBeforeDays, 8);
  const state = {
    status: 'open' as CommitmentStatus,
    progress: 0,
    escalated: false,
    fulfilledAt: null as number | null,
    version: 0,
  };
  let dirty = false;
  let reminded = false;

  const snapshot = (): CommitmentSnapshot => ({
    commitmentId: input.commitmentId,
    status: state.status,
    progress: state.progress,
    escalated: state.escalated,
    fulfilledOnTime: state.fulfilledAt === null ? null : state.fulfilledAt <= dueAt,
    version: state.version,
  });
  const record = keyedEvents((key, event, at) =>
    recordCommitment({
      key,
      commitmentId: input.commitmentId,
      version: state.version,
      fields: {
        status: state.status,
        progress: state.progress,
        escalated: state.escalated,
        fulfilledAt: state.fulfilledAt === null ? null : new Date(state.fulfilledAt).toISOString(),
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
  ) =>
    sendConferenceMail({
      key: stepKey(step),
      conferenceId: input.conferenceId,
      commitmentId: input.commitmentId,
      template,
      recipient,
      data,
    });
  const owner: ConferenceRecipient = input.assigneeId
    ? { type: 'person', personId: input.assigneeId }
    : { type: 'unitLeader', unitId: input.unitId };
  const participant: ConferenceRecipient = { type: 'participant', opinionId: input.opinionId };
  const mails = mailOnItsOwnPath();

  setHandler(commitmentStateQuery, snapshot);
  setHandler(
    commitmentActionUpdate,
    async (action: CommitmentAction): Promise<CommitmentSnapshot> => {
      state.version += 1;
      const step = state.version;
      if (action.action === 'progress') {
        state.progress = action.percent;
        await record('progress', { actorId: action.actorId, note: action.note, data: { percent: action.percent } });
        await mails.after(`progress:${step}`, () =>
          mail(`progress:${step}`, 'commitmentProgress', participant, {
            progress: String(action.percent),
            note: action.note,
          }),
        );
      } else {
        state.status = 'fulfilled';
        state.progress = 100;
        state.fulfilledAt = Date.now();
        dirty = true;
        const onTime = state.fulfilledAt <= dueAt;
        await record('fulfilled', { actorId: action.actorId, note: action.note, data: { onTime } });
        await mails.after('fulfilled', () =>
          mail('fulfilled', 'commitmentFulfilled', participant, { note: action.note, onTime: String(onTime) }),
        );
      }
      return snapshot();
    },
    {
      validator: (action: CommitmentAction) => {
        if (state.status === 'fulfilled') refuse('the commitment is fulfilled');
        if (action.action === 'progress' && (action.percent < state.progress || action.percent >= 100)) {
          refuse(
            `progress moves forward from ${state.progress}% and stays below 100% (fulfil to finish)`,
            'InvalidAction',
          );
        }
      },
    },
  );

  await record('assigned', { data: { dueAt: input.dueAt } });
  // The clock runs from here whether or not the relay is up (MAIL_AFTER_FACT).
  await mails.after('assigned', () => mail('assigned', 'commitmentAssigned', owner));
  while (state.status !== 'fulfilled') {
    const now = Date.now();
    if (!reminded && now >= remindAt && now <= dueAt) {
      reminded = true;
      if (patched(RECORDED_BEFORE_MAIL)) {
        const ownerId = input.assigneeId ?? (await findEscalationTarget({ unitId: input.unitId, levels: 0 }))?.leaderId;
        await record('reminded', { data: { recipientIds: ownerId ? [ownerId] : [] } });
        mails.later('remind', mail('remind', 'commitmentReminder', owner));
        continue;
      }
      const sent = await mail('remind', 'commitmentReminder', owner);
      await record('reminded', { data: { recipientIds: sent.recipientIds } });
      continue;
    }
    if (!state.escalated && now > dueAt) {
      const target = await findEscalationTarget({ unitId: input.unitId });
      state.escalated = true;
      state.version += 1;
      if (patched(RECORDED_BEFORE_MAIL)) {
        const leaderId = target?.leaderId ?? null;
        await record('escalated', {
          data: { toUnitId: target?.unitId ?? null, recipientIds: leaderId ? [leaderId] : [] },
        });
        if (leaderId)
          mails.later('escalated', mail('escalated', 'commitmentEscalation', { type: 'person', personId: leaderId }));
        continue;
      }
      const sent = target?.leaderId
        ? await mail('escalated', 'commitmentEscalation', { type: 'person', personId: target.leaderId })
        : { recipientIds: [] };
      await record('escalated', { data: { toUnitId: target?.unitId ?? null, recipientIds: sent.recipientIds } });
      continue;
    }
    const wakeAt = !reminded && now < remindAt ? remindAt : !state.escalated ? dueAt + 1 : undefined;
    dirty = false;
    await waitUntilDueOrChanged(() => dirty, now, wakeAt);
  }
  await mails.allDelivered();
  await condition(allHandlersFinished);
  // The closing Update's own e-mail, handed over after the loop ended.
  await mails.allDelivered();
  return snapshot();
}
