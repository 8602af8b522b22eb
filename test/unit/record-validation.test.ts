// The check the national sync makes before sending: a record that fits gives nothing, one that does not
// gives the JSON Pointer of its first fault, the property itself when one is missing or unexpected.
import { firstSchemaError } from '../../src/national/record-validation';
import { toNationalRecordContent, type NationalCaseFile } from '../../src/national/national-record';

const at = new Date('2026-11-02T02:00:00.000Z');

function caseFile(overrides: Partial<NationalCaseFile> = {}): NationalCaseFile {
  return {
    id: 'p-1',
    trackingCode: 'KN-2026-0001',
    kind: 'complaint',
    round: 1,
    channel: 'post',
    field: 'land',
    subject: 'Khiếu nại bồi thường',
    isMass: false,
    receivedAt: at,
    stage: 'received',
    closedAt: null,
    currentClock: 'triage',
    dueAt: new Date('2026-11-12T02:00:00.000Z'),
    escalated: false,
    receivingUnit: { id: 'xa-1', name: 'UBND xã Một', level: 'commune' },
    unit: { id: 'xa-1', name: 'UBND xã Một', level: 'commune' },
    petitioners: [
      { position: 0, fullName: 'Nguyễn Văn Một', address: null, isRepresentative: false, sealedIdentity: null },
    ],
    events: [{ type: 'received', at, stageFrom: null, stageTo: 'received', note: null, data: {} }],
    appealOf: null,
    appeals: [],
    duplicateOf: null,
    ...overrides,
  };
}

const record = (overrides: Partial<NationalCaseFile> = {}) => ({
  ...toNationalRecordContent(caseFile(overrides)),
  recordVersion: 1,
});

test('when a record fits the schema, then there is no error', () => {
  expect(firstSchemaError(record())).toBeNull();
});

test('when a value breaks a rule, then the error names its path and the rule', () => {
  expect(firstSchemaError(record({ round: 3 }))).toEqual({ path: '/round', message: 'must be <= 2' });
  expect(firstSchemaError({ ...record(), deadline: { clock: 'later', dueAt: null, escalated: false } })).toMatchObject({
    path: '/deadline/clock',
  });
});

test('when a property is missing or unexpected, then the error names the property itself', () => {
  const { trackingCode: _dropped, ...missing } = record();
  expect(firstSchemaError(missing)).toMatchObject({ path: '/trackingCode' });
  expect(firstSchemaError({ ...record(), body: 'the letter' })).toMatchObject({ path: '/body' });
});
