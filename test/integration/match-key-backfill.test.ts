// Petitioners registered before match keys existed had none, so a citizen who wrote again was never
// proposed as a duplicate: the start-up backfill keys them (sealed identities opened in memory only), and a
// second run finds nothing to do.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { backfillMatchKeys } from '../../src/petitions/duplicates/match-key-backfill';
import { matchKeyFingerprint, petitionerMatchKeys } from '../../src/petitions/duplicates/petitioner-keys';

let h: ApiHarness;
let officer: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer = await h.login(h.org.officer.username);
});

afterAll(async () => {
  await h?.stop();
});

const tag = () => randomBytes(3).toString('hex');

const register = (p: { subject: string; kind?: string; petitioners: object[] }) =>
  request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: p.kind ?? 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'post',
      field: p.kind === 'denunciation' ? 'officials_conduct' : 'land',
      subject: p.subject,
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: p.petitioners,
    })
    .expect(201);

const proposedIds = async (petitionId: string): Promise<string[]> => {
  const res = await request(h.app).get(`/api/v1/petitions/${petitionId}/duplicates`).set(auth(officer)).expect(200);
  return res.body.proposals.map((p: { petitionId: string }) => p.petitionId);
};

/** As a petitioner row stood before the match-key migration: no keys, no marker. */
const asBeforeMatchKeys = (petitionId: string) =>
  h.db.prisma.petitioner.updateMany({ where: { petitionId }, data: { matchKeys: [], matchKeyedWith: null } });

const keyState = () =>
  h.db.prisma.petitioner.findMany({
    select: { id: true, matchKeys: true, matchKeyedWith: true },
    orderBy: { id: 'asc' },
  });

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), text: () => lines.join('') };
}

test('when petitioners were registered before match keys, then the backfill makes them matchable once and a second run changes nothing', async () => {
  const t = tag();
  const phone = `09${String(Date.now()).slice(-8)}`;
  const denouncerEmail = `to.cao.${t}@example.test`;
  const oldComplaint = await register({
    subject: `Khiếu nại cấp giấy chứng nhận quyền sử dụng đất ${t}`,
    petitioners: [{ fullName: 'Phạm Văn Cũ', phone, address: 'Thôn Bắc' }],
  });
  const oldDenunciation = await register({
    kind: 'denunciation',
    subject: `Tố cáo cán bộ thu tiền sai quy định ${t}`,
    petitioners: [{ fullName: 'Hoàng Thị Kín', email: denouncerEmail }],
  });
  // A name alone gives no key at all: keyed as "nothing to match", not looked at again.
  const oldNameOnly = await register({
    subject: `Kiến nghị sửa đường ${t}`,
    petitioners: [{ fullName: 'Vũ Văn Tên' }],
  });
  for (const p of [oldComplaint, oldDenunciation, oldNameOnly]) await asBeforeMatchKeys(p.body.id);

  // The same citizens write again about other matters (subjects unlike the old ones, so only the petitioner can match).
  const again = await register({
    subject: `Phản ánh ô nhiễm tiếng ồn từ xưởng gỗ ${t}`,
    petitioners: [{ fullName: 'Phạm Văn Cũ', phone: `+84 ${phone.slice(1)}` }],
  });
  const denouncerAgain = await register({
    kind: 'denunciation',
    subject: `Tố cáo hành vi nhận hối lộ khi cấp phép xây dựng ${t}`,
    petitioners: [{ fullName: 'H. T. Kín', email: denouncerEmail.toUpperCase() }],
  });
  expect(await proposedIds(again.body.id)).not.toContain(oldComplaint.body.id);
  expect(await proposedIds(denouncerAgain.body.id)).not.toContain(oldDenunciation.body.id);

  const log = capturingLogger();
  const first = await backfillMatchKeys(
    { prisma: h.db.prisma, identityKey: h.deps.identityKey },
    { batchSize: 2 },
    log.logger,
  );
  expect(first).toEqual({ checked: 3, keyed: 3, unreadable: 0 });

  expect(await proposedIds(again.body.id)).toContain(oldComplaint.body.id);
  expect(await proposedIds(denouncerAgain.body.id)).toContain(oldDenunciation.body.id);
  // The keys are the ones registration makes today: the new petition's phone key is the old one's.
  const [oldKeys, newKeys] = await Promise.all(
    [oldComplaint, again].map((p) => h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: p.body.id } })),
  );
  expect(oldKeys!.matchKeys.filter((k) => k.startsWith('phone:'))).toEqual(
    newKeys!.matchKeys.filter((k) => k.startsWith('phone:')),
  );
  expect(oldKeys!.matchKeyedWith).toBe(newKeys!.matchKeyedWith);
  const nameOnly = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: oldNameOnly.body.id } });
  expect(nameOnly).toMatchObject({ matchKeys: [], matchKeyedWith: newKeys!.matchKeyedWith });
  // The sealed identity was opened to key it, and stays sealed: nothing of it in the logs or the row.
  const sealed = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: oldDenunciation.body.id } });
  expect(sealed).toMatchObject({ fullName: 'công dân', email: null, sealedIdentity: expect.any(String) });
  expect(log.text()).toContain('petitioners keyed for the duplicate check');
  expect(log.text()).not.toMatch(new RegExp(`Kín|${t}|${phone.slice(2)}|Cũ`));

  const before = await keyState();
  expect(await backfillMatchKeys({ prisma: h.db.prisma, identityKey: h.deps.identityKey })).toEqual({
    checked: 0,
    keyed: 0,
    unreadable: 0,
  });
  expect(await keyState()).toEqual(before);
});

test('when the match key changes, then every petitioner is keyed again under the new one', async () => {
  const t = tag();
  const email = `doi.khoa.${t}@example.test`;
  const old = await register({
    subject: `Khiếu nại thu hồi đất ${t}`,
    petitioners: [{ fullName: 'Đinh Văn Khoá', email }],
  });
  const before = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: old.body.id } });
  const newKey = randomBytes(32);
  const count = await h.db.prisma.petitioner.count();
  expect(await backfillMatchKeys({ prisma: h.db.prisma, identityKey: h.deps.identityKey, matchKey: newKey })).toEqual({
    checked: count,
    keyed: count,
    unreadable: 0,
  });
  const after = await h.db.prisma.petitioner.findFirstOrThrow({ where: { petitionId: old.body.id } });
  expect(after.matchKeys).not.toEqual(before.matchKeys);
  expect(after.matchKeys).toEqual(petitionerMatchKeys(newKey, { fullName: 'Đinh Văn Khoá', email }));
  expect(after.matchKeyedWith).toBe(matchKeyFingerprint(newKey));
  expect(
    await backfillMatchKeys({ prisma: h.db.prisma, identityKey: h.deps.identityKey, matchKey: newKey }),
  ).toMatchObject({ keyed: 0 });
});
