// An iCalendar (RFC 5545) invitation for a reception session or conference, attached to e-mails. The UID
// is the session id, and SEQUENCE grows with each postponement, so calendars move the event instead of
// adding a second one.
export interface IcsEvent {
  uid: string;
  sequence: number;
  startMs: number;
  endMs: number;
  summary: string;
  location: string;
  description: string;
  stampMs: number;
  cancelled?: boolean;
}

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = out.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch) > limit) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function renderIcs(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//danvan//tiep cong dan//VI',
    `METHOD:${event.cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}@danvan`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stampMs)}`,
    `DTSTART:${utc(event.startMs)}`,
    `DTEND:${utc(event.endMs)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The invitation as an e-mail attachment that calendar clients offer to accept. */
export function icsAttachment(
  filename: string,
  event: IcsEvent,
): { filename: string; contentType: string; content: string } {
  return { filename, contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: renderIcs(event) };
}
