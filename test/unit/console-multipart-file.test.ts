// The console's upload reader: the file's bytes come out exactly, wherever the network cuts the chunks
// (a boundary split across two chunks included), and before the request has ended (streamed, not held).
import { multipartBoundary, readMultipartFile } from '../../src/console/multipart-file';

const BOUNDARY = '----formdata-danvan-7f3a';

function form(file: Buffer, fileName = 'giấy tờ.pdf'): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nkhông phải tệp\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

test('the boundary is read from the content type, quoted or not, and anything else is no upload', () => {
  expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
  expect(multipartBoundary(`multipart/form-data; boundary="${BOUNDARY}"`)).toBe(BOUNDARY);
  expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
  expect(multipartBoundary(undefined)).toBeNull();
});

test('whatever the chunk size, the file comes out byte for byte, with its name, even when it holds CRLF and dashes', async () => {
  // Bytes that look like the start of a delimiter, but are not one.
  const file = Buffer.concat([
    Buffer.from('%PDF-1.7\r\n--'),
    Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}x`),
    Buffer.alloc(300, 7),
  ]);
  for (const size of [1, 2, 3, 7, 16, 64, 4096]) {
    const read = await readMultipartFile(chunked(form(file), size), BOUNDARY);
    expect(read.fileName).toBe('giấy tờ.pdf');
    expect(Buffer.compare(await collect(read.body), file)).toBe(0);
  }
});

test('the first bytes are handed on before the request ends', async () => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const whole = form(Buffer.alloc(200_000, 1));
  async function* slow(): AsyncGenerator<Buffer> {
    yield whole.subarray(0, 100_000);
    await held; // the rest arrives only when the test says so
    yield whole.subarray(100_000);
  }
  const read = await readMultipartFile(slow(), BOUNDARY);
  const it = read.body[Symbol.asyncIterator]();
  const first = await it.next();
  expect(first.done).toBe(false);
  expect((first.value as Buffer).length).toBeGreaterThan(90_000);
  release();
  let rest = 0;
  for (let next = await it.next(); !next.done; next = await it.next()) rest += next.value.length;
  expect((first.value as Buffer).length + rest).toBe(200_000);
});

test('a form without a file, or cut off inside the file, is refused as malformed', async () => {
  const noFile = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  );
  await expect(readMultipartFile(chunked(noFile, 8), BOUNDARY)).rejects.toMatchObject({ code: 'ValidationFailed' });
  const cut = form(Buffer.alloc(1000, 1)).subarray(0, 600);
  const read = await readMultipartFile(chunked(cut, 8), BOUNDARY);
  await expect(collect(read.body)).rejects.toMatchObject({ code: 'ValidationFailed' });
});

test('when text fields come before the file, then they are kept with their values, the first of a repeated name winning', async () => {
  const field = (name: string, value: string) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const body = Buffer.concat([
    field('decisionId', 'ev-1'),
    field('decisionId', 'ev-2'),
    field('__proto__', 'x'),
    form(Buffer.from('%PDF-1.7')),
  ]);
  for (const size of [1, 5, 4096]) {
    const read = await readMultipartFile(chunked(body, size), BOUNDARY);
    expect(Object.entries(read.fields)).toEqual([
      ['decisionId', 'ev-1'],
      ['__proto__', 'x'],
      ['note', 'không phải tệp'],
    ]);
    expect((await collect(read.body)).toString()).toBe('%PDF-1.7');
  }
});

test('when the fields before the file are larger than the bound together, then the form is refused', async () => {
  const many = Array.from({ length: 5 }, (_, i) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${'a'.repeat(20_000)}\r\n`),
  );
  await expect(
    readMultipartFile(chunked(Buffer.concat([...many, form(Buffer.from('%PDF'))]), 4096), BOUNDARY),
  ).rejects.toThrow('a field before the file is too large');
});
