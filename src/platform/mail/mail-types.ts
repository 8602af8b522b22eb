// What a mailer is, apart from how it sends: the SMTP mailer and its wrappers (counting, capture in
// tests) all speak this, so none of them has to import another to know the shape.
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same letter as HTML (letterhead, Vietnamese block, English block); the text part always goes too. */
  html?: string;
  /** Stable per notification key, so a relay or a reader can spot a duplicate. */
  messageId: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}
