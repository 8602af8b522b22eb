// A resolution's written record (số, ngày ký, người ký, chức vụ) for tests: signed on the local day of `at`
// (the test's clock: the wall clock, or the time-skipping server's), with any field overridden.
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';
import { formatDay, localDayOf } from '../../src/domain/calendar/day';

export function aResolutionDecision(
  overrides: Partial<ResolutionDecision> = {},
  at: number = Date.now(),
): ResolutionDecision {
  return {
    number: '125/QĐ-UBND',
    date: formatDay(localDayOf(at)),
    signer: 'Trần Thị Xã',
    signerTitle: 'Chủ tịch',
    ...overrides,
  };
}
