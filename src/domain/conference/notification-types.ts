// E-mails the conference and commitment workflows send (texts in src/conferences/templates.ts).
export const CONFERENCE_TEMPLATES = [
  'conferenceAnnounced',
  'conferenceReminder',
  'resultsDueSoon',
  'resultsOverdue',
  'opinionOutcome',
  'opinionReferred',
  'commitmentAssigned',
  'commitmentReminder',
  'commitmentEscalation',
  'commitmentProgress',
  'commitmentFulfilled',
] as const;
export type ConferenceTemplate = (typeof CONFERENCE_TEMPLATES)[number];

export type ConferenceRecipient =
  | { type: 'person'; personId: string }
  | { type: 'unitLeader'; unitId: string }
  /** The participant who raised an opinion, if they left an e-mail address. */
  | { type: 'participant'; opinionId: string }
  /** Every participant who left an e-mail address, each about their own opinion. */
  | { type: 'participants' };
