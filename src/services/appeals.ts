// Second-time complaints: a new case at the level above, linked to the first, with its own clocks.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppError } from '../api/errors';
import { appealEligibility } from '../domain/appeal-eligibility';
import { localDayOf, yearOf } from '../domain/calendar/day';
import { PETITION_WORKFLOW_TYPE } from '../../workflows/petition/messages';
import { rolesOver, UnitTree, type Principal } from './access';
import { workingCalendarFor } from './calendar-store';
import { registerPetition } from './petition-registration';
import type { PetitionServiceDeps } from './petitions';

export interface FileAppealInput {
  reason: string;
  remote?: boolean;
}

export async function fileAppeal(deps: PetitionServiceDeps, principal: Principal, petitionId: string, input: FileAppealInput) {
  const first = await deps.prisma.petition.findUnique({
    where: { id: petitionId },
    include: { petitioners: { orderBy: { position: 'asc' } }, appeals: { select: { id: true } }, unit: true },
  });
  if (!first) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(deps.prisma);
  const targetUnitId = first.unit.parentId;
  if (!targetUnitId) throw new AppError('IllegalTransition', 'the first case was decided at the top level: there is no level above to complain to');
  const roles = rolesOver(principal, targetUnitId, tree);
  if (!roles.includes('officer') && !roles.includes('leader')) {
    throw new AppError('Forbidden', `filing a second-time complaint needs role officer or leader on unit ${targetUnitId} (the level above)`);
  }
  const now = (deps.now ?? (() => new Date()))();
  const decision = await deps.prisma.petitionEvent.findFirst({ where: { petitionId, type: 'resolve' }, orderBy: { at: 'asc' } });
  const policy = await deps.policies.resolve(now.getTime(), targetUnitId);
  const second = policy.secondTimeComplaint?.();
  if (!second) throw new AppError('Unavailable', `the deadline policy ${policy.version} has no rules for second-time complaints`);
  const window = input.remote && second.filingWindowRemote ? second.filingWindowRemote : second.filingWindow;
  const calendar = await workingCalendarFor(deps.prisma, yearOf(localDayOf(decision?.at.getTime() ?? first.dueAt?.getTime() ?? now.getTime())));
  const eligibility = appealEligibility(
    {
      kind: first.kind,
      round: first.round,
      decidedAtMs: decision ? decision.at.getTime() : null,
      clock: first.currentClock && first.dueAt ? { name: first.currentClock, dueAtMs: first.dueAt.getTime() } : null,
      alreadyAppealed: first.appeals.length > 0,
    },
    window,
    now.getTime(),
    calendar,
  );
  if (!eligibility.eligible) throw new AppError('IllegalTransition', eligibility.reason);

  const registered = await registerPetition(deps.prisma, policy, {
    kind: 'complaint',
    receivingUnitId: targetUnitId,
    channel: first.channel,
    field: first.field,
    subject: `Khiếu nại lần hai: ${first.subject}`.slice(0, 300),
    body: `${input.reason}\n\n— Khiếu nại lần đầu ${first.trackingCode}:\n${first.body}`,
    receivedAt: now.toISOString(),
    petitioners: first.petitioners.map((p) => ({ fullName: p.fullName, phone: p.phone ?? undefined, email: p.email ?? undefined, address: p.address ?? undefined, isRepresentative: p.isRepresentative })),
    registeredById: principal.personId,
    round: 2,
    appealOfId: first.id,
  }, { identityKey: deps.identityKey });
  try {
    await deps.temporal.workflow.start(PETITION_WORKFLOW_TYPE, { taskQueue: deps.taskQueue, workflowId: registered.workflowId, args: [registered.workflowInput] });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      await deps.prisma.petition.delete({ where: { id: registered.petitionId } }).catch(() => undefined);
      throw error;
    }
  }
  return {
    id: registered.petitionId,
    trackingCode: registered.trackingCode,
    workflowId: registered.workflowId,
    unitId: targetUnitId,
    round: 2,
    appealOf: { id: first.id, trackingCode: first.trackingCode },
    trigger: eligibility.trigger,
    filingWindowEndsAt: new Date(eligibility.windowEndsAtMs).toISOString(),
  };
}
