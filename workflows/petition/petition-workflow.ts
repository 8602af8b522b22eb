// One petition's lifecycle: stages moved by officers' Updates, deadline clocks as durable timers, the
// reminder ladder and escalation. Deterministic: only SDK primitives, pure domain code and activities.
// The case's state and clocks are in case-state.ts, its handlers in handlers.ts, its e-mails in notices.ts.
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { isTerminal } from '../../src/domain/petition/petition-stages';
import type { PetitionSnapshot, PetitionWorkflowInput } from './messages';
import { openCase } from './case-state';
import { notifierFor, recorderFor } from './case-activities';
import { setPetitionHandlers } from './handlers';
import { noticesFor } from './notices';
import { setDuplicateHandler } from './duplicate-handler';

export async function petitionWorkflow(input: PetitionWorkflowInput): Promise<PetitionSnapshot> {
  const c = openCase(input);
  const { state, pending } = c;
  const record = recorderFor(c);
  const notify = notifierFor(c);
  const { notifyAfterAction, notifyAfterActionLater, fireRung, mailInFlight } = noticesFor(c, notify, record);
  setPetitionHandlers(c, record, notifyAfterAction, notifyAfterActionLater);
  setDuplicateHandler(c, record, notify);

  c.publishSearchAttributes();
  await record({ type: 'received', actorId: input.registeredById, data: { policyVersion: input.policyVersion } });
  if (input.hasCitizenEmail) await notify('ack', 'acknowledgement', { type: 'citizen' });

  while (!isTerminal(state.stage)) {
    if (pending.deadlineChange) {
      const change = pending.deadlineChange;
      pending.deadlineChange = null;
      c.publishSearchAttributes();
      await record({
        type: 'deadlineChanged',
        note: `calendar ${change.year} changed`,
        data: {
          clock: state.clock?.name,
          from: new Date(change.from).toISOString(),
          to: new Date(change.to).toISOString(),
        },
      });
      continue;
    }
    const rung = c.upcomingRung();
    const seen = state.version;
    if (!rung || !state.clock) {
      await condition(() => state.version !== seen);
      continue;
    }
    const wait = rung.atMs - Date.now();
    if (wait > 0) {
      const changed = await condition(() => state.version !== seen, wait);
      if (changed) continue;
    }
    state.fired.push(rung.key);
    await fireRung(rung, state.clock);
  }

  // Let a finishing Update (e.g. the report-back e-mail) and e-mails sent on their own path complete
  // before the workflow closes.
  await mailInFlight();
  await condition(allHandlersFinished);
  // The closing action's own e-mails, handed over after its event was written.
  await mailInFlight();
  return c.snapshot();
}
