import path from 'node:path';
import { checkExtension, NO_FLAGS, specFor } from '../../src/domain/petition/clock-rules';
import { loadDeadlinePolicy } from '../../src/petitions/policy/policy-store';

const policy = loadDeadlinePolicy(path.join(__dirname, '..', '..', 'config', 'deadline-policy.json'));
const complaint = policy.forKind('complaint');
const denunciation = policy.forKind('denunciation');

test.each([
  [{}, 30],
  [{ complex: true }, 45],
  [{ remote: true }, 45],
  [{ remote: true, complex: true }, 60],
  [{ remote: true, veryComplex: true }, 60],
])('a first-time complaint with flags %o is resolved within %i days (Đ.28)', (flags, days) => {
  expect(specFor(complaint, 'resolution', { ...NO_FLAGS, ...flags })).toMatchObject({ limit: days, unit: 'days' });
});

test('a denunciation verified at several sites gets 10 working days for triage (Đ.24.1)', () => {
  expect(specFor(denunciation, 'triage', NO_FLAGS)).toMatchObject({ limit: 7, unit: 'working_days' });
  expect(specFor(denunciation, 'triage', { ...NO_FLAGS, multiSite: true })).toMatchObject({
    limit: 10,
    unit: 'working_days',
  });
});

describe('denunciation extensions (Luật Tố cáo 2018, Đ.30)', () => {
  const base = { kind: 'denunciation' as const, policy: denunciation, approvedSoFar: 0, days: 30 };
  test('a simple case cannot be extended', () => {
    expect(checkExtension({ ...base, flags: NO_FLAGS })).toMatch(/complex/);
  });
  test('a complex case is extended once, by at most 30 days', () => {
    const flags = { ...NO_FLAGS, complex: true };
    expect(checkExtension({ ...base, flags })).toBeNull();
    expect(checkExtension({ ...base, flags, days: 31 })).toMatch(/at most 30/);
    expect(checkExtension({ ...base, flags, approvedSoFar: 1 })).toMatch(/already extended 1/);
  });
  test('a very complex case is extended twice, never a third time', () => {
    const flags = { ...NO_FLAGS, veryComplex: true };
    expect(checkExtension({ ...base, flags, approvedSoFar: 1 })).toBeNull();
    expect(checkExtension({ ...base, flags, approvedSoFar: 2 })).toMatch(/allows 2/);
  });
  test('a complaint has no extension by law', () => {
    expect(
      checkExtension({ ...base, kind: 'complaint', policy: complaint, flags: { ...NO_FLAGS, complex: true } }),
    ).toMatch(/no extension/);
  });
});
