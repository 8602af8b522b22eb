// A case file's documents: told by content, limited in size, streamed (a 20 MB scan with bounded memory),
// readable with the case; a denunciation's documents sealed and opened only by the entitled, each opening logged.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { docxFile, htmlFile, jpegFile, odtFile, pdfFile, plainZipFile, pngFile } from '../support/document-files';
import { uploadDocument } from '../../src/petitions/documents/documents';
import { createPostgresBlobStore } from '../../src/platform/blob/postgres-blob-store';
import { TEST_IDENTITY_KEY } from '../support/keys';

let h: ApiHarness;
let officer: string;
let leader: string;
let otherOfficer: string;
let supervisor: string;
let colleague: { id: string; token: string };

beforeAll(async () => {
  h = await startApiHarness();
  [officer, leader, otherOfficer, supervisor] = await Promise.all([
    h.login(h.org.officer.username),
    h.login(h.org.communeLeader.username),
    h.login(h.org.otherOfficer.username),
    h.login(h.org.supervisor.username),
  ]);
  // A second officer of the same commune: reads the case, but did not register it nor is assigned to it.
  const template = await h.db.prisma.person.findUniqueOrThrow({ where: { id: h.org.officer.id } });
  const id = `co-${randomBytes(3).toString('hex')}`;
  await h.db.prisma.person.create({
    data: {
      id,
      username: id,
      fullName: 'Cán Bộ Khác',
      email: `${id}@example.test`,
      passwordHash: template.passwordHash,
      unitId: h.org.communeId,
    },
  });
  await h.db.prisma.roleBinding.create({ data: { personId: id, role: 'officer', unitId: h.org.communeId } });
  colleague = { id, token: await h.login(id) };
});

afterAll(async () => {
  await h?.stop();
});

async function register(kind: 'complaint' | 'denunciation', name = 'Nguyễn Văn Đơn'): Promise<string> {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind,
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: 'land',
      subject: 'Khiếu nại thu hồi đất',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: name, phone: '0912000111' }],
    })
    .expect(201);
  return res.body.id;
}

const upload = (petitionId: string, token: string, body: Buffer, fileName?: string) =>
  request(h.app)
    .post(`/api/v1/petitions/${petitionId}/documents${fileName ? `?fileName=${encodeURIComponent(fileName)}` : ''}`)
    .set(auth(token))
    .set('content-type', 'application/octet-stream')
    .send(body);

const download = (url: string, token: string) =>
  request(h.app)
    .get(url)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => cb(null, Buffer.concat(parts)));
    });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('when an officer of the unit attaches files, then each is typed by content, hashed, listed and downloadable by those who read the case', async () => {
  const id = await register('complaint');
  const pdf = pdfFile('Giấy chứng nhận quyền sử dụng đất');
  const stored = await upload(id, officer, pdf, 'Giấy chứng nhận.pdf').expect(201);
  expect(stored.body).toMatchObject({
    petitionId: id,
    fileName: 'Giấy chứng nhận.pdf',
    contentType: 'application/pdf',
    byteSize: pdf.length,
    sha256: sha256(pdf),
    sealed: false,
    uploadedById: h.org.officer.id,
  });
  // The leader attaches too; the name's extension follows the content.
  expect((await upload(id, leader, pngFile(), 'so-do.jpg').expect(201)).body).toMatchObject({
    fileName: 'so-do.jpg.png',
    contentType: 'image/png',
  });
  await upload(id, officer, jpegFile(), 'anh.jpg').expect(201);
  expect((await upload(id, officer, docxFile(), 'bien-ban').expect(201)).body.contentType).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect((await upload(id, officer, odtFile(), 'bien-ban.odt').expect(201)).body.contentType).toBe(
    'application/vnd.oasis.opendocument.text',
  );

  const list = await request(h.app).get(`/api/v1/petitions/${id}/documents`).set(auth(supervisor)).expect(200);
  expect(list.body.items.map((d: { fileName: string }) => d.fileName)).toEqual([
    'Giấy chứng nhận.pdf',
    'so-do.jpg.png',
    'anh.jpg',
    'bien-ban.docx',
    'bien-ban.odt',
  ]);

  for (const token of [officer, leader, supervisor, colleague.token]) {
    const res = await download(stored.body.downloadUrl, token).expect(200);
    expect(res.body.equals(pdf)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="Giay chung nhan.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy chứng nhận.pdf')}`,
    });
  }
});

