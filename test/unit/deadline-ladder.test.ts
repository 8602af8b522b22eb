import { ladderFor, nextRung, startClock, type KindPolicy } from '../../src/domain/petition/deadline-ladder';

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
  expect(
    nextRung(
      rungs,
      rungs.map((r) => r.key),
    ),
  ).toBeNull();
});

test('when a clock restarts, then its rungs have new keys, so earlier fired rungs do not suppress them', () => {
  const first = ladderFor(startClock('triage', 1, 0, policy), policy.ladder);
  const second = ladderFor(startClock('triage', 2, DAY, policy), policy.ladder);
  expect(
    nextRung(
      second,
      first.map((r) => r.key),
    )?.key,
  ).toBe('triage#2:officerReminder');
});

test('when the policy asks for 50%, 75%, one working day before and a second escalation, then the ladder has them all in time order', () => {
  // Start Mon 2026-11-23 09:00 (Hanoi), 30 days: due Wed 2026-12-23 23:59:59.999.
  const start = Date.parse('2026-11-23T09:00:00+07:00');
  const full: KindPolicy = {
    clocks: { triage: 'P10D', resolution: { limit: 30, unit: 'days' }, reportBack: 'P10D' },
    ladder: {
      remindOfficerBefore: 'P3D',
      escalateAfter: 'P1D',
      officerAtFractions: [0.5, 0.75],
      officerWorkingDaysBefore: 1,
      secondEscalationAfter: 'P5D',
    },
  };
  const clock = startClock('resolution', 1, start, full);
  expect(new Date(clock.dueAtMs).toISOString()).toBe('2026-12-23T16:59:59.999Z');
  const rungs = ladderFor(clock, full.ladder).sort((a, b) => a.atMs - b.atMs);
  const span = clock.dueAtMs - start;
  expect(rungs.map((r) => [r.key.split(':')[1], r.atMs])).toEqual([
    ['officerReminder@50%', start + Math.round(span / 2)],
    ['officerReminder@75%', start + Math.round(span * 0.75)],
    ['officerReminder', clock.dueAtMs - 3 * DAY],
    ['officerReminder@1wd', Date.parse('2026-12-22T08:00:00+07:00')], // Tuesday, the working day before
    ['leaderReminder', clock.dueAtMs],
    ['escalation', clock.dueAtMs + DAY],
    ['secondEscalation', clock.dueAtMs + 6 * DAY],
  ]);
});

test('one working day before a Monday deadline is the Friday before', () => {
  const start = Date.parse('2026-11-20T09:00:00+07:00'); // Friday; 15 days → Sat 5 Dec → Mon 7 Dec
  const p: KindPolicy = {
    ...policy,
    clocks: { ...policy.clocks, resolution: { limit: 15, unit: 'days' } },
    ladder: { ...policy.ladder, officerWorkingDaysBefore: 1 },
  };
  const rung = ladderFor(startClock('resolution', 1, start, p), p.ladder).find((r) => r.key.endsWith('@1wd'))!;
  expect(rung.atMs).toBe(Date.parse('2026-12-04T08:00:00+07:00'));
});

test('a denunciation in triage gets a nudge at 08:00 on the last day to forward it (5 working days, Đ.24.2)', () => {
  const start = Date.parse('2026-11-23T09:00:00+07:00'); // Monday → 5th working day is Monday 30 Nov
  const clock = startClock('triage', 1, start, {
    ...policy,
    clocks: { ...policy.clocks, triage: { limit: 7, unit: 'working_days' } },
  });
  const rung = ladderFor(clock, policy.ladder, [], { limit: 5, unit: 'working_days' }).find(
    (r) => r.kind === 'forwardLimitReminder',
  );
  expect(rung?.atMs).toBe(Date.parse('2026-11-30T08:00:00+07:00'));
  const resolution = startClock('resolution', 2, start, policy);
  expect(
    ladderFor(resolution, policy.ladder, [], { limit: 5, unit: 'working_days' }).some(
      (r) => r.kind === 'forwardLimitReminder',
    ),
  ).toBe(false);
});
