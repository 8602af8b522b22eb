// The kept copy of an e-mail to a sealed denouncer: it greets them by name, so it is stored only as
// AES-256-GCM under the identity key, like the identity itself (Luật Tố cáo 2018, Đ.47).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface MailCopy {
  text: string;
  html: string | null;
}

export function sealMailCopy(identityKey: Buffer, copy: MailCopy): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', identityKey, iv);
  const plain = Buffer.from(JSON.stringify(copy));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export function openMailCopy(identityKey: Buffer, sealed: string): MailCopy {
  const data = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', identityKey, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as MailCopy;
}
