// A denunciation's documents can reveal the denouncer (handwriting, signature: Luật Tố cáo 2018 Đ.47), so
// they are sealed like the identity. Each 1 MiB block is its own AES-256-GCM frame (iv | ciphertext | tag)
// bound to its document and position, so a download is decrypted and verified block by block without
// holding the file, and frames cannot be swapped between documents or reordered.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { rechunk } from '../../platform/blob/blob-store';

export const SEAL_BLOCK_BYTES = 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FRAME_BYTES = SEAL_BLOCK_BYTES + IV_BYTES + TAG_BYTES;

/** The document key, derived from the identity key so the sealed zone has one secret to manage. */
export function deriveDocumentKey(identityKey: Buffer): Buffer {
  return createHash('sha256').update('danvan-document').update(identityKey).digest();
}

function aad(documentId: string, index: number, last: boolean): Buffer {
  return Buffer.from(`${documentId}:${index}:${last ? 'last' : 'more'}`);
}

export async function* sealBlocks(
  key: Buffer,
  documentId: string,
  plain: AsyncIterable<Buffer>,
): AsyncIterable<Buffer> {
  let index = 0;
  let pending: Buffer | null = null;
  // One block of look-ahead marks the last frame, so a truncated blob fails authentication.
  for await (const block of rechunk(plain, SEAL_BLOCK_BYTES)) {
    if (pending) yield sealOne(key, documentId, index++, pending, false);
    pending = block;
  }
  yield sealOne(key, documentId, index, pending ?? Buffer.alloc(0), true);
}

function sealOne(key: Buffer, documentId: string, index: number, block: Buffer, last: boolean): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(documentId, index, last));
  return Buffer.concat([iv, cipher.update(block), cipher.final(), cipher.getAuthTag()]);
}

export async function* openBlocks(
  key: Buffer,
  documentId: string,
  sealed: AsyncIterable<Buffer>,
): AsyncIterable<Buffer> {
  let index = 0;
  let pending: Buffer | null = null;
  for await (const frame of rechunk(sealed, FRAME_BYTES)) {
    if (pending) yield openOne(key, documentId, index++, pending, false);
    pending = frame;
  }
  if (!pending) throw new Error('sealed document is empty');
  yield openOne(key, documentId, index, pending, true);
}

function openOne(key: Buffer, documentId: string, index: number, frame: Buffer, last: boolean): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, frame.subarray(0, IV_BYTES));
  decipher.setAAD(aad(documentId, index, last));
  decipher.setAuthTag(frame.subarray(frame.length - TAG_BYTES));
  return Buffer.concat([decipher.update(frame.subarray(IV_BYTES, frame.length - TAG_BYTES)), decipher.final()]);
}

/** A sealed document's own file name (it can name the denouncer), as iv | ciphertext | tag in base64. */
export function sealText(key: Buffer, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from('name'));
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export function openText(key: Buffer, sealed: string): string {
  const data = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from('name'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
