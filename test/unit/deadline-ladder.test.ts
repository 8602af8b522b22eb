import { ladderFor, nextRung, startClock, type KindPolicy } from '../../src/domain/deadline-ladder';

const DAY = 86_400_000;
const policy: KindPolicy = {
  clocks: { triage: 'P10D', resolution: 'P30D', reportBack: 'P10D' },
  ladder: { remindOfficerBefore: 'P3D', escalateAfter: 'P1D' },
};

test('when a 30-day clock starts, then the rungs fall 3 days before, at, and 1 day after the due time', () => {
  const clock = startClock('resolution', 2, 1_000, policy);
  expect(clock.dueAtMs).toBe(1_000 + 30 * DAY);
  expect(ladderFor(clock, policy.ladder)).toEqual([
    { key: 'resolution#2:officerReminder', kind: 'officerReminder', atMs: 1_000 + 27 * DAY },
    { key: 'resolution#2:leaderReminder', kind: 'leaderReminder', atMs: 1_000 + 30 * DAY },
    { key: 'resolution#2:escalation', kind: 'escalation', atMs: 1_000 + 31 * DAY },
  ]);
});

test('when the reminder lead is longer than the clock, then the officer is reminded at the start rather than before it', () => {
  const short: KindPolicy = { ...policy, clocks: { ...policy.clocks, triage: 'PT1H' } };
  const clock = startClock('triage', 1, 5_000, short);
  expect(ladderFor(clock, short.ladder)[0]!.atMs).toBe(5_000);
});

test('nextRung skips fired rungs and returns null when the ladder is done', () => {
  const rungs = ladderFor(startClock('resolution', 1, 0, policy), policy.ladder);
  expect(nextRung(rungs, [])?.kind).toBe('officerReminder');
  expect(nextRung(rungs, [rungs[0]!.key])?.kind).toBe('leaderReminder');
  expect(nextRung(rungs, rungs.map((r) => r.key))).toBeNull();
});

test('when a clock restarts, then its rungs have new keys, so earlier fired rungs do not suppress them', () => {
  const first = ladderFor(startClock('triage', 1, 0, policy), policy.ladder);
  const second = ladderFor(startClock('triage', 2, DAY, policy), policy.ladder);
  expect(nextRung(second, first.map((r) => r.key))?.key).toBe('triage#2:officerReminder');
});
