// What the petition use cases take, free of HTTP: the JSON API, the console and the portal map their
// requests onto these, and the edge's zod schemas are checked against them so the two cannot drift.
import type { PetitionKind } from '../domain/petition/petition-stages';
import type { ResolutionDecision } from '../domain/petition/resolution-decision';

/** How a petition reached the unit (Luật Tiếp công dân; Nghị định 124/2020). */
export const CHANNELS = ['in_person', 'post', 'online', 'phone', 'reception_day', 'dialogue', 'forwarded'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface PetitionerInput {
  fullName: string;
  phone?: string;
  email?: string;
  address?: string;
  isRepresentative?: boolean;
}

export interface CreatePetitionInput {
  kind: PetitionKind;
  receivingUnitId: string;
  channel: Channel;
  field: string;
  subject: string;
  body: string;
  petitioners: PetitionerInput[];
  /** When the unit received it (ISO-8601 with offset). */
  receivedAt: string;
}

export interface ExtensionDecisionInput {
  number: string;
  date: string;
  signer: string;
}

/** The resolution's written record: number, date signed, signer and title (required for a complaint). */
export type ResolutionDecisionInput = ResolutionDecision;

/** One move of a petition, as the officer or leader asks for it. */
export type PetitionActionRequest =
  | { action: 'accept'; note?: string }
  | { action: 'refuse'; reason: string }
  | { action: 'forward'; toUnitId: string; reason: string }
  | { action: 'assign'; assigneeId: string; note?: string }
  | { action: 'startVerification'; note?: string }
  | { action: 'resolve'; summary: string; decision?: ResolutionDecisionInput }
  | { action: 'reportBack'; summary: string }
  | { action: 'withdraw'; reason: string }
  | {
      action: 'setFlags';
      complex?: boolean;
      veryComplex?: boolean;
      remote?: boolean;
      multiSite?: boolean;
      reason: string;
    }
  | { action: 'requestExtension'; days: number; reason: string }
  | { action: 'decideExtension'; approve: boolean; reason: string; decision?: ExtensionDecisionInput };
