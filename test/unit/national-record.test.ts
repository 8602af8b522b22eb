// The national record (CSDL quốc gia về khiếu nại, tố cáo) made from hand-built case files and validated
// against the JSON Schema in the repository, with controls that the schema does refuse a wrong record.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  canonicalJson,
  contentHashOf,
  idempotencyKeyOf,
  toNationalRecordContent,
  type NationalCaseFile,
} from '../../src/national/national-record';
import { sealIdentity } from '../../src/org/identity-seal';
import { TEST_IDENTITY_KEY } from '../support/keys';

const schema = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'schemas', 'national-record.v1.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const errorsOf = (record: unknown) =>
  validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const t = (iso: string) => new Date(iso);
const commune = { id: 'xa-1', name: 'UBND xã Một', level: 'commune' as const };
const district = { id: 'huyen', name: 'UBND huyện', level: 'district' as const };

const ev = (
  type: string,
  at: string,
  stageFrom: string | null,
  stageTo: string,
  data: object = {},
  note: string | null = null,
) => ({
  type,
  at: t(at),
  stageFrom,
  stageTo,
  note,
  data,
});

function complaint(): NationalCaseFile {
  return {
    id: 'p-1',
    trackingCode: 'KN-2026-0001',
    kind: 'complaint',
    round: 1,
    channel: 'in_person',
    field: 'land',
    subject: 'Khiếu nại bồi thường giải phóng mặt bằng',
    isMass: true,
    receivedAt: t('2026-11-02T02:00:00.000Z'),
    stage: 'closed',
    closedAt: t('2026-12-20T03:00:00.000Z'),
    currentClock: null,
    dueAt: null,
    escalated: false,
    receivingUnit: commune,
    unit: district,
    petitioners: [
      { position: 0, fullName: 'Nguyễn Văn Một', address: 'Thôn 1', isRepresentative: false, sealedIdentity: null },
      { position: 1, fullName: 'Trần Thị Hai', address: 'Thôn 2', isRepresentative: true, sealedIdentity: null },
      ...[2, 3, 4].map((i) => ({
        position: i,
        fullName: `Người ${i}`,
        address: null,
        isRepresentative: false,
        sealedIdentity: null,
      })),
    ],
    events: [
      ev('received', '2026-11-02T02:00:00.000Z', null, 'received', { policyVersion: 'v1' }),
      ev(
        'forward',
        '2026-11-03T02:00:00.000Z',
        'received',
        'received',
        { toUnitId: district.id },
        'Thuộc thẩm quyền huyện',
      ),
      ev('accept', '2026-11-04T02:00:00.000Z', 'received', 'accepted'),
      ev('assign', '2026-11-04T03:00:00.000Z', 'accepted', 'assigned', { assigneeId: 'officer-9' }),
      ev('reminder', '2026-11-20T02:00:00.000Z', null, 'assigned', { rung: 'officer' }),
      ev('requestExtension', '2026-11-25T02:00:00.000Z', 'assigned', 'assigned', { days: 15 }, 'Cần xác minh thêm'),
      ev(
        'decideExtension',
        '2026-11-26T02:00:00.000Z',
        'assigned',
        'assigned',
        {
          approve: true,
          decision: { number: '12/QĐ-UBND', date: '2026-11-26', signer: 'Chủ tịch Lê Văn Ba' },
          dueFrom: '2026-12-01T16:59:59.999Z',
          dueTo: '2026-12-16T16:59:59.999Z',
        },
        'Đồng ý gia hạn',
      ),
      ev('startVerification', '2026-11-27T02:00:00.000Z', 'assigned', 'verifying'),
      ev('resolve', '2026-12-10T02:00:00.000Z', 'verifying', 'resolved', {}, 'Chấp nhận một phần'),
      ev('reportBack', '2026-12-20T03:00:00.000Z', 'resolved', 'closed', {}, 'Đã báo kết quả'),
    ],
    appealOf: null,
    appeals: [{ trackingCode: 'KN-2027-0009' }],
    duplicateOf: null,
  };
}

const NEEDLES = ['Phạm Kín Tên', '0912345678', 'kin.ten@example.test', 'Xóm Kín'];

function denunciation(): NationalCaseFile {
  const sealed = sealIdentity(TEST_IDENTITY_KEY, {
    fullName: NEEDLES[0]!,
    phone: NEEDLES[1],
    email: NEEDLES[2],
    address: NEEDLES[3],
  });
  return {
    ...complaint(),
    id: 'p-2',
    trackingCode: 'TC-2026-0002',
    kind: 'denunciation',
    isMass: false,
    stage: 'assigned',
    closedAt: null,
    currentClock: 'resolution',
    dueAt: t('2027-01-10T16:59:59.999Z'),
    escalated: true,
    unit: commune,
    petitioners: [
      { position: 0, fullName: 'công dân', address: null, isRepresentative: false, sealedIdentity: sealed },
      // An older row left unsealed: a denunciation's petitioner is "công dân" all the same.
      { position: 1, fullName: NEEDLES[0]!, address: NEEDLES[3]!, isRepresentative: false, sealedIdentity: null },
    ],
    events: complaint().events.slice(0, 4),
    appeals: [],
  };
}