test('when the caller is outside the case or may only read it, then uploading (and for outsiders reading) is refused', async () => {
  const id = await register('complaint');
  const stored = await upload(id, officer, pdfFile(), 'a.pdf').expect(201);
  expect((await upload(id, supervisor, pdfFile()).expect(403)).body.error.message).toMatch(/officer or leader/);
  await upload(id, otherOfficer, pdfFile()).expect(403);
  await request(h.app).get(`/api/v1/petitions/${id}/documents`).set(auth(otherOfficer)).expect(403);
  await download(stored.body.downloadUrl, otherOfficer).expect(403);
  await request(h.app).post(`/api/v1/petitions/${id}/documents`).send(pdfFile()).expect(401);
  await download(`/api/v1/petitions/${id}/documents/${randomBytes(8).toString('hex')}/content`, officer).expect(404);
  expect(await h.db.prisma.document.count({ where: { petitionId: id } })).toBe(1);
});

test('when the content is not an accepted type, then it is refused by its bytes whatever its name, and nothing is stored', async () => {
  const id = await register('complaint');
  for (const [file, name] of [
    [htmlFile(), 'don.pdf'],
    [plainZipFile(), 'bien-ban.docx'],
    [Buffer.from('GIF89a……'), 'anh.png'],
  ] as const) {
    const res = await upload(id, officer, file, name).expect(415);
    expect(res.body.error.details).toEqual([{ path: 'file', message: 'not a PDF, JPEG, PNG, DOCX or ODT file' }]);
  }
  expect((await upload(id, officer, Buffer.alloc(0), 'x.pdf').expect(400)).body.error.details[0].path).toBe('file');
  expect(await h.db.prisma.document.count({ where: { petitionId: id } })).toBe(0);
  expect(await h.db.prisma.blobChunk.count()).toBe(await storedChunkCount());
});

async function storedChunkCount(): Promise<number> {
  const docs = await h.db.prisma.document.findMany({ select: { storageKey: true } });
  return h.db.prisma.blobChunk.count({ where: { key: { in: docs.map((d) => d.storageKey) } } });
}

test('when a file is over DOCUMENT_MAX_BYTES, then it is refused with 413: at once by its Content-Length, or as soon as the stream passes the limit, leaving nothing behind', async () => {
  const id = await register('complaint');
  const announced = await request(h.app)
    .post(`/api/v1/petitions/${id}/documents`)
    .set(auth(officer))
    .set('content-length', String(26 * 1024 * 1024))
    .send(pdfFile())
    .catch((error: { response?: request.Response }) => error.response);
  expect(announced?.status).toBe(413);

  // Without a Content-Length (a chunked stream), the count decides: the use case with a 2 MiB limit.
  async function* threeMiB() {
    yield pdfFile();
    for (let i = 0; i < 48; i++) yield randomBytes(64 * 1024);
  }
  const principal = {
    personId: h.org.officer.id,
    fullName: 'Phạm Văn Cán',
    unitId: h.org.communeId,
    bindings: [{ role: 'officer' as const, unitId: h.org.communeId }],
  };
  await expect(
    uploadDocument(
      {
        prisma: h.db.prisma,
        blobStore: createPostgresBlobStore(h.db.prisma),
        identityKey: TEST_IDENTITY_KEY,
        maxBytes: 2 * 1024 * 1024,
      },
      principal,
      { petitionId: id, body: threeMiB() },
    ),
  ).rejects.toMatchObject({ code: 'PayloadTooLarge' });
  expect(await h.db.prisma.document.count({ where: { petitionId: id } })).toBe(0);
  expect(await h.db.prisma.blobChunk.count()).toBe(await storedChunkCount());
});

