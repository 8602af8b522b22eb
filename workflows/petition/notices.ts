// What the petition tells people: the e-mails that follow an officer's action, and the reminder ladder's
// rungs (reminders to the officer and the leader, escalations to the level above).
import { log, patched } from '@temporalio/workflow';
import type { Rung, RunningClock } from '../../src/domain/petition/deadline-ladder';
import type { NotificationTemplate, RecipientRef } from '../../src/domain/petition/notification-types';
import type { PetitionActionInput } from './messages';
import type { PetitionCase } from './case-state';
import { findEscalationTarget, type Notify, type RecordEvent } from './case-activities';

export function noticesFor(c: PetitionCase, notify: Notify, record: RecordEvent) {
  const { input, state } = c;
  const inFlight: Promise<void>[] = [];

  /** An e-mail the case does not wait for; the workflow waits for all of them before it completes. */
  const deliverLater = (what: string, sending: Promise<unknown>): void => {
    inFlight.push(
      sending.then(
        () => undefined,
        // Only a refusal ends the send (MAIL_SEND retries everything else): the case goes on without it.
        (error: unknown) =>
          log.warn('e-mail given up', { what, error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  };
  /** Until every e-mail handed over so far is done, including any handed over while waiting. */
  const mailInFlight = async (): Promise<void> => {
    let waited = -1;
    while (waited !== inFlight.length) {
      waited = inFlight.length;
      await Promise.all(inFlight);
    }
  };

  const notifyAfterAction = async (step: string, action: PetitionActionInput): Promise<void> => {
    const citizen: RecipientRef = { type: 'citizen' };
    switch (action.action) {
      case 'accept':
        // Added after the first release: histories recorded before it replay without this notice.
        if (input.hasCitizenEmail && patched('accept-notice')) await notify(`${step}:citizen`, 'accepted', citizen);
        break;
      case 'assign':
        await notify(`${step}:assignee`, 'assigned', { type: 'person', personId: action.assigneeId! });
        break;
      case 'refuse':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'refused', citizen, { reason: action.reason ?? '' });
        break;
      case 'forward':
        if (input.hasCitizenEmail)
          await notify(`${step}:citizen`, 'forwarded', citizen, { reason: action.reason ?? '' });
        await notify(`${step}:leader`, 'forwardedIn', { type: 'unitLeader', unitId: state.unitId });
        break;
      case 'reportBack':
        if (input.hasCitizenEmail)
          await notify(`${step}:citizen`, 'result', citizen, { summary: action.summary ?? '' });
        break;
      case 'withdraw':
        if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'withdrawn', citizen);
        break;
      case 'requestExtension':
        await notify(
          `${step}:leader`,
          'extensionRequested',
          { type: 'unitLeader', unitId: state.unitId },
          { days: String(action.days ?? '') },
        );
        break;
      case 'decideExtension':
        if (action.approve && state.clock) {
          const data = { dueAt: new Date(state.clock.dueAtMs).toISOString(), decision: action.decision?.number ?? '' };
          if (input.hasCitizenEmail) await notify(`${step}:citizen`, 'extended', citizen, data);
          if (state.assigneeId)
            await notify(`${step}:assignee`, 'extended', { type: 'person', personId: state.assigneeId }, data);
        }
        break;
      default:
        break;
    }
  };

  /** The e-mails of an action on their own retry path: the officer's answer does not wait for the relay. */
  const notifyAfterActionLater = (step: string, action: PetitionActionInput): void =>
    deliverLater(step, notifyAfterAction(step, action));

  const fireRungMailFirst = async (rung: Rung, clock: RunningClock): Promise<void> => {
    const dueAt = new Date(clock.dueAtMs).toISOString();
    const data = { clock: clock.name, dueAt };
    const step = `r:${rung.key}`;
    if (rung.kind === 'noticeReminder' || rung.kind === 'noticeOverdue') {
      const noticeData = { clock: 'notice', dueAt: new Date(state.notice!.dueAtMs).toISOString() };
      const recipient: RecipientRef =
        rung.kind === 'noticeReminder'
          ? { type: 'person', personId: state.assigneeId ?? input.registeredById }
          : { type: 'unitLeader', unitId: state.unitId };
      const sent = await notify(
        step,
        rung.kind === 'noticeReminder' ? 'officerReminder' : 'leaderReminder',
        recipient,
        noticeData,
      );
      await record({ type: 'reminder', data: { ...noticeData, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'forwardLimitReminder') {
      const personId = state.assigneeId ?? input.registeredById;
      const sent = await notify(step, 'forwardLimit', { type: 'person', personId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'officerReminder') {
      const personId = state.assigneeId ?? input.registeredById;
      const sent = await notify(step, 'officerReminder', { type: 'person', personId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else if (rung.kind === 'leaderReminder') {
      const sent = await notify(step, 'leaderReminder', { type: 'unitLeader', unitId: state.unitId }, data);
      await record({ type: 'reminder', data: { ...data, rung: rung.kind, recipientIds: sent.recipientIds } });
    } else {
      // The second escalation goes one level further up: the level above the one already told.
      const levels = rung.kind === 'secondEscalation' ? 2 : 1;
      const target = await findEscalationTarget({ unitId: state.unitId, ...(levels > 1 ? { levels } : {}) });
      state.escalated = true;
      state.version += 1;
      if (target?.leaderId) {
        const sent = await notify(
          step,
          'escalation',
          { type: 'person', personId: target.leaderId },
          { ...data, fromUnitId: state.unitId },
        );
        await record({
          type: 'escalated',
          data: { ...data, level: levels, toUnitId: target.unitId, recipientIds: sent.recipientIds },
        });
      } else {
        // The top of the tree has no level above; the breach is still recorded for supervisors.
        await record({
          type: 'escalated',
          data: { ...data, toUnitId: target?.unitId ?? null, recipientIds: [] },
          note: 'no leader above to notify',
        });
      }
    }
  };

  /**
   * A rung is a fact of the case: a reminder given, a breach escalated. It is recorded (and the read model
   * updated) when due, and its e-mail goes on its own retry path, so a relay that is down delays the
   * e-mail, not the supervisors' view. Added after the first release, hence the patch: earlier histories
   * sent first and recorded after (fireRungMailFirst).
   */
  const fireRungRecordFirst = async (rung: Rung, clock: RunningClock): Promise<void> => {
    const data = { clock: clock.name, dueAt: new Date(clock.dueAtMs).toISOString() };
    const step = `r:${rung.key}`;
    if (rung.kind === 'escalation' || rung.kind === 'secondEscalation') {
      // The second escalation goes one level further up: the level above the one already told.
      const levels = rung.kind === 'secondEscalation' ? 2 : 1;
      const target = await findEscalationTarget({ unitId: state.unitId, ...(levels > 1 ? { levels } : {}) });
      state.escalated = true;
      state.version += 1;
      const leaderId = target?.leaderId ?? null;
      await record({
        type: 'escalated',
        data: { ...data, level: levels, toUnitId: target?.unitId ?? null, recipientIds: leaderId ? [leaderId] : [] },
        // The top of the tree has no level above; the breach is still recorded for supervisors.
        ...(leaderId ? {} : { note: 'no leader above to notify' }),
      });
      if (leaderId)
        deliverLater(
          step,
          notify(step, 'escalation', { type: 'person', personId: leaderId }, { ...data, fromUnitId: state.unitId }),
        );
      return;
    }
    const isNotice = rung.kind === 'noticeReminder' || rung.kind === 'noticeOverdue';
    const rungData = isNotice ? { clock: 'notice', dueAt: new Date(state.notice!.dueAtMs).toISOString() } : data;
    const onDuty: RecipientRef = { type: 'person', personId: state.assigneeId ?? input.registeredById };
    const leader: RecipientRef = { type: 'unitLeader', unitId: state.unitId };
    const [template, recipient]: [NotificationTemplate, RecipientRef] =
      rung.kind === 'forwardLimitReminder'
        ? ['forwardLimit', onDuty]
        : rung.kind === 'officerReminder' || rung.kind === 'noticeReminder'
          ? ['officerReminder', onDuty]
          : ['leaderReminder', leader];
    // The leader's id is in the event (leader scorecards count reminders received); the unit itself is
    // "zero levels above" it.
    const recipientId =
      recipient.type === 'person'
        ? recipient.personId
        : recipient.type === 'unitLeader'
          ? ((await findEscalationTarget({ unitId: recipient.unitId, levels: 0 }))?.leaderId ?? null)
          : null;
    await record({
      type: 'reminder',
      data: { ...rungData, rung: rung.kind, recipientIds: recipientId ? [recipientId] : [] },
    });
    deliverLater(step, notify(step, template, recipient, rungData));
  };

  const fireRung = (rung: Rung, clock: RunningClock): Promise<void> =>
    patched('rung-recorded-before-mail') ? fireRungRecordFirst(rung, clock) : fireRungMailFirst(rung, clock);

  return { notifyAfterAction, notifyAfterActionLater, fireRung, mailInFlight };
}
