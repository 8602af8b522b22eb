// A real SMTP server on loopback that keeps every message it receives as an .eml file, so the default
// run sends real e-mail through nodemailer and anyone can read what went out (the outbox).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface OutboxMessageSummary {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  messageId: string | null;
}

export interface OutboxMessage extends OutboxMessageSummary {
  text: string;
  /** The HTML part, when the message has one. */
  html: string | null;
}

export class OutboxStore {
  private readonly cache = new Map<string, OutboxMessage>();

  constructor(private readonly dir: string) {
    // The messages carry citizens' names and addresses: readable by the service's user only. chmod too,
    // since mkdir leaves an existing folder's mode as it was.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }

  save(raw: Buffer): string {
    // Sortable by arrival: the time prefix keeps the listing in order across restarts.
    const id = `${new Date().toISOString().replace(/[:.]/g, '-')}_${randomUUID().slice(0, 8)}`;
    writeFileSync(path.join(this.dir, `${id}.eml`), raw, { mode: 0o600 });
    return id;
  }

  async list(): Promise<OutboxMessageSummary[]> {
    const ids = readdirSync(this.dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => f.slice(0, -4))
      .sort();
    const messages = await Promise.all(ids.map((id) => this.get(id)));
    return messages.filter((m): m is OutboxMessage => m !== null).map(({ text: _text, html: _html, ...summary }) => summary);
  }

  async get(id: string): Promise<OutboxMessage | null> {
    if (!/^[\w-]+$/.test(id)) return null;
    const cached = this.cache.get(id);
    if (cached) return cached;
    let raw: Buffer;
    try {
      raw = readFileSync(path.join(this.dir, `${id}.eml`));
    } catch {
      return null;
    }
    const parsed = await simpleParser(raw);
    const addresses = (value: typeof parsed.to): string[] =>
      (Array.isArray(value) ? value : value ? [value] : [])
        .flatMap((a) => a.value.map((v) => v.address ?? ''))
        .filter(Boolean);
    const idTime = id.split('_')[0]!.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
    const message: OutboxMessage = {
      id,
      receivedAt: idTime,
      from: parsed.from?.value.map((v) => v.address ?? '').join(', ') ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
    };
    this.cache.set(id, message);
    return message;
  }
}

export interface SmtpSinkHandle {
  url: string;
  port: number;
  store: OutboxStore;
  stop: () => Promise<void>;
}

export async function startSmtpSink(options: { dir: string; port: number; host?: string }): Promise<SmtpSinkHandle> {
  const store = new OutboxStore(options.dir);
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    banner: 'danvan local SMTP sink',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        try {
          store.save(Buffer.concat(chunks));
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `smtp://${host}:${port}`,
    port,
    store,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
