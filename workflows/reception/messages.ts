// The contract between the API and the reception workflows: inputs, signals, updates and queries.
// Only ids, dates and rules travel here; citizens' names and contacts stay in the database.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Occurrence, ReceptionRule } from '../../src/domain/reception/schedule-rule';

export const RECEPTION_CYCLE_WORKFLOW_TYPE = 'receptionCycleWorkflow';
export const RECEPTION_SESSION_WORKFLOW_TYPE = 'receptionSessionWorkflow';

export const cycleWorkflowId = (scheduleId: string) => `reception-cycle-${scheduleId}`;
export const sessionWorkflowId = (scheduleId: string, nominalDay: string) => `reception-${scheduleId}-${nominalDay}`;

export interface ReceptionSpec {
  scheduleId: string;
  unitId: string;
  leaderId: string;
  deputyId: string | null;
  rule: ReceptionRule;
  /** Local time the session opens, "HH:MM" (Asia/Ho_Chi_Minh). */
  startTime: string;
  durationMinutes: number;
  location: string;
  announceDaysBefore: number;
  jointUnitIds: string[];
  /** Increases with every edit: an older edit arriving late is ignored. */
  version: number;
}

export interface ReceptionCycleInput {
  spec: ReceptionSpec;
  /** The cycle looks for the first occurrence held strictly after this day. */
  afterDay: string;
  /** Sessions started by this cycle so far (carried across continue-as-new). */
  started: number;
}

export interface CycleState {
  specVersion: number;
  next: Occurrence | null;
  announceAt: string | null;
  started: number;
}

export const scheduleChangedSignal = defineSignal<[ReceptionSpec]>('scheduleChanged');
export const stopCycleSignal = defineSignal('stopCycle');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');

export interface ReceptionSessionInput {
  sessionId: string;
  scheduleId: string;
  unitId: string;
  nominalDay: string;
  day: string;
  startTime: string;
  durationMinutes: number;
  location: string;
  leaderId: string;
  jointUnitIds: string[];
}

export type SessionStatus = 'announced' | 'open' | 'closed';

export type SessionAction =
  | { action: 'postpone'; day: string; reason: string; actorId: string }
  | { action: 'delegate'; deputyId: string; reason: string; actorId: string }
  | { action: 'registered'; registrationId: string }
  | {
      action: 'recordMatter';
      matterId: string;
      outcome: 'answered' | 'petition' | 'explained';
      petitionId?: string;
      actorId: string;
    }
  | { action: 'close'; attendeeCount: number; actorId: string };

export interface SessionSnapshot {
  sessionId: string;
  status: SessionStatus;
  day: string;
  startsAt: string;
  receivingLeaderId: string;
  postponements: number;
  matters: { answered: number; petition: number; explained: number };
  attendeeCount: number | null;
  version: number;
}

export const sessionActionUpdate = defineUpdate<SessionSnapshot, [SessionAction]>('sessionAction');
export const sessionStateQuery = defineQuery<SessionSnapshot>('sessionState');
