// The one file of a console upload form (multipart/form-data, no JavaScript), read as a stream: the bytes
// of its part are handed on as they arrive, holding back only what could be the start of the closing
// boundary, so the document intake (size limit, magic bytes, SHA-256) sees them before the request ends
// and a 20 MB scan never sits whole in memory. Small fields before the file (which decision a document
// belongs to) are kept, bounded; the form puts them before its file input, as browsers send in that order.
import { AppError } from '../errors';

/** A part's headers, and the small fields a form may send before its file, are never larger than this. */
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_SKIPPED_BYTES = 64 * 1024;

export interface MultipartFile {
  /** The name the browser gave (a path on some old browsers: only its last segment is kept). */
  fileName: string;
  body: AsyncIterable<Buffer>;
  /** The text fields sent before the file (a repeated name keeps its first value). */
  fields: Record<string, string>;
}

const malformed = (why: string) =>
  new AppError('ValidationFailed', `the upload is not a well-formed multipart form: ${why}`, [
    { path: 'file', message: why },
  ]);

export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]!) : null;
}

function fieldNameOf(headers: string): string | null {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1];
  return disposition ? (/;\s*name="((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1] ?? null) : null;
}

function fileNameOf(headers: string): string | null {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1];
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="((?:[^"\\]|\\.)*)"/i.exec(disposition);
  if (!plain) return null;
  return plain[1]!.replace(/\\(.)/g, '$1').split(/[\\/]/).pop()!;
}

/**
 * Reads up to the first part that carries a file and returns its name and a stream of its bytes; the rest
 * of the request (the closing boundary) is read and dropped once the file's bytes are consumed.
 */
export async function readMultipartFile(source: AsyncIterable<Buffer>, boundary: string): Promise<MultipartFile> {
  const input = source[Symbol.asyncIterator]();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with `--boundary`: a leading CRLF makes every delimiter look the same.
  let buf: Buffer = Buffer.from('\r\n');
  let ended = false;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await input.next();
    if (next.done) {
      ended = true;
      return false;
    }
    buf = buf.length ? Buffer.concat([buf, next.value as Buffer]) : (next.value as Buffer);
    return true;
  };
  let skipped = 0;
  /**
   * Moves past the next delimiter, handing what stood before it (a field's value) to `keep`; false when
   * the form has no more parts. All the fields together are bounded, not only each one.
   */
  const skipToNextPart = async (keep?: (value: Buffer) => void): Promise<boolean> => {
    let idx: number;
    while ((idx = buf.indexOf(delimiter)) < 0) {
      if (skipped + buf.length > MAX_SKIPPED_BYTES) throw malformed('a field before the file is too large');
      if (!(await more())) throw malformed('the closing boundary is missing');
    }
    skipped += idx;
    if (skipped > MAX_SKIPPED_BYTES) throw malformed('a field before the file is too large');
    keep?.(buf.subarray(0, idx));
    buf = buf.subarray(idx + delimiter.length);
    while (buf.length < 2) if (!(await more())) throw malformed('the form ends inside a boundary');
    if (buf[0] === 0x2d && buf[1] === 0x2d) return false; // `--`: the last boundary
    return true;
  };
  const readHeaders = async (): Promise<string> => {
    let idx: number;
    while ((idx = buf.indexOf('\r\n\r\n')) < 0) {
      if (buf.length > MAX_HEADER_BYTES) throw malformed('a part has too large headers');
      if (!(await more())) throw malformed('the form ends inside a part’s headers');
    }
    const headers = buf.subarray(0, idx).toString('utf8');
    buf = buf.subarray(idx + 4);
    return headers;
  };

  // No prototype: a field named `__proto__` or `constructor` is a field like any other.
  const fields = Object.create(null) as Record<string, string>;
  if (!(await skipToNextPart())) throw malformed('the form has no file');
  for (;;) {
    const headers = await readHeaders();
    const fileName = fileNameOf(headers);
    if (fileName !== null) return { fileName, body: fileBytes(), fields };
    const name = fieldNameOf(headers);
    const keep = (value: Buffer) => {
      if (name !== null && !Object.hasOwn(fields, name)) fields[name] = value.toString('utf8');
    };
    if (!(await skipToNextPart(keep))) throw malformed('the form has no file');
  }

  async function* fileBytes(): AsyncGenerator<Buffer> {
    for (;;) {
      const idx = buf.indexOf(delimiter);
      if (idx >= 0) {
        if (idx > 0) yield buf.subarray(0, idx);
        buf = Buffer.alloc(0);
        // The epilogue: read to the end so the response is not sent over a request still arriving.
        while (await more()) buf = Buffer.alloc(0);
        return;
      }
      // Keep the tail that could be the first bytes of the delimiter; the rest is the file's.
      const safe = buf.length - (delimiter.length - 1);
      if (safe > 0) {
        const out = buf.subarray(0, safe);
        buf = buf.subarray(safe);
        yield out;
      }
      if (!(await more())) throw malformed('the form ends inside the file');
    }
  }
}
