// Where the payload key comes from: PAYLOAD_KEY (base64, production) or a key file that a development
// run creates on first start. Losing the key makes existing histories unreadable, so it is never rotated
// silently: a new key is generated only when no key file exists yet.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PayloadKeySource {
  base64?: string;
  file: string;
}

export function loadPayloadKeys(source: PayloadKeySource, options: { createIfMissing: boolean }): Buffer[] {
  const text = source.base64 ?? readKeyFile(source.file, options.createIfMissing);
  // Comma-separated: the first key encrypts, older ones still decrypt.
  const keys = text.split(',').map((part) => Buffer.from(part.trim(), 'base64'));
  for (const key of keys) {
    if (key.length !== 32) throw new Error('PAYLOAD_KEY must be base64 of 32 bytes (comma-separated for rotation)');
  }
  return keys;
}

function readKeyFile(file: string, createIfMissing: boolean): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!createIfMissing) throw new Error(`payload key file ${file} does not exist; set PAYLOAD_KEY or PAYLOAD_KEY_FILE`);
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
