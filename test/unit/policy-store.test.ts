import path from 'node:path';
import { loadDeadlinePolicy, parseDeadlinePolicy } from '../../src/petitions/policy/policy-store';

test('the shipped policy files load, and each kind has every clock', () => {
  for (const file of [
    'config/deadline-policy.json',
    'config/deadline-policy.demo.json',
    'test/fixtures/policy-days.json',
    'test/fixtures/policy-seconds.json',
  ]) {
    const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', file));
    for (const kind of ['complaint', 'denunciation', 'recommendation', 'feedback'] as const) {
      expect(Object.keys(policy.forKind(kind).clocks).sort()).toEqual(['reportBack', 'resolution', 'triage']);
    }
  }
});

test('when a duration is not ISO-8601, then loading names the field', () => {
  const bad = {
    version: 'x',
    kinds: Object.fromEntries(
      ['complaint', 'denunciation', 'recommendation', 'feedback'].map((k) => [
        k,
        {
          clocks: { triage: '10 days', resolution: 'P1D', reportBack: 'P1D' },
          ladder: { remindOfficerBefore: 'P1D', escalateAfter: 'P1D' },
        },
      ]),
    ),
  };
  expect(() => parseDeadlinePolicy(bad)).toThrow(/kinds\.complaint\.clocks\.triage/);
});

test('the legal policy states a limit, a unit and a basis for every clock of every kind', () => {
  const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
  expect(policy.forKind('denunciation').clocks.triage).toMatchObject({
    limit: 7,
    unit: 'working_days',
    basis: expect.stringContaining('Đ.24'),
  });
  expect(policy.forKind('complaint').clocks.resolution).toMatchObject({
    limit: 30,
    unit: 'days',
    basis: expect.stringContaining('Đ.28'),
  });
  for (const kind of ['complaint', 'denunciation', 'recommendation', 'feedback'] as const) {
    for (const spec of Object.values(policy.forKind(kind).clocks))
      expect(spec).toMatchObject({ limit: expect.any(Number), basis: expect.any(String) });
  }
});
