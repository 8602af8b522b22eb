// A sealed document reads back only whole, in order and under its own id.
import { randomBytes } from 'node:crypto';
import { openBlocks, sealBlocks, SEAL_BLOCK_BYTES } from '../../src/petitions/documents/document-seal';

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}
async function* pieces(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const key = randomBytes(32);
const plain = randomBytes(SEAL_BLOCK_BYTES * 2 + 12345);

test('when sealed and opened with the same key and id, then the bytes come back, and the stored bytes are not the plain ones', async () => {
  const sealed = await collect(sealBlocks(key, 'doc-1', pieces(plain, 70_000)));
  expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
  // The store may hand the bytes back in any chunking.
  expect((await collect(openBlocks(key, 'doc-1', pieces(sealed, 333_333)))).equals(plain)).toBe(true);
});

test('when the id, the key, a byte or the length differ, then opening fails', async () => {
  const sealed = await collect(sealBlocks(key, 'doc-1', pieces(plain, 1 << 20)));
  await expect(collect(openBlocks(key, 'doc-2', pieces(sealed, 1 << 20)))).rejects.toThrow();
  await expect(collect(openBlocks(randomBytes(32), 'doc-1', pieces(sealed, 1 << 20)))).rejects.toThrow();
  const flipped = Buffer.from(sealed);
  flipped[flipped.length - 100]! ^= 1;
  await expect(collect(openBlocks(key, 'doc-1', pieces(flipped, 1 << 20)))).rejects.toThrow();
  // Dropping the last frame leaves a stream whose final frame is not marked last.
  const truncated = sealed.subarray(0, 2 * (SEAL_BLOCK_BYTES + 28));
  await expect(collect(openBlocks(key, 'doc-1', pieces(truncated, 1 << 20)))).rejects.toThrow();
});
