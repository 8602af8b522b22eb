import path from 'node:path';
import { loadDeadlinePolicy, parseDeadlinePolicy } from '../../src/services/policy-store';

test('the shipped policy files load, and each kind has every clock', () => {
  for (const file of ['deadline-policy.json', 'deadline-policy.demo.json']) {
    const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', file));
    for (const kind of ['complaint', 'denunciation', 'recommendation', 'feedback'] as const) {
      expect(Object.keys(policy.forKind(kind).clocks).sort()).toEqual(['reportBack', 'resolution', 'triage']);
    }
  }
});

test('when a duration is not ISO-8601, then loading names the field', () => {
  const bad = { version: 'x', kinds: Object.fromEntries(['complaint', 'denunciation', 'recommendation', 'feedback'].map((k) => [k, { clocks: { triage: '10 days', resolution: 'P1D', reportBack: 'P1D' }, ladder: { remindOfficerBefore: 'P1D', escalateAfter: 'P1D' } }])) };
  expect(() => parseDeadlinePolicy(bad)).toThrow(/kinds\.complaint\.clocks\.triage/);
});