test('when a closed mass complaint with an extension, a forward and an appeal is mapped, then the record is valid and carries its decisions', () => {
  const record = { ...toNationalRecordContent(complaint()), recordVersion: 1 };
  expect(errorsOf(record)).toEqual([]);
  expect(record.petitioners.count).toBe(5);
  expect(record.petitioners.listed[0]).toEqual({
    sealed: false,
    name: 'Trần Thị Hai',
    address: 'Thôn 2',
    representative: true,
  });
  expect(record.handlingUnit).toEqual(district);
  expect(record.forwards).toEqual([{ at: '2026-11-03T02:00:00.000Z', fromUnitId: commune.id, toUnitId: district.id }]);
  expect(record.extensionDecisions).toEqual([
    {
      number: '12/QĐ-UBND',
      date: '2026-11-26',
      signer: 'Chủ tịch Lê Văn Ba',
      days: 15,
      dueFrom: '2026-12-01T16:59:59.999Z',
      dueTo: '2026-12-16T16:59:59.999Z',
      decidedAt: '2026-11-26T02:00:00.000Z',
    },
  ]);
  expect(record.outcome).toEqual({
    type: 'resolved',
    at: '2026-12-10T02:00:00.000Z',
    summary: 'Chấp nhận một phần',
    reportedBackAt: '2026-12-20T03:00:00.000Z',
  });
  // Stage changes and the forward; reminders and requests that change no stage are not history.
  expect(record.stageHistory.map((s) => `${s.action}:${s.from}>${s.to}`)).toEqual([
    'received:null>received',
    'forward:received>received',
    'accept:received>accepted',
    'assign:accepted>assigned',
    'startVerification:assigned>verifying',
    'resolve:verifying>resolved',
    'reportBack:resolved>closed',
  ]);
  expect(record.deadline).toEqual({ clock: null, dueAt: null, escalated: false });
  expect(record.links).toEqual({ appealOf: null, appeals: ['KN-2027-0009'], duplicateOf: null });
  // No staff id, letter text or contact travels.
  expect(JSON.stringify(record)).not.toContain('officer-9');
});

test("when a denunciation is mapped, then no part of the denouncer's identity is in the record, sealed row or not", () => {
  const file = denunciation();
  const record = { ...toNationalRecordContent(file), recordVersion: 3 };
  expect(errorsOf(record)).toEqual([]);
  expect(record.petitioners.listed).toEqual([
    { sealed: true, name: 'công dân', representative: false },
    { sealed: true, name: 'công dân', representative: false },
  ]);
  // Positive control: the needles are in the case file the record was made from.
  expect(JSON.stringify(file)).toContain(NEEDLES[0]);
  const text = JSON.stringify(record);
  expect(NEEDLES.filter((n) => text.includes(n))).toEqual([]);
  expect(text).not.toContain(file.petitioners[0]!.sealedIdentity!);
  expect(record.deadline).toEqual({ clock: 'resolution', dueAt: '2027-01-10T16:59:59.999Z', escalated: true });
  expect(record.outcome).toBeNull();
});

test('when a record breaks the format, then the schema refuses it', () => {
  const good = { ...toNationalRecordContent(denunciation()), recordVersion: 1 };
  expect(errorsOf(good)).toEqual([]);
  const named = structuredClone(good);
  (named.petitioners.listed[0] as { name: string }).name = NEEDLES[0]!;
  expect(errorsOf(named).length).toBeGreaterThan(0);
  const withPhone = structuredClone(good) as unknown as { petitioners: { listed: object[] } };
  withPhone.petitioners.listed[0] = { sealed: false, name: 'A', address: null, representative: false, phone: '09' };
  expect(errorsOf(withPhone).length).toBeGreaterThan(0);
  const { recordVersion: _v, ...unversioned } = good;
  expect(errorsOf(unversioned).join()).toContain('recordVersion');
  expect(errorsOf({ ...good, receivedAt: '2 tháng 11' }).join()).toContain('date-time');
  expect(errorsOf({ ...good, schemaVersion: 'danvan.national-record/2' }).length).toBeGreaterThan(0);
});

test('when the content is the same, then the hash is the same whatever the key order; a change gives another hash', () => {
  const a = toNationalRecordContent(complaint());
  const reordered = JSON.parse(canonicalJson(a)) as typeof a;
  expect(contentHashOf(reordered)).toBe(contentHashOf(a));
  expect(contentHashOf({ ...a, stage: 'resolved' })).not.toBe(contentHashOf(a));
  expect(contentHashOf(toNationalRecordContent({ ...complaint(), appeals: [] }))).not.toBe(contentHashOf(a));
  expect(idempotencyKeyOf('p-1', 2)).toBe('p-1:v2');
});
