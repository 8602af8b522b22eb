// The reception workflows' activity inputs: plain JSON, as they sit in the histories.
import type { ReceptionTemplate } from '../../src/reception/templates';

export interface SessionRowSnapshot {
  sessionId: string;
  scheduleId: string;
  unitId: string;
  nominalDay: string;
  day: string;
  startsAt: string;
  durationMinutes: number;
  status: string;
  leaderId: string;
  receivingLeaderId: string;
  jointUnitIds: string[];
  location: string;
  attendeeCount: number | null;
  postponements: number;
  version: number;
}

export interface RecordReceptionSessionInput {
  key: string;
  snapshot: SessionRowSnapshot;
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export type ReceptionRecipient =
  | { type: 'person'; personId: string }
  | { type: 'unitLeader'; unitId: string }
  | { type: 'registrants' }
  | { type: 'registration'; registrationId: string };

export interface SendReceptionMailInput {
  key: string;
  sessionId: string;
  template: ReceptionTemplate;
  recipient: ReceptionRecipient;
  data?: Record<string, string>;
  /** Attach the session as an .ics invitation. */
  invitation?: boolean;
}

export interface PublishReceptionNoticeInput {
  key: string;
  sessionId: string;
  kind: 'announced' | 'postponed';
  data?: Record<string, string>;
}
