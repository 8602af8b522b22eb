import { appealEligibility, type AppealCase } from '../../src/domain/petition/appeal-eligibility';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';

const cal = workingCalendarFrom([], defaultCalendarYear);
const window = { limit: 30, unit: 'days' as const, basis: 'Đ.33' };
const remote = { limit: 45, unit: 'days' as const, basis: 'Đ.33' };
const at = (d: string) => Date.parse(`${d}T10:00:00+07:00`);
const base: AppealCase = { kind: 'complaint', round: 1, decidedAtMs: null, clock: null, alreadyAppealed: false };

test('after the first decision, the window runs 30 days from it (Mon 2 Nov 2026 → Wed 2 Dec)', () => {
  const c = { ...base, decidedAtMs: at('2026-11-02') };
  expect(appealEligibility(c, window, at('2026-12-02'), cal)).toMatchObject({
    eligible: true,
    trigger: 'decision',
    windowEndsAtMs: Date.parse('2026-12-02T23:59:59.999+07:00'),
  });
  expect(appealEligibility(c, window, at('2026-12-03'), cal)).toMatchObject({
    eligible: false,
    reason: expect.stringContaining('closed'),
  });
  expect(appealEligibility(c, remote, at('2026-12-03'), cal)).toMatchObject({ eligible: true });
});

test('when the first deadline lapsed without a decision, the window runs from the lapse', () => {
  const c = { ...base, clock: { name: 'resolution', dueAtMs: Date.parse('2026-11-10T23:59:59.999+07:00') } };
  expect(appealEligibility(c, window, at('2026-11-09'), cal)).toMatchObject({
    eligible: false,
    reason: expect.stringContaining('lapsed'),
  });
  expect(appealEligibility(c, window, at('2026-11-11'), cal)).toMatchObject({ eligible: true, trigger: 'lapsed' });
});

test('only a first-time complaint, once', () => {
  const decided = { ...base, decidedAtMs: at('2026-11-02') };
  expect(appealEligibility({ ...decided, kind: 'denunciation' }, window, at('2026-11-03'), cal).eligible).toBe(false);
  expect(appealEligibility({ ...decided, round: 2 }, window, at('2026-11-03'), cal).eligible).toBe(false);
  expect(appealEligibility({ ...decided, alreadyAppealed: true }, window, at('2026-11-03'), cal)).toMatchObject({
    eligible: false,
    reason: expect.stringContaining('already'),
  });
});
