// Dialogue conferences through the API: the 7-day notice rule, who may create and record, a hot spot of
// similar petitions proposing an ad hoc conference, and the conference report as JSON and CSV.
import request from 'supertest';
import { conferenceStartingSoon } from '../support/conference-soon';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;
let leader: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  [leader, officer, supervisor] = await Promise.all([
    h.login(h.org.communeLeader.username),
    h.login(h.org.officer.username),
    h.login(h.org.supervisor.username),
  ]);
});

afterAll(async () => {
  for (const c of await h.db.prisma.conference.findMany())
    await h.client.workflow
      .getHandle(c.id)
      .terminate('test finished')
      .catch(() => undefined);
  for (const c of await h.db.prisma.commitment.findMany())
    await h.client.workflow
      .getHandle(c.id)
      .terminate('test finished')
      .catch(() => undefined);
  for (const p of await h.db.prisma.petition.findMany())
    await h.client.workflow
      .getHandle(p.workflowId)
      .terminate('test finished')
      .catch(() => undefined);
  await h?.stop();
});

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

test('a conference is announced at least 7 days ahead by a leader; it cannot be held before it begins', async () => {
  const body = {
    unitId: h.org.communeId,
    kind: 'regular',
    title: 'Đối thoại định kỳ năm 2026',
    startsAt: inDays(3),
    location: 'Hội trường xã',
    chairId: h.org.communeLeader.id,
  };
  const early = await request(h.app).post('/api/v1/conferences').set(auth(leader)).send(body).expect(400);
  expect(early.body.error.details[0]).toMatchObject({
    path: 'startsAt',
    message: expect.stringMatching(/at least 7 days/),
  });
  await request(h.app)
    .post('/api/v1/conferences')
    .set(auth(officer))
    .send({ ...body, startsAt: inDays(8) })
    .expect(403);
  await request(h.app)
    .post('/api/v1/conferences')
    .set(auth(leader))
    .send({ ...body, startsAt: inDays(8), chairId: h.org.officer.id })
    .expect(400);
  const created = await request(h.app)
    .post('/api/v1/conferences')
    .set(auth(leader))
    .send({ ...body, startsAt: inDays(8) })
    .expect(201);
  expect(created.body).toMatchObject({ status: 'announced', kind: 'regular' });
  await eventually(
    () => h.db.prisma.publicNotice.findFirst({ where: { key: `${created.body.id}:notice:announced` } }),
    { what: 'the public notice' },
  );
  const invitation = await eventually(
    async () => h.mailer.to(h.org.communeLeader.email).find((m) => m.subject.includes('Hội nghị đối thoại')),
    { what: 'the chair’s invitation' },
  );
  expect(invitation.attachments?.[0]?.content).toContain(`UID:${created.body.id}@danvan`);
  const held = await request(h.app)
    .post(`/api/v1/conferences/${created.body.id}/hold`)
    .set(auth(officer))
    .send({ attendeeCount: 80, minutes: 'Biên bản hội nghị đối thoại' })
    .expect(409);
  expect(held.body.error.message).toMatch(/not begun/);
  await request(h.app)
    .post(`/api/v1/conferences/${created.body.id}/opinions`)
    .set(auth(officer))
    .send({ field: 'land', content: 'Ý kiến', outcome: 'answered', answer: 'Đã trả lời' })
    .expect(409);
  const read = await request(h.app).get(`/api/v1/conferences/${created.body.id}`).set(auth(supervisor)).expect(200);
  expect(read.body.timeline.map((e: { type: string }) => e.type)).toEqual(['announced']);
});

