// AES-256-GCM payload codec: petitioners' personal data and everything else that passes through
// Temporal is encrypted before it leaves the process, so histories hold ciphertext only.
// Used by the client, the worker and the history endpoint (which decodes for supervisors).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
const KEY_ID_KEY = 'encryption-key-id';
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  /** The first key encrypts; all keys decrypt, so a key can be rotated without losing old histories. */
  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new ValueError('at least one payload key is needed');
    for (const key of keys) {
      if (key.length !== 32) throw new ValueError('payload keys must be 32 bytes (AES-256)');
    }
    this.keys = new Map(keys.map((key) => [keyIdOf(key), key]));
    this.currentKeyId = keyIdOf(keys[0]!);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const key = this.keys.get(this.currentKeyId)!;
      const iv = randomBytes(IV_LENGTH);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const encrypted = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: encoder.encode(ENCODING),
          [KEY_ID_KEY]: encoder.encode(this.currentKeyId),
        },
        data: encrypted,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || decoder.decode(encoding) !== ENCODING) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_KEY];
      if (!keyIdBytes) throw new ValueError('encrypted payload without a key id');
      const keyId = decoder.decode(keyIdBytes);
      const key = this.keys.get(keyId);
      if (!key) throw new ValueError(`no payload key with id ${keyId}`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const iv = data.subarray(0, IV_LENGTH);
      const tag = data.subarray(data.length - TAG_LENGTH);
      const body = data.subarray(IV_LENGTH, data.length - TAG_LENGTH);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(body), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
