import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';

const secret = { fullName: 'Nguyễn Thị Tố Giác', phone: '0987654321' };

test('when a payload is encoded, then its bytes hide the plain text and decode back to the same value', async () => {
  const codec = new AesGcmPayloadCodec([randomBytes(32)]);
  const payload = defaultPayloadConverter.toPayload(secret);
  const [encoded] = await codec.encode([payload]);
  const raw = Buffer.from(encoded!.data!).toString('latin1');
  expect(raw).not.toContain('0987654321');
  expect(Buffer.from(encoded!.data!).includes(Buffer.from('Tố Giác'))).toBe(false);
  const [decoded] = await codec.decode([encoded!]);
  expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(secret);
});

test('when the key was rotated, then old payloads still decode with the old key listed second', async () => {
  const oldKey = randomBytes(32);
  const [oldEncoded] = await new AesGcmPayloadCodec([oldKey]).encode([defaultPayloadConverter.toPayload(secret)]);
  const rotated = new AesGcmPayloadCodec([randomBytes(32), oldKey]);
  expect(defaultPayloadConverter.fromPayload((await rotated.decode([oldEncoded!]))[0]!)).toEqual(secret);
});

test('when the key is wrong or the ciphertext altered, then decoding fails instead of returning garbage', async () => {
  const [encoded] = await new AesGcmPayloadCodec([randomBytes(32)]).encode([defaultPayloadConverter.toPayload(secret)]);
  await expect(new AesGcmPayloadCodec([randomBytes(32)]).decode([encoded!])).rejects.toThrow(/no payload key/);
  const key = randomBytes(32);
  const codec = new AesGcmPayloadCodec([key]);
  const [mine] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
  const tampered = Buffer.from(mine!.data!);
  tampered[20] = tampered[20]! ^ 0xff;
  await expect(codec.decode([{ ...mine!, data: tampered }])).rejects.toThrow();
});

test('when a payload was never encrypted, then it passes through unchanged', async () => {
  const codec = new AesGcmPayloadCodec([randomBytes(32)]);
  const plain = defaultPayloadConverter.toPayload('hello');
  expect(await codec.decode([plain])).toEqual([plain]);
});