test('five similar petitions about one place in two weeks propose an ad hoc conference, which a leader then calls', async () => {
  const subjects = [
    'Ô nhiễm khói bụi nhà máy gạch',
    'Khói bụi nhà máy gạch Đồng Tâm',
    'Nhà máy gạch gây ô nhiễm khói bụi',
    'Phản ánh khói bụi từ nhà máy gạch',
    'Khói bụi nhà máy gạch ban đêm',
  ];
  for (const [i, subject] of subjects.entries()) {
    await request(h.app)
      .post('/api/v1/petitions')
      .set(auth(officer))
      .send({
        kind: 'feedback',
        receivingUnitId: h.org.communeId,
        channel: 'online',
        field: 'environment',
        subject,
        body: '…',
        receivedAt: new Date(Date.now() - (5 - i) * 86_400_000).toISOString(),
        petitioners: [{ fullName: `Người dân ${i}` }],
      })
      .expect(201);
    const proposals = (await request(h.app).get('/api/v1/conferences/proposals').set(auth(leader)).expect(200)).body
      .items;
    // Four similar petitions are not yet a hot spot; the fifth is.
    expect(proposals).toHaveLength(i < 4 ? 0 : 1);
  }
  const [proposal] = (await request(h.app).get('/api/v1/conferences/proposals').set(auth(supervisor)).expect(200)).body
    .items;
  expect(proposal).toMatchObject({
    field: 'environment',
    status: 'open',
    reason: expect.stringContaining('5 đơn về «'),
  });
  expect(proposal.petitionIds).toHaveLength(5);
  expect(proposal.reason).toMatch(/gach/);
  // The commune's responsible leader is told, once, even as a sixth similar petition joins the cluster.
  await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'feedback',
      receivingUnitId: h.org.communeId,
      channel: 'online',
      field: 'environment',
      subject: 'Khói bụi nhà máy gạch sáng sớm',
      body: '…',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Người dân 6' }],
    })
    .expect(201);
  await eventually(
    async () =>
      (await h.db.prisma.conferenceProposal.findUniqueOrThrow({ where: { id: proposal.id } })).petitionIds.length === 6
        ? true
        : undefined,
    { what: 'the sixth petition in the cluster' },
  );
  const told = await eventually(
    async () =>
      h.mailer
        .to(h.org.communeLeader.email)
        .filter((m) => m.subject.includes('Đề xuất tổ chức đối thoại'))
        .at(0),
    { what: 'the proposal e-mail' },
  );
  expect(told.text).toContain('gach');
  await eventually(
    async () =>
      (await h.client.workflow.getHandle(`proposal-${proposal.id}`).describe()).status.name === 'COMPLETED'
        ? true
        : undefined,
    { what: 'the proposal workflow' },
  );
  expect(
    h.mailer.to(h.org.communeLeader.email).filter((m) => m.subject.includes('Đề xuất tổ chức đối thoại')),
  ).toHaveLength(1);
  const called = await request(h.app)
    .post('/api/v1/conferences')
    .set(auth(leader))
    .send({
      unitId: h.org.communeId,
      kind: 'adhoc',
      title: 'Đối thoại về ô nhiễm nhà máy gạch',
      startsAt: inDays(7.5),
      location: 'Nhà văn hóa thôn',
      chairId: h.org.communeLeader.id,
      proposalId: proposal.id,
    })
    .expect(201);
  expect(called.body.proposalId).toBe(proposal.id);
  expect((await h.db.prisma.conferenceProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe(
    'accepted',
  );
  await request(h.app)
    .post('/api/v1/conferences')
    .set(auth(leader))
    .send({
      unitId: h.org.communeId,
      kind: 'adhoc',
      title: 'Lần hai',
      startsAt: inDays(9),
      location: 'x y z',
      chairId: h.org.communeLeader.id,
      proposalId: proposal.id,
    })
    .expect(400);
});

