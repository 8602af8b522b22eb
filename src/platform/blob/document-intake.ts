// What every document goes through on its way in, whatever it is attached to: the size limit, the
// content check by magic bytes, and the SHA-256, all while the bytes stream past (a 20 MB scan is never
// held whole in memory).
import { createHash } from 'node:crypto';
import { AppError } from '../../errors';
import { SNIFF_BYTES, sniffDocumentType, type DocumentType } from './content-type';

export function documentTooLarge(maxBytes: number): AppError {
  return new AppError('PayloadTooLarge', `a document may be at most ${maxBytes} bytes (DOCUMENT_MAX_BYTES)`, [
    { path: 'file', message: `larger than ${maxBytes} bytes` },
  ]);
}

/**
 * Passes the bytes through while counting, hashing and sniffing them. Nothing reaches the store until the
 * first SNIFF_BYTES (or the whole file, if shorter) have been recognised, so a refused file writes nothing.
 */
export function inspectDocument(source: AsyncIterable<Buffer | Uint8Array | string>, maxBytes: number) {
  const hash = createHash('sha256');
  let bytes = 0;
  let type: DocumentType | null = null;
  const decide = (head: Buffer) => {
    type = sniffDocumentType(head);
    if (!type)
      throw new AppError(
        'UnsupportedMediaType',
        'only PDF, JPEG, PNG, DOCX and ODT documents are accepted (told by their content, not their name)',
        [{ path: 'file', message: 'not a PDF, JPEG, PNG, DOCX or ODT file' }],
      );
  };
  async function* chunks(): AsyncIterable<Buffer> {
    let head: Buffer[] = [];
    let headBytes = 0;
    for await (const piece of source) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
      bytes += buf.length;
      if (bytes > maxBytes) throw documentTooLarge(maxBytes);
      hash.update(buf);
      if (type) {
        yield buf;
        continue;
      }
      head.push(buf);
      headBytes += buf.length;
      if (headBytes >= SNIFF_BYTES) {
        const whole = Buffer.concat(head, headBytes);
        decide(whole);
        head = [];
        yield whole;
      }
    }
    if (!type) {
      if (headBytes === 0)
        throw new AppError('ValidationFailed', 'the document is empty', [{ path: 'file', message: 'empty' }]);
      const whole = Buffer.concat(head, headBytes);
      decide(whole);
      yield whole;
    }
  }
  return { chunks: chunks(), bytes: () => bytes, sha256: () => hash.digest('hex'), type: () => type! };
}

