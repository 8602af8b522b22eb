// A case file as the national database on complaints and denunciations takes it (CSDL quốc gia về khiếu
// nại, tố cáo — NĐ 55/2022/NĐ-CP), in the format of schemas/national-record.v1.schema.json. Pure: the
// loader (case-file-loader.ts) reads the rows, this maps them, so the format is tested without a database.
// A denouncer is never named (Luật Tố cáo 2018 Đ.47): a sealed petitioner, and every petitioner of a
// denunciation even if some older row were left unsealed, is "công dân" with no address. The letter's
// text, staff notes, documents, contacts and staff ids are never in a record.
import { createHash } from 'node:crypto';
import { MASKED_NAME } from '../org/identity-seal';

export const NATIONAL_SCHEMA_VERSION = 'danvan.national-record/1';

export interface CaseFileUnit {
  id: string;
  name: string;
  level: 'central' | 'province' | 'district' | 'commune' | 'agency';
}

export interface CaseFileEvent {
  type: string;
  at: Date;
  stageFrom: string | null;
  stageTo: string | null;
  note: string | null;
  data: unknown;
}

/** The rows of one case, as the loader reads them. */
export interface NationalCaseFile {
  id: string;
  trackingCode: string;
  kind: 'complaint' | 'denunciation' | 'recommendation' | 'feedback';
  round: number;
  channel: string;
  field: string;
  subject: string;
  isMass: boolean;
  receivedAt: Date;
  stage: string;
  closedAt: Date | null;
  currentClock: string | null;
  dueAt: Date | null;
  escalated: boolean;
  receivingUnit: CaseFileUnit;
  unit: CaseFileUnit;
  petitioners: {
    position: number;
    fullName: string;
    address: string | null;
    isRepresentative: boolean;
    sealedIdentity: string | null;
  }[];
  /** In the order they happened. */
  events: CaseFileEvent[];
  appealOf: { trackingCode: string } | null;
  appeals: { trackingCode: string }[];
  duplicateOf: { trackingCode: string } | null;
}

export type NationalPetitioner =
  | { sealed: false; name: string; address: string | null; representative: boolean }
  | { sealed: true; name: typeof MASKED_NAME; representative: boolean };

export type NationalOutcomeType = 'resolved' | 'refused' | 'withdrawn' | 'duplicate' | 'alreadyDecided';

/** A record without its version: what the content hash is taken over. */
export interface NationalRecordContent {
  schemaVersion: typeof NATIONAL_SCHEMA_VERSION;
  recordId: string;
  trackingCode: string;
  kind: NationalCaseFile['kind'];
  round: number;
  channel: string;
  field: string;
  subject: string;
  isMass: boolean;
  petitioners: { count: number; listed: NationalPetitioner[] };
  receivingUnit: CaseFileUnit;
  handlingUnit: CaseFileUnit;
  receivedAt: string;
  stage: string;
  closedAt: string | null;
  deadline: { clock: string | null; dueAt: string | null; escalated: boolean };
  stageHistory: { at: string; action: string; from: string | null; to: string }[];
  forwards: { at: string; fromUnitId: string; toUnitId: string }[];
  extensionDecisions: {
    number: string;
    date: string;
    signer: string;
    days: number | null;
    dueFrom: string | null;
    dueTo: string | null;
    decidedAt: string;
  }[];
  outcome: { type: NationalOutcomeType; at: string; summary: string | null; reportedBackAt: string | null } | null;
  links: { appealOf: string | null; appeals: string[]; duplicateOf: string | null };
}

export type NationalRecord = NationalRecordContent & { recordVersion: number };

interface EventData {
  toUnitId?: string;
  approve?: boolean;
  days?: number;
  decision?: { number: string; date: string; signer: string };
  dueFrom?: string;
  dueTo?: string;
}

const dataOf = (e: CaseFileEvent): EventData => (e.data && typeof e.data === 'object' ? (e.data as EventData) : {});
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const OUTCOME_OF_EVENT: Record<string, NationalOutcomeType> = {
  resolve: 'resolved',
  refuse: 'refused',
  withdraw: 'withdrawn',
  linkedDuplicate: 'duplicate',
  alreadyDecided: 'alreadyDecided',
};