test('a conference schedule ("every year on …") turns its next occurrence into a regular conference with its own workflow', async () => {
  const target = new Date(Date.now() + 7 * 3_600_000 + 12 * 86_400_000);
  const body = {
    kind: 'conference',
    unitId: h.org.otherCommuneId,
    leaderId: h.org.otherCommuneLeader.id,
    rule: { type: 'yearly', month: target.getUTCMonth() + 1, day: target.getUTCDate() },
    startTime: '08:00',
    location: 'Hội trường xã Hòa Lạc',
    announceDaysBefore: 30,
  };
  const otherLeader = await h.login(h.org.otherCommuneLeader.username);
  const short = await request(h.app)
    .post('/api/v1/reception/schedules')
    .set(auth(otherLeader))
    .send({ ...body, announceDaysBefore: 3 })
    .expect(400);
  expect(short.body.error.details[0]).toMatchObject({
    path: 'announceDaysBefore',
    message: expect.stringMatching(/at least 7 days/),
  });
  const schedule = await request(h.app)
    .post('/api/v1/reception/schedules')
    .set(auth(otherLeader))
    .send(body)
    .expect(201);
  expect(schedule.body).toMatchObject({ kind: 'conference', rule: body.rule });
  const conference = await eventually(
    () => h.db.prisma.conference.findFirst({ where: { unitId: h.org.otherCommuneId, kind: 'regular' } }),
    { what: 'the scheduled conference' },
  );
  expect(conference).toMatchObject({
    chairId: h.org.otherCommuneLeader.id,
    status: 'announced',
    location: 'Hội trường xã Hòa Lạc',
    title: expect.stringContaining('Hội nghị đối thoại định kỳ năm'),
  });
  expect(conference.id).toMatch(new RegExp(`^conf-${schedule.body.id}-`));
  const described = await eventually(
    () =>
      h.client.workflow
        .getHandle(conference.id)
        .describe()
        .catch(() => null),
    {
      what: "the conference's workflow",
    },
  );
  expect(described.status.name).toBe('RUNNING');
  await eventually(
    () => h.db.prisma.conferenceEvent.findFirst({ where: { conferenceId: conference.id, type: 'announced' } }),
    { what: 'its announcement' },
  );
  // No reception session was made for it.
  expect(await h.db.prisma.receptionSession.count({ where: { scheduleId: schedule.body.id } })).toBe(0);
  await h.client.workflow.getHandle(`reception-cycle-${schedule.body.id}`).terminate('test finished');
});

test('the conference report names what is announced but not yet held, and the communes owing a regular conference; CSV in Vietnamese', async () => {
  const day = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
  const range = `from=${day(0)}&to=${day(30)}`;
  const res = await request(h.app).get(`/api/v1/reports/conferences?${range}`).set(auth(supervisor)).expect(200);
  // Three conferences announced in this file, none held yet: nothing is counted as held, both communes owe their regular one.
  expect(res.body.conferences).toEqual({ held: 0, regular: 0, adhoc: 0, announced: 3, attendees: 0 });
  expect(res.body.regularDuty.unitsShort.map((u: { id: string }) => u.id).sort()).toEqual(
    [h.org.communeId, h.org.otherCommuneId].sort(),
  );
  expect(res.body.headline.en).toBe(
    '0 conferences (0 regular, 0 ad hoc); 0 attendees; 0 opinions; —% settled at this level; —% sent to the level above',
  );
  const csv = await request(h.app)
    .get(`/api/v1/reports/conferences?${range}&format=csv`)
    .set(auth(supervisor))
    .expect(200);
  expect(csv.text.split('\r\n')[0]).toBe(
    '\uFEFFLĩnh vực,Số ý kiến,Trả lời trực tiếp,Giao giải quyết (cam kết),Giải thích,Chuyển cấp trên,Giải quyết tại cấp (%),Chuyển cấp trên (%)',
  );
  await request(h.app).get(`/api/v1/reports/conferences?${range}`).set(auth(officer)).expect(403);
});

test('when petitions are registered, then their folded subject words are stored, and one from before the column still counts in a hot spot', async () => {
  const subjects = [
    'Đường liên xã xuống cấp nghiêm trọng',
    'Đường liên xã xuống cấp ổ gà',
    'Xuống cấp đường liên xã sau mưa',
    'Đường liên xã xuống cấp, xe tải',
    'Đường liên xã xuống cấp lâu ngày',
  ];
  const ids: string[] = [];
  for (const [i, subject] of subjects.entries()) {
    const created = await request(h.app)
      .post('/api/v1/petitions')
      .set(auth(officer))
      .send({
        kind: 'feedback',
        receivingUnitId: h.org.communeId,
        channel: 'online',
        field: 'transport',
        subject,
        body: '…',
        receivedAt: new Date(Date.now() - (5 - i) * 86_400_000).toISOString(),
        petitioners: [{ fullName: `Người đi đường ${i}` }],
      })
      .expect(201);
    ids.push(created.body.id);
    if (i === 0) {
      const row = await h.db.prisma.petition.findUniqueOrThrow({ where: { id: created.body.id } });
      expect([...row.subjectWords].sort()).toEqual(['cap', 'lien', 'nghiem', 'xuong']);
      // As a row written before the column existed: no words stored.
      await h.db.prisma.petition.update({ where: { id: created.body.id }, data: { subjectWords: [] } });
    }
  }
  const proposals = (await request(h.app).get('/api/v1/conferences/proposals').set(auth(leader)).expect(200)).body
    .items as { field: string; petitionIds: string[] }[];
  const transport = proposals.filter((p) => p.field === 'transport');
  expect(transport).toHaveLength(1);
  expect([...transport[0]!.petitionIds].sort()).toEqual([...ids].sort());
});

