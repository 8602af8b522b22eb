// What the workflow asks the notification activity to send, and to whom. Recipients are references
// (resolved to addresses in the activity), so no address or citizen name ever enters a workflow history.

export const NOTIFICATION_TEMPLATES = [
  'acknowledgement',
  'assigned',
  'refused',
  'forwarded',
  'forwardedIn',
  'result',
  'withdrawn',
  'officerReminder',
  'leaderReminder',
  'escalation',
  'extensionRequested',
  'extended',
  'forwardLimit',
  'accepted',
  'duplicate',
  'alreadyDecided',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export type RecipientRef =
  | { type: 'citizen' }
  | { type: 'person'; personId: string }
  /** The responsible leader of a unit (DOMAIN.md: each locality has one). */
  | { type: 'unitLeader'; unitId: string };

export interface SendNotificationInput {
  /** workflowId + step: the same key on a retry means the same e-mail, sent once. */
  key: string;
  petitionId: string;
  template: NotificationTemplate;
  recipient: RecipientRef;
  data?: Record<string, string>;
}

export interface SendNotificationResult {
  /** People notified (empty for citizens, whose identity stays out of histories). */
  recipientIds: string[];
  sent: number;
  skipped: number;
}
