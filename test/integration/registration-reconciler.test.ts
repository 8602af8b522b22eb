// Crash-safe registration: a petition written but cut off before its workflow started (the API process
// died in between) gets its workflow from the reconciler, once, and then runs like any other.
import { WorkflowNotFoundError } from '@temporalio/client';
import { registerPetition } from '../../src/petitions/petition-registration';
import { startMissingWorkflows } from '../../src/petitions/reconcile-registrations';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('when a registration is cut between its insert and its workflow start, then the reconciler starts the workflow once', async () => {
  const receivedAt = new Date().toISOString();
  const policy = await h.deps.policies.resolve(Date.parse(receivedAt), h.org.communeId);
  // The insert alone, as a process killed right after it leaves it.
  const cut = await registerPetition(
    h.db.prisma,
    policy,
    {
      kind: 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Đơn bị cắt ngang',
      body: '…',
      receivedAt,
      petitioners: [{ fullName: 'Đỗ Thị Cắt', email: 'cat@example.test' }],
      registeredById: h.org.officer.id,
    },
    { identityKey: h.deps.identityKey },
  );
  await expect(h.client.workflow.getHandle(cut.workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

  // A row younger than the grace period may be inside a request that is about to start it: left alone.
  expect(await startMissingWorkflows(h.deps, { olderThanMs: 60_000 })).toEqual({ checked: 0, started: 0 });
  expect(await startMissingWorkflows(h.deps, { olderThanMs: 0 })).toMatchObject({ started: 1 });

  const row = await eventually(
    async () => {
      const p = await h.db.prisma.petition.findUniqueOrThrow({
        where: { id: cut.petitionId },
        include: { events: true },
      });
      return p.events.some((e) => e.type === 'received') && p.dueAt ? p : null;
    },
    { what: 'the received entry and the first deadline' },
  );
  expect(row.events.filter((e) => e.type === 'received')).toHaveLength(1);
  await eventually(async () => h.mailer.to('cat@example.test').length > 0, { what: 'the acknowledgement' });

  // A second pass finds nothing to do: the workflow id is the petition's.
  expect(await startMissingWorkflows(h.deps, { olderThanMs: 0 })).toEqual({ checked: 0, started: 0 });
  expect(h.mailer.to('cat@example.test')).toHaveLength(1);
});
