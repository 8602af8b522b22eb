// The resolution's written record on its own: which kinds need it, what a number looks like, and the date
// signed counted in local days (Asia/Ho_Chi_Minh) between the receipt and today; and the place name the
// printed date line reads from the unit's name.
import {
  checkResolutionDecision,
  isResolutionDecisionRequired,
  type ResolutionDecisionCheckInput,
} from '../../src/domain/petition/resolution-decision';
import { placeOf } from '../../src/petitions/decisions/administrative-pdf';

const check = (overrides: Partial<ResolutionDecisionCheckInput> = {}) =>
  checkResolutionDecision({
    kind: 'complaint',
    // 23:30 on 1 December in Vietnam.
    receivedAt: '2026-12-01T16:30:00.000Z',
    // 00:30 on 5 December in Vietnam.
    nowMs: Date.parse('2026-12-04T17:30:00.000Z'),
    decision: { number: '125/QĐ-UBND', date: '2026-12-03', signer: 'Trần Thị Xã', signerTitle: 'Chủ tịch' },
    ...overrides,
  });
const withDecision = (d: Partial<NonNullable<ResolutionDecisionCheckInput['decision']>>) =>
  check({
    decision: { number: '125/QĐ-UBND', date: '2026-12-03', signer: 'Trần Thị Xã', signerTitle: 'Chủ tịch', ...d },
  });

test('when a complaint is resolved, then its record is required; for the other kinds it is optional', () => {
  expect(isResolutionDecisionRequired('complaint')).toBe(true);
  expect(check({ decision: undefined })).toMatchObject({ path: 'decision', vi: expect.stringContaining('Đ.31') });
  for (const kind of ['denunciation', 'recommendation', 'feedback'] as const) {
    expect(isResolutionDecisionRequired(kind)).toBe(false);
    expect(check({ kind, decision: undefined })).toBeNull();
  }
  expect(check()).toBeNull();
});

test('when the number is written as administrative documents write it, then it is accepted, and otherwise refused', () => {
  for (const number of ['125/QĐ-UBND', '7/2026/QĐ-UBND', '12/KL-TTr', '34/UBND-TCD', '5/TB-UBND.VP'])
    expect(withDecision({ number })).toBeNull();
  for (const number of ['QĐ-125', '125', '125/', '/QĐ-UBND', '125/QĐ UBND', '125/QĐ--UBND', ''])
    expect(withDecision({ number })).toMatchObject({ path: 'decision.number' });
});

test('when the date is counted in local days, then the day of the receipt and today are allowed, the day before and tomorrow are not', () => {
  expect(withDecision({ date: '2026-12-01' })).toBeNull();
  expect(withDecision({ date: '2026-12-05' })).toBeNull();
  expect(withDecision({ date: '2026-11-30' })).toMatchObject({
    path: 'decision.date',
    en: expect.stringContaining('before'),
  });
  expect(withDecision({ date: '2026-12-06' })).toMatchObject({
    path: 'decision.date',
    en: expect.stringContaining('future'),
  });
  expect(withDecision({ date: '2026-02-30' })).toMatchObject({ path: 'decision.date' });
});

test('when the signer or the title is blank, then that field is refused', () => {
  expect(withDecision({ signer: '  ' })).toMatchObject({ path: 'decision.signer' });
  expect(withDecision({ signerTitle: '' })).toMatchObject({ path: 'decision.signerTitle' });
  expect(withDecision({ signerTitle: 'x'.repeat(201) })).toMatchObject({ path: 'decision.signerTitle' });
});

test('when the unit names its locality, then the date line takes the place from it; without one it has none', () => {
  expect(placeOf('UBND xã Tiên Du')).toBe('Tiên Du');
  expect(placeOf('Thanh tra tỉnh Bắc Ninh')).toBe('Bắc Ninh');
  expect(placeOf('UBND thị xã Sơn Tây')).toBe('Sơn Tây');
  expect(placeOf('Xã An Bình')).toBe('An Bình');
  expect(placeOf('Thanh tra Chính phủ')).toBeNull();
});
