// The conference and commitment workflows' activity inputs: plain JSON, as they sit in the histories.
import type { ConferenceRecipient, ConferenceTemplate } from '../../src/domain/conference/notification-types';

export interface RecordConferenceInput {
  key: string;
  conferenceId: string;
  version: number;
  fields: {
    status: string;
    attendeeCount: number | null;
    heldAt: string | null;
    resultsDueAt: string | null;
    publishedAt: string | null;
  };
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export interface RecordCommitmentInput {
  key: string;
  commitmentId: string;
  version: number;
  fields: { status: string; progress: number; escalated: boolean; fulfilledAt: string | null };
  event: { type: string; actorId?: string; note?: string; data?: Record<string, unknown> };
  at: string;
}

export interface SendConferenceMailInput {
  key: string;
  conferenceId: string;
  commitmentId?: string;
  /** The opinion the e-mail is about (its field and words, never its author). */
  opinionId?: string;
  template: ConferenceTemplate;
  recipient: ConferenceRecipient;
  data?: Record<string, string>;
  invitation?: boolean;
}

export interface PublishConferenceNoticeInput {
  key: string;
  conferenceId: string;
  kind: 'announced' | 'results';
}
