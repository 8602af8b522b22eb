// What a file is, told by its first bytes and never by its name or the Content-Type the client sent
// (a renamed .exe is not a PDF). Pure: the same answer for the same bytes.

export type DocumentType = 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt';

export const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

export const EXTENSIONS: Record<DocumentType, string> = {
  pdf: '.pdf',
  jpeg: '.jpg',
  png: '.png',
  docx: '.docx',
  odt: '.odt',
};

/** How many leading bytes the sniffer needs to decide; fewer are enough when the file is shorter. */
export const SNIFF_BYTES = 64 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** The type of a file from its leading bytes (up to SNIFF_BYTES), or null when it is none we accept. */
export function sniffDocumentType(head: Buffer): DocumentType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(PNG)) return 'png';
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return sniffZipDocument(head);
  return null;
}

/**
 * DOCX and ODT are both ZIP archives; a ZIP that is neither (or a ZIP with a macro-enabled or unknown
 * payload) is refused. ODF requires its first entry to be an uncompressed "mimetype" (ODF 1.2 part 3 §3.3);
 * OOXML packages carry [Content_Types].xml and a word/ part, found among the local headers at the start.
 */
function sniffZipDocument(head: Buffer): DocumentType | null {
  if (head.length < 30) return null;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const firstName = head.subarray(30, 30 + nameLength).toString('latin1');
  if (firstName === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    return head.subarray(start, start + ODT_MIMETYPE.length).toString('latin1') === ODT_MIMETYPE ? 'odt' : null;
  }
  const names = zipEntryNames(head);
  if (
    names.includes('[Content_Types].xml') &&
    names.some((n) => n.startsWith('word/')) &&
    !names.includes('word/vbaProject.bin')
  )
    return 'docx';
  return null;
}

function zipEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= head.length && head.readUInt32LE(offset) === 0x04034b50) {
    const flags = head.readUInt16LE(offset + 6);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    names.push(head.subarray(offset + 30, offset + 30 + nameLength).toString('utf8'));
    // Bit 3: sizes follow the data in a descriptor; the next header cannot be found without inflating.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** A safe display name: no path, no control characters, and the extension of what the file really is. */
export function safeFileName(given: string | undefined, type: DocumentType): string {
  const base =
    (given ?? '')
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 200) || 'tai-lieu';
  const ext = EXTENSIONS[type];
  const lower = base.toLowerCase();
  const already = lower.endsWith(ext) || (type === 'jpeg' && lower.endsWith('.jpeg'));
  return already ? base : `${base}${ext}`;
}