test("when a denunciation's document is attached, then it is sealed at rest and opens only for the entitled, with a reason, each opening logged", async () => {
  const id = await register('denunciation', 'Người Tố Cáo Bí Mật');
  const signature = pngFile('CHU-KY-NGUOI-TO-CAO');
  const stored = await upload(id, officer, signature, 'chu-ky-nguyen-van-a.png').expect(201);
  expect(stored.body).toMatchObject({ sealed: true, fileName: 'tai-lieu-niem-phong.png', sha256: sha256(signature) });

  // At rest: neither the content nor the name in plain text.
  const row = await h.db.prisma.document.findUniqueOrThrow({ where: { id: stored.body.id } });
  expect(JSON.stringify(row)).not.toContain('nguyen-van-a');
  const chunks = await h.db.prisma.blobChunk.findMany({ where: { key: row.storageKey } });
  expect(chunks.length).toBeGreaterThan(0);
  for (const c of chunks) expect(Buffer.from(c.data).includes(Buffer.from('CHU-KY-NGUOI-TO-CAO'))).toBe(false);

  const url = (reason?: string) => `${stored.body.downloadUrl}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`;
  // Reading the case is not enough: a colleague of the unit and an ungranted supervisor are refused.
  await download(url('Xem chữ ký'), colleague.token).expect(403);
  await download(url('Xem chữ ký'), supervisor).expect(403);
  const listed = await request(h.app).get(`/api/v1/petitions/${id}/documents`).set(auth(supervisor)).expect(200);
  expect(listed.body.items).toEqual([
    expect.objectContaining({ fileName: 'tai-lieu-niem-phong.png', sha256: null, sealed: true }),
  ]);
  // The entitled must say why.
  expect((await download(url(), officer).expect(400)).body.toString()).toMatch(/reason/);

  const opened = await download(url('Đối chiếu chữ ký'), officer).expect(200);
  expect(opened.body.equals(signature)).toBe(true);
  expect(opened.headers['content-disposition']).toContain('chu-ky-nguyen-van-a.png');
  await download(url('Lãnh đạo xem xét'), leader).expect(200);
  await request(h.app)
    .post('/api/v1/identity-grants')
    .set(auth(leader))
    .send({ personId: h.org.supervisor.id, petitionId: id, reason: 'Thanh tra chuyên đề' })
    .expect(201);
  expect((await download(url('Giám sát giải quyết'), supervisor).expect(200)).body.equals(signature)).toBe(true);

  const log = await h.db.prisma.identityAccess.findMany({ where: { petitionId: id }, orderBy: { at: 'asc' } });
  expect(log.map((l) => [l.personId, l.reason, l.documentId])).toEqual([
    [h.org.officer.id, 'Đối chiếu chữ ký', stored.body.id],
    [h.org.communeLeader.id, 'Lãnh đạo xem xét', stored.body.id],
    [h.org.supervisor.id, 'Giám sát giải quyết', stored.body.id],
  ]);
});

