// The petition workflow's contract: input, Updates, Query and the DTOs they carry. Plain JSON only
// (ISO strings for dates): these cross the wire and sit, encrypted, in the history.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarYear } from '../../src/domain/calendar/holidays';
import type { CaseFlags } from '../../src/domain/petition/clock-rules';
import type { KindPolicy, RungKind } from '../../src/domain/petition/deadline-ladder';
import type { ActionName, ClockName, PetitionKind, Role, Stage } from '../../src/domain/petition/petition-stages';
import type { ResolutionDecision } from '../../src/domain/petition/resolution-decision';

export const PETITION_WORKFLOW_TYPE = 'petitionWorkflow';

export function petitionWorkflowId(petitionId: string): string {
  return `petition-${petitionId}`;
}

export interface PetitionWorkflowInput {
  petitionId: string;
  kind: PetitionKind;
  unitId: string;
  receivedAt: string;
  /** The officer who registered it: responsible for triage until someone is assigned. */
  registeredById: string;
  /** The policy in force when the petition arrived; pinned for its whole life. */
  policyVersion: string;
  policy: KindPolicy;
  /** Whether the citizen left an e-mail address (the address itself stays in the database). */
  hasCitizenEmail: boolean;
  /** The working calendar of the receipt year and the years after it, as in force at receipt. */
  calendar?: CalendarYear[];
  /** How it arrived (in_person, reception_day, post, …): some clocks apply to some channels only. */
  channel?: string;
}

export interface ActorRef {
  personId: string;
  /** Roles the caller holds over the petition's current unit, as the API established them. */
  roles: Role[];
}

export interface PetitionActionInput {
  action: ActionName;
  actor: ActorRef;
  reason?: string;
  toUnitId?: string;
  assigneeId?: string;
  summary?: string;
  /** setFlags: the flags to change. */
  flags?: Partial<CaseFlags>;
  /** requestExtension: calendar days asked for. */
  days?: number;
  /** decideExtension */
  approve?: boolean;
  decision?: ExtensionDecision;
  /** resolve: the resolution's written record (số, ngày ký, người ký, chức vụ); required for a complaint. */
  resolution?: ResolutionDecision;
}

/** The written decision that approves an extension (số, ngày, người ký). */
export interface ExtensionDecision {
  number: string;
  date: string;
  signer: string;
}

export interface ExtensionView {
  days: number;
  requestedById: string;
  reason: string;
  decision: ExtensionDecision;
  decidedById: string;
}

export interface ClockView {
  name: ClockName;
  startedAt: string;
  dueAt: string;
}

export interface PetitionSnapshot {
  petitionId: string;
  stage: Stage;
  unitId: string;
  assigneeId: string | null;
  forwardCount: number;
  escalated: boolean;
  /** Increases with every change; the read model ignores writes of older versions. */
  version: number;
  clock: ClockView | null;
  nextRung: { kind: RungKind; at: string } | null;
  firedRungs: string[];
  flags?: CaseFlags;
  extensions?: ExtensionView[];
  pendingExtension?: { days: number; requestedById: string; reason: string } | null;
  /** The notice after reception: when it is due, and whether it was given. */
  notice?: { dueAt: string; given: boolean } | null;
  /** The resolution's written record, once resolved with one (patch RESOLUTION_DECISION_PATCH). */
  resolution?: ResolutionDecision | null;
  /** Set when an officer linked it as a duplicate (đơn trùng): the case that handles the matter. */
  duplicateOfId?: string | null;
}

/**
 * Đơn trùng: the petition is the same matter as another case. With `decided` false that case is open and
 * handles it; with `decided` true it was already decided and the petition gets the legal answer
 * (`answer`, with its basis). Either way the petition ends here, without a clock of its own.
 */
export interface LinkDuplicateInput {
  actor: ActorRef;
  duplicateOfId: string;
  duplicateOfTrackingCode: string;
  handledByUnitId: string;
  handledByUnitName: string;
  decided: boolean;
  answer?: { basis: string; vi: string; en: string };
  note?: string;
}

export const actionUpdate = defineUpdate<PetitionSnapshot, [PetitionActionInput]>('action');
export const snapshotQuery = defineQuery<PetitionSnapshot>('snapshot');
export const linkDuplicateUpdate = defineUpdate<PetitionSnapshot, [LinkDuplicateInput]>('linkDuplicate');
/** An admin changed a year's calendar: running clocks are recomputed and their timers re-armed. */
export const calendarChangedSignal = defineSignal<[CalendarYear]>('calendarChanged');
/** What the running clock's due time would become under a changed year, without changing anything. */
export const calendarPreviewQuery = defineQuery<CalendarPreview | null, [CalendarYear]>('calendarPreview');
export interface CalendarPreview {
  clock: ClockName;
  from: string;
  to: string;
}
