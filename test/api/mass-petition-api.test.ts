// Many petitioners, one matter: the representatives rule at registration, the mass flag, and the unit's
// responsible leader told at once, once.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let officer: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer = await h.login(h.org.officer.username);
});

afterAll(async () => {
  await h?.stop();
});

const people = (count: number, representatives: number) =>
  Array.from({ length: count }, (_, i) => ({
    fullName: `Hộ dân số ${i + 1}`,
    address: `Thôn ${1 + (i % 4)}`,
    ...(i < representatives ? { isRepresentative: true } : {}),
  }));

const register = (count: number, representatives: number, key?: string) =>
  request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .set(key ? { 'idempotency-key': key } : {})
    .send({
      kind: 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'site_clearance',
      subject: 'Khiếu nại giá bồi thường giải phóng mặt bằng',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: people(count, representatives),
    });

const leaderMails = (trackingCode: string) =>
  h.mailer
    .to(h.org.communeLeader.email)
    .filter((m) => m.subject.includes(trackingCode) && m.subject.includes('Đơn đông người'));

test.each([
  [5, 0],
  [5, 3],
  [10, 3],
  [11, 0],
  [40, 6],
])(
  'when %i petitioners mark %i representatives, then registration is refused with a field error and nothing is written',
  async (count, representatives) => {
    const before = await h.db.prisma.petition.count();
    const res = await register(count, representatives).expect(400);
    expect(res.body.error.details).toEqual([
      {
        path: 'petitioners',
        message: expect.stringContaining(
          `${count} người cùng khiếu nại một nội dung phải cử ${count <= 10 ? '1 hoặc 2' : 'từ 1 đến 5'} người đại diện`,
        ),
      },
    ]);
    expect(await h.db.prisma.petition.count()).toBe(before);
  },
);

test('when a denunciation by many marks too many representatives, then the refusal speaks of tố cáo and its own law', async () => {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'denunciation',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Tố cáo cán bộ địa chính',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: people(11, 6),
    })
    .expect(400);
  const [detail] = res.body.error.details as { path: string; message: string }[];
  expect(detail!.path).toBe('petitioners');
  expect(detail!.message).toContain('11 người cùng tố cáo một nội dung phải cử từ 1 đến 5 người đại diện (đang có 6');
  expect(detail!.message).toContain('Luật Tố cáo 2018 Đ.23 k2');
  expect(detail!.message).not.toContain('khiếu nại');
});

test('when four petition together, then it is an ordinary petition and no leader is told', async () => {
  const res = await register(4, 0).expect(201);
  const view = await request(h.app).get(`/api/v1/petitions/${res.body.id}`).set(auth(officer)).expect(200);
  expect(view.body.isMass).toBe(false);
  expect(view.body.petitioners).toHaveLength(4);
  expect(leaderMails(res.body.trackingCode)).toHaveLength(0);
});

test.each([
  [5, 1],
  [10, 2],
  [11, 3],
  [40, 5],
])(
  'when %i petitioners appoint %i representatives, then the case is flagged mass and the responsible leader is e-mailed at once, once',
  async (count, representatives) => {
    const key = `mass-${randomBytes(4).toString('hex')}`;
    const res = await register(count, representatives, key).expect(201);
    const row = await h.db.prisma.petition.findUniqueOrThrow({
      where: { id: res.body.id },
      include: { petitioners: true },
    });
    expect(row.isMass).toBe(true);
    expect(row.petitioners.filter((p) => p.isRepresentative)).toHaveLength(representatives);
    expect(
      (await request(h.app).get(`/api/v1/petitions/${res.body.id}`).set(auth(officer)).expect(200)).body.isMass,
    ).toBe(true);
    // Sent before the registration answered: no waiting for a workflow.
    const mails = leaderMails(res.body.trackingCode);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`${count} người cùng một nội dung (${representatives} người đại diện)`);
    expect(mails[0]!.text).not.toContain('Hộ dân số');
    // The same request again is the same petition and no second e-mail.
    expect((await register(count, representatives, key).expect(200)).body.id).toBe(res.body.id);
    expect(leaderMails(res.body.trackingCode)).toHaveLength(1);
  },
);
