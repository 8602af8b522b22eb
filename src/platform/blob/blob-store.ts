// Where document bytes live. PostgreSQL by default, so one database backup holds the whole case file; an
// S3-compatible object store can stand behind the same interface in production (see README, "Documents").
// Callers hand over and read back ordered chunks, never a whole file: a 20 MB scan stays out of memory.

/** A blob is written once, read back in order, and removed; it is never changed in place. */
export interface BlobStore {
  readonly kind: string;
  /**
   * Stores the chunks under `key` in order. The iterable is consumed one chunk at a time (backpressure
   * reaches the request). On failure the caller removes what was written with `remove`.
   */
  put(key: string, chunks: AsyncIterable<Buffer>): Promise<{ bytes: number; parts: number }>;
  /** The stored bytes in order, in chunks of the store's choosing. */
  get(key: string): AsyncIterable<Buffer>;
  remove(key: string): Promise<void>;
  /** Resolves when a store that is a service of its own (not the database) answers; for readiness. */
  reachable?(): Promise<void>;
}

/** The largest chunk a store keeps in one row or part. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** Cuts a byte stream into pieces of exactly `size` bytes (the last one shorter), copying only at seams. */
export async function* rechunk(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  size: number,
): AsyncIterable<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let buf =
      typeof piece === 'string'
        ? Buffer.from(piece)
        : Buffer.isBuffer(piece)
          ? piece
          : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (buf.length > 0) {
      const take = Math.min(size - held, buf.length);
      parts.push(buf.subarray(0, take));
      held += take;
      buf = buf.subarray(take);
      if (held === size) {
        yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
        parts = [];
        held = 0;
      }
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}
