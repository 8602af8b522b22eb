// Replays histories recorded from earlier versions of the petition workflow (test/histories/) against
// the current code: a change that would break running petitions fails here, before it ships.
// Record new ones with `npm run histories:record` after an intended, patched change.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';

const dir = path.join(__dirname, '..', 'histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(file: string) {
  return {
    workflowId: file.replace(/\.json$/, ''),
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))),
  };
}

test('the recorded histories cover the main paths', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'resolution-with-decision.json',
      'on-time-resolution-policy-at-clock-start.json',
      'on-time-resolution-local-writes.json',
      'forward-once-local-writes.json',
      'forward-after-limit-local-writes.json',
      'accepted-with-notice.json',
      'notice-after-reception.json',
      'calendar-edit-moves-deadline.json',
      'denunciation-extensions.json',
      'full-ladder-two-escalations.json',
      'forward-once.json',
      'illegal-actions-refused.json',
      'on-time-resolution.json',
      'refused.json',
      'reminder-ladder-escalation.json',
      'withdrawn.json',
      'reception-session-postponed.json',
      'reception-session-closed.json',
      'reception-cycle-after-edit.json',
      'conference-published.json',
      'conference-with-referral.json',
      'commitment-escalated.json',
      'commitment-lapse-while-mail-down.json',
      'reception-reminder-while-mail-down.json',
      'commitment-relay-down-from-start.json',
      'national-sync-receiver-outage.json',
      'linked-duplicate.json',
      'already-decided-answer.json',
    ]),
  );
});

test('when the current workflow code replays every recorded history, then none diverges', async () => {
  const results = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows') },
    files.map(load),
  )) {
    results.push({ id: result.workflowId, error: result.error ? String(result.error) : null });
  }
  expect(results).toHaveLength(files.length);
  expect(results.filter((r) => r.error)).toEqual([]);
});

test('when the workflow is changed non-deterministically, then replay reports it', async () => {
  const replay = Worker.runReplayHistory(
    { workflowsPath: require.resolve('../fixtures/changed-workflow') },
    load('on-time-resolution.json').history,
  );
  await expect(replay).rejects.toThrow(DeterminismViolationError);
});
