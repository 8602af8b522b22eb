// E-mails the reception workflows send (texts in src/reception/templates.ts).
export const RECEPTION_TEMPLATES = [
  'receptionAnnounced',
  'receptionReminder',
  'receptionPostponed',
  'receptionDelegated',
  'receptionRegistered',
  'receptionMinutesDue',
] as const;
export type ReceptionTemplate = (typeof RECEPTION_TEMPLATES)[number];
