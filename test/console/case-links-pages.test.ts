// The case page's linked cases beyond appeals and reception sessions: the case's forwards (from which unit to
// which, when) and the ad hoc dialogue conference called on a hot-spot proposal that counted the case.
import { eventually } from '../support/eventually';
import { registerInConsole, registrationFields, useConsoleStaff } from '../support/console-staff';

const { h, officer, otherOfficer } = useConsoleStaff();

test('when an officer forwards a case to another commune, then its case page lists the forward from unit to unit', async () => {
  const { id } = await registerInConsole(officer, registrationFields(h));
  const forwarded = await officer.post(
    `/console/petitions/${id}/actions`,
    {
      action: 'forward',
      toUnitId: h.org.otherCommuneId,
      reason: 'Thuộc thẩm quyền xã khác',
      idempotencyKey: `f-${id}`,
    },
    { formPage: `/console/petitions/${id}` },
  );
  expect(forwarded.status).toBe(303);
  await eventually(async () => (await h.db.prisma.petition.findUnique({ where: { id } }))?.forwardCount === 1, {
    what: 'the forward recorded',
  });

  // The officer of the unit it went to now holds the case and reads its page.
  const page = await otherOfficer.get(`/console/petitions/${id}`);
  expect(page.status).toBe(200);
  const table = /<table data-testid="case-forwards">([\s\S]*?)<\/table>/.exec(page.text)?.[1];
  expect(table).toContain('<caption>Chuyển đơn</caption>');
  const [from, to] = await Promise.all(
    [h.org.communeId, h.org.otherCommuneId].map((unitId) =>
      h.db.prisma.unit.findUniqueOrThrow({ where: { id: unitId } }),
    ),
  );
  const row = /<tbody><tr><td>[^<]+<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr><\/tbody>/.exec(table ?? '');
  expect(row?.slice(1)).toEqual([from!.name, to!.name]);

  const english = await otherOfficer.get(`/console/petitions/${id}?lang=en`);
  expect(english.text).toContain('<caption>Forwards</caption>');
});

test('when a case was counted in a hot-spot proposal answered by a conference, then its page links to that conference', async () => {
  const { id } = await registerInConsole(officer, registrationFields(h));
  const plain = await officer.get(`/console/petitions/${id}`);
  expect(plain.text).not.toContain('/console/conferences/');

  const proposal = await h.db.prisma.conferenceProposal.create({
    data: { key: `hot-${id}`, unitId: h.org.communeId, field: 'land', petitionIds: [id], reason: 'nhiều đơn tương tự' },
  });
  const conferenceId = `conf-${id}`;
  await h.db.prisma.conference.create({
    data: {
      id: conferenceId,
      unitId: h.org.communeId,
      kind: 'ad_hoc',
      title: 'Đối thoại về ranh giới đất',
      startsAt: new Date('2026-12-10T02:00:00Z'),
      location: 'Hội trường xã',
      chairId: h.org.communeLeader.id,
      status: 'called',
      proposalId: proposal.id,
      createdById: h.org.communeLeader.id,
    },
  });
  const page = await officer.get(`/console/petitions/${id}`);
  expect(page.text).toContain(`href="/console/conferences/${conferenceId}"`);
  expect(page.text).toContain('Hội nghị đối thoại: Đối thoại về ranh giới đất (10/12/2026)');
});
