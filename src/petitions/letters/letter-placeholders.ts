// The placeholder syntax of a unit's letter templates: `{{name}}`, letters and digits only, nothing else
// (no expressions, no loops, no raw HTML), so an admin's text cannot run code or inject markup. Which
// names a template may use is fixed per template; an unknown name is refused when the template is saved,
// never discovered when a citizen's letter is sent.
import type { FieldError } from '../../errors';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '../../domain/petition/notification-types';

const COMMON = ['trackingCode', 'subject', 'kindVi', 'kindEn', 'unitName', 'recipientName', 'link'] as const;

/** Per template, what its data carries beside the common names (see the workflow's notices). */
const EXTRA: Record<NotificationTemplate, readonly string[]> = {
  acknowledgement: [],
  assigned: [],
  refused: ['reason'],
  forwarded: ['reason'],
  forwardedIn: ['petitionerName'],
  result: ['summary'],
  withdrawn: [],
  officerReminder: ['dueAt', 'clockVi', 'clockEn'],
  leaderReminder: ['dueAt', 'clockVi', 'clockEn'],
  escalation: ['dueAt', 'clockVi', 'clockEn'],
  extensionRequested: ['days'],
  extended: ['dueAt', 'decision'],
  forwardLimit: [],
  accepted: [],
  duplicate: ['ofTrackingCode', 'handledBy'],
  alreadyDecided: ['ofTrackingCode', 'handledBy', 'answerVi', 'answerEn'],
};

export function placeholdersOf(template: NotificationTemplate): string[] {
  return [...COMMON, ...EXTRA[template]];
}

export function isNotificationTemplate(value: string): value is NotificationTemplate {
  return (NOTIFICATION_TEMPLATES as readonly string[]).includes(value);
}

const TOKEN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Every problem of one field: a brace pair that is not a placeholder, or a name the template lacks. */
export function checkPlaceholders(path: string, text: string, allowed: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const stripped = text.replace(TOKEN, (_m, name: string) => {
    if (!allowed.includes(name))
      problems.push({
        path,
        message: `unknown placeholder {{${name}}}; this template knows ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
      });
    return '';
  });
  if (stripped.includes('{{') || stripped.includes('}}'))
    problems.push({ path, message: 'a "{{" or "}}" that is not a placeholder such as {{trackingCode}}' });
  return problems;
}

/** The text with each placeholder replaced; values are plain text (the HTML part escapes them). */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(TOKEN, (_m, name: string) => values[name] ?? '');
}
