// A dialogue conference on the time-skipping server, from its announcement to its published results:
// opinions answered, explained, referred up, and two commitments — one fulfilled on time after a progress
// report, one left to lapse and escalated. A second conference misses its results deadline and is
// escalated. The conference report is then checked against counts made by hand here.
import { randomUUID } from 'node:crypto';
import { DAY_MS, endOfLocalDay, formatDay, localDayOf, VN_OFFSET_MS } from '../../src/domain/calendar/day';
import { rangePeriod } from '../../src/domain/report-period';
import { conferenceReport } from '../../src/reports/conference-report';
import type { ReceptionPolicy } from '../../src/reception/reception-obligations';
import { commitmentWorkflow, conferenceWorkflow } from '../../workflows';
import {
  commitmentActionUpdate,
  conferenceActionUpdate,
  type OpinionOutcome,
} from '../../workflows/conference/messages';
import { CapturingMailer } from '../support/capturing-mailer';
import { eventually } from '../support/eventually';
import { keepHistory } from '../support/history-recorder';
import { startWorkflowTestbed, type WorkflowTestbed } from '../support/workflow-testbed';

let testbed: WorkflowTestbed;
const mailer = new CapturingMailer();

beforeAll(async () => {
  testbed = await startWorkflowTestbed();
});

afterAll(async () => {
  await testbed?.terminateTracked();
  await testbed?.teardown();
});