test('when a client retries its hold, opinion and publish with the same Idempotency-Key, then each acts once: one opinion, one commitment, counted once, the same answers', async () => {
  const id = await conferenceStartingSoon(h, 'Đối thoại thử gửi lại');
  const post = (path: string, token: string, key: string, body: object) =>
    request(h.app).post(`/api/v1/conferences/${id}/${path}`).set(auth(token)).set('Idempotency-Key', key).send(body);
  const hold = { attendeeCount: 25, minutes: 'Biên bản hội nghị đối thoại.' };
  const held = await post('hold', officer, `${id}-hold`, hold).expect(200);
  // Without a key the repeat is a new action, refused in words; with the key it is the same one, answered again.
  await request(h.app).post(`/api/v1/conferences/${id}/hold`).set(auth(officer)).send(hold).expect(409);
  expect((await post('hold', officer, `${id}-hold`, hold).expect(200)).body).toEqual(held.body);

  const opinion = {
    participantName: 'Lê Thị Hỏi',
    field: 'infrastructure',
    content: 'Đường thôn Đông hỏng.',
    outcome: 'commitment',
    commitment: { description: 'Sửa đường thôn Đông', promisedBy: inDays(40).slice(0, 10) },
  };
  const first = await post('opinions', officer, `${id}-op1`, opinion).expect(201);
  const again = await post('opinions', officer, `${id}-op1`, opinion).expect(201);
  expect(again.body.opinion).toEqual(first.body.opinion);
  expect(again.body.conference.opinions.commitment).toBe(1);
  expect(await h.db.prisma.conferenceOpinion.count({ where: { conferenceId: id } })).toBe(1);
  expect(await h.db.prisma.commitment.count({ where: { conferenceId: id } })).toBe(1);

  // A first attempt cut after writing its opinion (the API crashed before the Update): the retry counts it.
  const cut = await h.db.prisma.conferenceOpinion.create({
    data: {
      conferenceId: id,
      field: 'land',
      content: 'Ý kiến ghi trước khi API dừng.',
      outcome: 'answered',
      answer: 'Đã trả lời tại hội nghị.',
      recordedById: h.org.officer.id,
      idempotencyKey: `${id}-op2`,
    },
  });
  const finished = await post('opinions', officer, `${id}-op2`, {
    field: 'land',
    content: 'Ý kiến ghi trước khi API dừng.',
    outcome: 'answered',
    answer: 'Đã trả lời tại hội nghị.',
  }).expect(201);
  expect(finished.body.opinion.id).toBe(cut.id);
  expect(finished.body.conference.opinions).toMatchObject({ commitment: 1, answered: 1 });
  expect(await h.db.prisma.conferenceOpinion.count({ where: { conferenceId: id } })).toBe(2);

  const published = await post('publish', leader, `${id}-pub`, {}).expect(200);
  expect(published.body.status).toBe('published');
  expect((await post('publish', leader, `${id}-pub`, {}).expect(200)).body).toEqual(published.body);
  const events = await h.db.prisma.conferenceEvent.findMany({ where: { conferenceId: id } });
  expect(events.filter((e) => e.type === 'opinion')).toHaveLength(2);
  expect(events.filter((e) => e.type === 'published')).toHaveLength(1);
});

test('when an Idempotency-Key is longer than an index holds, then the request is refused 400, not a 500', async () => {
  const res = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .set('Idempotency-Key', 'k'.repeat(3_000))
    .send({})
    .expect(400);
  expect(res.body.error.details[0]).toMatchObject({ path: 'Idempotency-Key' });
});
