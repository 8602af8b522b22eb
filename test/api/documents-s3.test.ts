// The case file with BLOB_STORE=s3: the same routes, the bytes in an S3-protocol store (s3rver on a local
// port). What the object store holds of a denunciation's document is ciphertext — the seal is put on before
// the bytes leave the service — while a complaint's document is stored as it came.
import request from 'supertest';
import { createS3BlobStore } from '../../src/platform/blob/s3-blob-store';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { CapturingMailer } from '../support/capturing-mailer';
import { pdfFile, pngFile } from '../support/document-files';
import { startS3Server, type S3Server } from '../support/s3-server';

let h: ApiHarness;
let s3: S3Server;
let officer: string;

beforeAll(async () => {
  s3 = await startS3Server('docs');
  const blobStore = createS3BlobStore(s3.options);
  h = await startApiHarness({
    caseFile: { blobStore, documentMaxBytes: 25 * 1024 * 1024, mailer: new CapturingMailer(), appUrl: 'http://x' },
  });
  officer = await h.login(h.org.officer.username);
}, 120_000);

afterAll(async () => {
  await h?.stop();
  await s3?.close();
});

async function register(kind: 'complaint' | 'denunciation'): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind,
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: 'land',
      subject: 'Đơn có tài liệu',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Trần Thị Lưu', phone: '0912000222' }],
    })
    .expect(201);
  return res.body.id;
}

test('documents go to the object store and come back whole; a sealed one is ciphertext there', async () => {
  const complaint = await register('complaint');
  const pdf = pdfFile('BAN-GOC-KHIEU-NAI');
  const plain = await request(h.app)
    .post(`/api/v1/petitions/${complaint}/documents?fileName=don.pdf`)
    .set(auth(officer))
    .set('content-type', 'application/octet-stream')
    .send(pdf)
    .expect(201);

  const denunciation = await register('denunciation');
  const signature = pngFile('CHU-KY-TO-CAO-S3');
  const sealed = await request(h.app)
    .post(`/api/v1/petitions/${denunciation}/documents?fileName=chu-ky.png`)
    .set(auth(officer))
    .set('content-type', 'application/octet-stream')
    .send(signature)
    .expect(201);
  expect(sealed.body.sealed).toBe(true);

  const files = s3.storedFiles();
  expect(files.some((f) => f.includes(Buffer.from('BAN-GOC-KHIEU-NAI')))).toBe(true);
  expect(files.some((f) => f.includes(Buffer.from('CHU-KY-TO-CAO-S3')))).toBe(false);
  // No chunk of the case file went to PostgreSQL.
  expect(await h.db.prisma.blobChunk.count()).toBe(0);

  const get = (url: string) =>
    request(h.app)
      .get(url)
      .set(auth(officer))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
  expect((await get(plain.body.downloadUrl).expect(200)).body.equals(pdf)).toBe(true);
  const opened = await get(`${sealed.body.downloadUrl}?reason=${encodeURIComponent('Đối chiếu chữ ký')}`).expect(200);
  expect(opened.body.equals(signature)).toBe(true);
});