test('a conference from announcement through commitments to published results; a lapsed commitment and late results go up a level', async () => {
  const { env, db, org } = testbed;
  const taskQueue = `cq-${randomUUID()}`;
  const worker = await testbed.createWorker(taskQueue, { mailer, temporal: env.client });
  const sleepUntil = async (at: number) => env.sleep(Math.max(1, at - (await env.currentTimeMs())));
  const startDay = localDayOf(await env.currentTimeMs()) + 8;
  const at = (day: number, hour: number) => day * DAY_MS - VN_OFFSET_MS + hour * 3_600_000;

  const conference = async (kind: 'regular' | 'adhoc', title: string) => {
    const id = `conf-${randomUUID().slice(0, 8)}`;
    await db.prisma.conference.create({
      data: {
        id,
        unitId: org.communeId,
        kind,
        title,
        startsAt: new Date(at(startDay, 8)),
        location: 'Hội trường xã',
        chairId: org.communeLeader.id,
        status: 'announced',
        createdById: org.admin.id,
      },
    });
    const handle = await env.client.workflow.start(conferenceWorkflow, {
      taskQueue,
      workflowId: id,
      args: [
        {
          conferenceId: id,
          unitId: org.communeId,
          chairId: org.communeLeader.id,
          startsAt: new Date(at(startDay, 8)).toISOString(),
          resultsWithinDays: 10,
          remindResultsBeforeDays: 3,
        },
      ],
    });
    testbed.track(handle);
    return { id, handle };
  };

  await worker.runUntil(async () => {
    const main = await conference('regular', 'Đối thoại về bồi thường giải phóng mặt bằng');
    const late = await conference('adhoc', 'Đối thoại về ô nhiễm nhà máy gạch');
    await expect(
      main.handle.executeUpdate(conferenceActionUpdate, {
        args: [{ action: 'hold', attendeeCount: 120, actorId: org.officer.id }],
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/not begun/) } });

    await sleepUntil(at(startDay, 9));
    await main.handle.executeUpdate(conferenceActionUpdate, {
      args: [{ action: 'hold', attendeeCount: 120, actorId: org.officer.id }],
    });
    await late.handle.executeUpdate(conferenceActionUpdate, {
      args: [{ action: 'hold', attendeeCount: 75, actorId: org.officer.id }],
    });

    const opinion = async (
      outcome: OpinionOutcome,
      field: string,
      email?: string,
      commitment?: { promisedDay: number; description: string },
    ) => {
      const row = await db.prisma.conferenceOpinion.create({
        data: {
          conferenceId: main.id,
          participantName: email ? `Người dân ${field}` : null,
          participantEmail: email ?? null,
          field,
          content: `Ý kiến về ${field}`,
          outcome,
          answer: outcome === 'answered' || outcome === 'explained' ? 'Đã trả lời' : null,
          referredToUnitId: outcome === 'referred' ? org.provinceId : null,
          recordedById: org.officer.id,
        },
      });
      let commitmentId: string | undefined;
      if (commitment) {
        commitmentId = `commitment-${randomUUID()}`;
        const dueAt = new Date(endOfLocalDay(commitment.promisedDay));
        await db.prisma.commitment.create({
          data: {
            id: commitmentId,
            conferenceId: main.id,
            opinionId: row.id,
            unitId: org.communeId,
            assigneeId: org.officer.id,
            description: commitment.description,
            promisedBy: formatDay(commitment.promisedDay),
            dueAt,
            status: 'open',
          },
        });
        testbed.track(
          await env.client.workflow.start(commitmentWorkflow, {
            taskQueue,
            workflowId: commitmentId,
            args: [
              {
                commitmentId,
                conferenceId: main.id,
                opinionId: row.id,
                unitId: org.communeId,
                assigneeId: org.officer.id,
                dueAt: dueAt.toISOString(),
                remindBeforeDays: 3,
              },
            ],
          }),
        );
      }
      await main.handle.executeUpdate(conferenceActionUpdate, {
        args: [
          {
            action: 'recordOpinion',
            opinionId: row.id,
            outcome,
            ...(commitmentId ? { commitmentId } : {}),
            ...(outcome === 'referred' ? { referredToUnitId: org.provinceId } : {}),
            actorId: org.officer.id,
          },
        ],
      });
      return commitmentId;
    };
    await opinion('answered', 'land', 'a@example.test');
    const kept = (await opinion('commitment', 'site_clearance', 'b@example.test', {
      promisedDay: startDay + 20,
      description: 'Chi trả tiền bồi thường còn thiếu',
    }))!;
    const lapsed = (await opinion('commitment', 'infrastructure', 'c@example.test', {
      promisedDay: startDay + 15,
      description: 'Sửa cống thoát nước thôn 2',
    }))!;
    await opinion('referred', 'land', 'd@example.test');
    await opinion('explained', 'policy');

    // Day +5: results published within the 10 days.
    await sleepUntil(at(startDay + 5, 10));
    const published = await main.handle.executeUpdate(conferenceActionUpdate, {
      args: [{ action: 'publish', actorId: org.communeLeader.id }],
    });
    expect(published).toMatchObject({
      status: 'published',
      opinions: { answered: 1, commitment: 2, explained: 1, referred: 1 },
      escalated: false,
    });
    // Day +10: half way on the kept commitment; the participant hears of it.
    await sleepUntil(at(startDay + 10, 10));
    await env.client.workflow.getHandle(kept).executeUpdate(commitmentActionUpdate, {
      args: [{ action: 'progress', percent: 50, note: 'Đã lập hồ sơ chi trả', actorId: org.officer.id }],
    });
    await sleepUntil(at(startDay + 18, 10));
    const fulfilled = await env.client.workflow.getHandle(kept).executeUpdate(commitmentActionUpdate, {
      args: [{ action: 'fulfil', note: 'Đã chi trả đủ', actorId: org.officer.id }],
    });
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilledOnTime: true, escalated: false });
    await sleepUntil(at(startDay + 25, 10));
    await keepHistory('conference-with-referral', main.handle);
    await keepHistory('commitment-escalated', env.client.workflow.getHandle(lapsed));
  });

  // The lapsed commitment: the officer reminded 3 days before (08:00), then the province's leader told after the promised day.
  const lapsedRow = await db.prisma.commitment.findUniqueOrThrow({
    where: {
      id: (await db.prisma.commitment.findFirstOrThrow({ where: { description: 'Sửa cống thoát nước thôn 2' } })).id,
    },
    include: { events: { orderBy: { at: 'asc' } } },
  });
  expect(lapsedRow).toMatchObject({ status: 'open', escalated: true });
  expect(lapsedRow.events.map((e) => e.type)).toEqual(['assigned', 'reminded', 'escalated']);
  expect(lapsedRow.events[1]!.at.toISOString().slice(0, 16)).toBe(
    new Date(at(startDay + 12, 8)).toISOString().slice(0, 16),
  );
  expect(lapsedRow.events[2]!.data).toMatchObject({ toUnitId: org.provinceId, recipientIds: [org.provinceLeader.id] });
  const province = mailer.to(org.provinceLeader.email);
  expect(province.map((m) => m.subject)).toEqual(
    expect.arrayContaining([
      expect.stringContaining('Cam kết sau đối thoại quá hạn'),
      expect.stringContaining('Quá hạn công khai kết quả đối thoại'),
      expect.stringContaining('Ý kiến vượt thẩm quyền'),
    ]),
  );
  // The referred opinion reaches the level above with its words, not its author.
  const referral = province.find((m) => m.subject.includes('Ý kiến vượt thẩm quyền'))!;
  expect(referral.text).toContain('Ý kiến về land');
  expect(referral.text).not.toContain('Người dân land');
  // The kept commitment: progress and fulfilment reached the participant; no escalation.
  expect(mailer.to('b@example.test').map((m) => m.subject)).toEqual([
    expect.stringContaining('Kết quả ý kiến'),
    expect.stringContaining('Tiến độ giải quyết ý kiến của ông/bà: 50%'),
    expect.stringContaining('Đã hoàn thành cam kết'),
  ]);
  expect(mailer.to('b@example.test')[0]!.text).toContain(formatDay(startDay + 20));
  // Every participant with an address was told the outcome of their opinion; the one without was not written to.
  for (const a of ['a@example.test', 'c@example.test', 'd@example.test'])
    expect(mailer.to(a).filter((m) => m.subject.includes('Kết quả ý kiến'))).toHaveLength(1);
  expect(mailer.to('d@example.test')[0]!.text).toContain('chuyển cấp trên');
  // The chair: invitation (.ics) for each conference, the eve reminders, and the results reminder of the late one only.
  const chair = mailer.to(org.communeLeader.email).map((m) => m.subject);
  expect(chair.filter((s) => s.includes('Nhắc lịch: hội nghị'))).toHaveLength(2);
  expect(chair.filter((s) => s.includes('Sắp hết hạn công khai'))).toHaveLength(1);

  const notice = await db.prisma.publicNotice.findFirstOrThrow({ where: { key: { endsWith: 'notice:results' } } });
  expect(notice.body).toContain('- land: answered 1, referred 1');
  expect(notice.body).toContain('- site_clearance: commitment 1');

  // The report, against counts made here: 2 held (1 regular, 1 ad hoc), 195 attendees, 5 opinions, 4 settled here (80%), 1 sent up (20%).
  const supervisor = {
    personId: org.supervisor.id,
    fullName: 'sv',
    unitId: org.provinceId,
    bindings: [{ role: 'supervisor' as const, unitId: org.provinceId }],
  };
  const policy = { conferences: { regularPerYear: { level: 'commune', count: 1 } } } as unknown as ReceptionPolicy;
  const period = rangePeriod(formatDay(startDay - 1), formatDay(startDay + 1))!;
  const report = await conferenceReport(db.prisma, supervisor, policy, period, new Date(await env.currentTimeMs()));
  expect(report.conferences).toEqual({ held: 2, regular: 1, adhoc: 1, announced: 0, attendees: 195 });
  expect(report.opinions).toMatchObject({
    opinions: 5,
    answered: 1,
    commitment: 2,
    explained: 1,
    referred: 1,
    settledHere: 4,
    settledPct: 80,
    sentUpPct: 20,
  });
  expect(report.byField.find((r) => r.field === 'land')).toMatchObject({ opinions: 2, settledPct: 50, sentUpPct: 50 });
  expect(report.commitments).toEqual({ total: 2, fulfilledOnTime: 1, fulfilledLate: 0, openOverdue: 1, escalated: 1 });
  expect(report.resultsPublished).toEqual({ onTime: 1, late: 0, pending: 1 });
  expect(report.headline.vi).toBe(
    '2 hội nghị (1 thường xuyên, 1 đột xuất); 195 lượt người dự; 5 ý kiến; 80% giải quyết tại cấp này; 20% chuyển cấp trên',
  );
  // Commune 2 held no regular conference in the period.
  expect(report.regularDuty.unitsShort.map((u) => u.id)).toEqual([org.otherCommuneId]);
  await eventually(
    async () =>
      (
        await db.prisma.conference.findUniqueOrThrow({
          where: { id: (await db.prisma.conference.findFirstOrThrow({ where: { kind: 'adhoc' } })).id },
        })
      ).status === 'held' || undefined,
    { what: 'the late conference still held' },
  );
}, 240_000);