test('when a 20 MB scan is uploaded and downloaded over HTTP, then memory stays bounded and the bytes and SHA-256 survive', async () => {
  const id = await register('complaint');
  const server = h.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const TOTAL = 20 * 1024 * 1024;
  const PIECE = 64 * 1024;
  // What the upload keeps alive, not the garbage it leaves for the collector: collect before each reading.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'minor' }) => void;
  const read = () => {
    const m = process.memoryUsage();
    return { rss: m.rss, offHeap: m.heapUsed + m.external, heap: m.heapUsed };
  };
  const sample = () => {
    gc();
    return read();
  };
  // A full collection of the jest worker's heap takes 0.5 s or more on a busy machine, and back to back every
  // 200 ms it stalled the upload for a minute. A young-generation collection takes milliseconds and leaves only
  // older garbage counted, so its reading is never below what is kept alive; only a reading that looks like
  // growth is checked again after a full collection.
  const FULL_CHECK_ABOVE = 30 * 2 ** 20;
  let fullChecks = 0;
  const sampleDuringUpload = (base: { rss: number; offHeap: number }) => {
    gc({ type: 'minor' });
    const quick = read();
    if (quick.rss - base.rss < FULL_CHECK_ABOVE && quick.offHeap - base.offHeap < FULL_CHECK_ABOVE) return quick;
    fullChecks += 1;
    return sample();
  };
  try {
    // Warm up the code paths (Prisma, pg, crypto) with a 3 MiB file, so the baseline holds their working
    // buffers and the growth measured is what a larger file adds.
    await upload(id, officer, Buffer.concat([pdfFile(), randomBytes(3 * 1024 * 1024)]), 'warm.pdf').expect(201);
    const base = sample();
    const peak = { ...base };
    let samples = 0;
    const takeSample = () => {
      const s = sampleDuringUpload(base);
      peak.rss = Math.max(peak.rss, s.rss);
      peak.offHeap = Math.max(peak.offHeap, s.offHeap);
      peak.heap = Math.max(peak.heap, s.heap);
      samples += 1;
    };
    const timer = setInterval(takeSample, 200);
    const hash = createHash('sha256');
    const started = Date.now();
    const uploaded = await new Promise<{
      status: number;
      body: { sha256: string; byteSize: number; downloadUrl: string };
    }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/petitions/${id}/documents?fileName=scan.pdf`,
          headers: { ...auth(officer), 'content-type': 'application/pdf' },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString()) }));
        },
      );
      req.on('error', reject);
      void (async () => {
        // The client never holds the file either: 64 KiB pieces made as they are sent.
        for (let sent = 0; sent < TOTAL; sent += PIECE) {
          const piece =
            sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.5\n'), randomBytes(PIECE - 9)]) : randomBytes(PIECE);
          hash.update(piece);
          // Also every 2 MiB sent, so a fast machine (the upload done in half a second) still samples it.
          if (sent > 0 && sent % (2 * 1024 * 1024) === 0) takeSample();
          if (!req.write(piece)) await once(req, 'drain');
        }
        req.end();
      })().catch(reject);
    });
    clearInterval(timer);
    const growth = { rss: (peak.rss - base.rss) / 2 ** 20, offHeap: (peak.offHeap - base.offHeap) / 2 ** 20 };
    process.stdout.write(
      `20 MiB upload in ${Date.now() - started} ms: peak RSS growth ${growth.rss.toFixed(1)} MiB, heap+external growth ${growth.offHeap.toFixed(1)} MiB (heap ${((peak.heap - base.heap) / 2 ** 20).toFixed(1)}) over ${samples} samples (${fullChecks} after a full collection)\n`,
    );
    // A few samples at least during the upload (how many depends on how fast the machine streams it).
    expect(samples).toBeGreaterThan(2);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ byteSize: TOTAL, sha256: hash.digest('hex') });
    expect(growth.rss).toBeLessThan(60);
    expect(growth.offHeap).toBeLessThan(60);
    const doc = await h.db.prisma.document.findFirstOrThrow({ where: { petitionId: id, fileName: 'scan.pdf' } });
    expect(await h.db.prisma.blobChunk.count({ where: { key: doc.storageKey } })).toBe(20);

    const back = createHash('sha256');
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: uploaded.body.downloadUrl, headers: auth(officer) }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on('data', (c: Buffer) => {
          back.update(c);
          bytes += c.length;
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
    });
    expect(bytes).toBe(TOTAL);
    expect(back.digest('hex')).toBe(uploaded.body.sha256);
  } finally {
    server.close();
  }
});