function petitionersOf(c: NationalCaseFile): NationalPetitioner[] {
  const ordered = [...c.petitioners].sort(
    (a, b) => Number(b.isRepresentative) - Number(a.isRepresentative) || a.position - b.position,
  );
  return ordered.map((p): NationalPetitioner =>
    p.sealedIdentity !== null || c.kind === 'denunciation'
      ? { sealed: true, name: MASKED_NAME, representative: p.isRepresentative }
      : { sealed: false, name: p.fullName, address: p.address, representative: p.isRepresentative },
  );
}

function extensionDecisionsOf(events: CaseFileEvent[]): NationalRecordContent['extensionDecisions'] {
  // A decision answers the request before it: the days granted are the request's.
  let requestedDays: number | null = null;
  const out: NationalRecordContent['extensionDecisions'] = [];
  for (const e of events) {
    const d = dataOf(e);
    if (e.type === 'requestExtension') requestedDays = d.days ?? null;
    if (e.type !== 'decideExtension' || !d.approve || !d.decision) continue;
    out.push({
      number: d.decision.number,
      date: d.decision.date,
      signer: d.decision.signer,
      days: requestedDays,
      dueFrom: d.dueFrom ?? null,
      dueTo: d.dueTo ?? null,
      decidedAt: e.at.toISOString(),
    });
  }
  return out;
}

function outcomeOf(events: CaseFileEvent[]): NationalRecordContent['outcome'] {
  // The last ending wins: a case forwarded after a refusal elsewhere is judged by where it ended.
  const ending = [...events].reverse().find((e) => OUTCOME_OF_EVENT[e.type]);
  if (!ending) return null;
  const reportBack = events.find((e) => e.type === 'reportBack' && e.at >= ending.at);
  return {
    type: OUTCOME_OF_EVENT[ending.type]!,
    at: ending.at.toISOString(),
    summary: ending.note,
    reportedBackAt: reportBack && ending.type === 'resolve' ? reportBack.at.toISOString() : null,
  };
}

function forwardsOf(c: NationalCaseFile): NationalRecordContent['forwards'] {
  // The unit a forward left from is the one the previous forward went to (the receiving unit at first).
  let from = c.receivingUnit.id;
  const out: NationalRecordContent['forwards'] = [];
  for (const e of c.events) {
    const to = dataOf(e).toUnitId;
    if (e.type !== 'forward' || !to) continue;
    out.push({ at: e.at.toISOString(), fromUnitId: from, toUnitId: to });
    from = to;
  }
  return out;
}

/** An officer's action that changed the stage, or a forward (same stage, another unit). */
const movesTheCase = (e: CaseFileEvent) => e.stageFrom !== null && (e.stageFrom !== e.stageTo || e.type === 'forward');

export function toNationalRecordContent(c: NationalCaseFile): NationalRecordContent {
  return {
    schemaVersion: NATIONAL_SCHEMA_VERSION,
    recordId: c.id,
    trackingCode: c.trackingCode,
    kind: c.kind,
    round: c.round,
    channel: c.channel,
    field: c.field,
    subject: c.subject,
    isMass: c.isMass,
    petitioners: { count: c.petitioners.length, listed: petitionersOf(c) },
    receivingUnit: { id: c.receivingUnit.id, name: c.receivingUnit.name, level: c.receivingUnit.level },
    handlingUnit: { id: c.unit.id, name: c.unit.name, level: c.unit.level },
    receivedAt: c.receivedAt.toISOString(),
    stage: c.stage,
    closedAt: iso(c.closedAt),
    deadline: {
      clock: c.closedAt ? null : c.currentClock,
      dueAt: c.closedAt ? null : iso(c.dueAt),
      escalated: c.escalated,
    },
    stageHistory: c.events
      .filter((e) => e.stageTo !== null && (e.type === 'received' || movesTheCase(e)))
      .map((e) => ({ at: e.at.toISOString(), action: e.type, from: e.stageFrom, to: e.stageTo! })),
    forwards: forwardsOf(c),
    extensionDecisions: extensionDecisionsOf(c.events),
    outcome: outcomeOf(c.events),
    links: {
      appealOf: c.appealOf?.trackingCode ?? null,
      appeals: c.appeals.map((a) => a.trackingCode).sort(),
      duplicateOf: c.duplicateOf?.trackingCode ?? null,
    },
  };
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** SHA-256 of the canonical content: a case whose record would not change is not sent again. */
export function contentHashOf(content: NationalRecordContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The receiver de-duplicates on this: one key per record version, the same on every retry. */
export function idempotencyKeyOf(recordId: string, version: number): string {
  return `${recordId}:v${version}`;
}
