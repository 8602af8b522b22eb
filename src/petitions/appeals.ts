// Second-time complaints: a new case at the level above, linked to the first, with its own clocks.
import { AppError } from '../errors';
import { appealEligibility, type AppealEligibility } from '../domain/petition/appeal-eligibility';
import { localDayOf, yearOf } from '../domain/calendar/day';
import { rolesOver, UnitTree, type Principal } from '../org/access';
import { workingCalendarFor } from '../calendar/calendar-store';
import { registerPetition } from './petition-registration';
import { startRegistered, type PetitionServiceDeps } from './petitions';
import type { DeadlinePolicy } from './policy/policy-store';
import { nowFrom } from '../platform/runtime/clock';

export interface FileAppealInput {
  reason: string;
  remote?: boolean;
}

export interface SecondTimeCheck {
  eligibility: AppealEligibility;
  window: { limit: number; unit: 'days' | 'working_days'; basis: string };
  policy: DeadlinePolicy;
  /** Whether the first case has a decision (else only a lapsed deadline can open the path). */
  decided: boolean;
}

/**
 * Whether a first-time complaint may be followed by a second-time one now, under the rules in force at
 * `rulesUnitId`. Null when those rules do not provide for second-time complaints.
 */
export async function checkSecondTimeComplaint(
  deps: Pick<PetitionServiceDeps, 'prisma' | 'policies'>,
  first: { id: string; kind: string; round: number; currentClock: string | null; dueAt: Date | null },
  options: { nowMs: number; rulesUnitId: string; remote?: boolean },
): Promise<SecondTimeCheck | null> {
  const policy = await deps.policies.resolve(options.nowMs, options.rulesUnitId);
  const second = policy.secondTimeComplaint?.();
  if (!second) return null;
  const [decision, appeals] = await Promise.all([
    deps.prisma.petitionEvent.findFirst({ where: { petitionId: first.id, type: 'resolve' }, orderBy: { at: 'asc' } }),
    deps.prisma.petition.count({ where: { appealOfId: first.id } }),
  ]);
  const window = options.remote && second.filingWindowRemote ? second.filingWindowRemote : second.filingWindow;
  const calendar = await workingCalendarFor(
    deps.prisma,
    yearOf(localDayOf(decision?.at.getTime() ?? first.dueAt?.getTime() ?? options.nowMs)),
  );
  const eligibility = appealEligibility(
    {
      kind: first.kind,
      round: first.round,
      decidedAtMs: decision ? decision.at.getTime() : null,
      clock: first.currentClock && first.dueAt ? { name: first.currentClock, dueAtMs: first.dueAt.getTime() } : null,
      alreadyAppealed: appeals > 0,
    },
    window,
    options.nowMs,
    calendar,
  );
  return { eligibility, window, policy, decided: decision !== null };
}

export async function fileAppeal(
  deps: PetitionServiceDeps,
  principal: Principal,
  petitionId: string,
  input: FileAppealInput,
) {
  const first = await deps.prisma.petition.findUnique({
    where: { id: petitionId },
    include: { petitioners: { orderBy: { position: 'asc' } }, unit: true },
  });
  if (!first) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(deps.prisma);
  const targetUnitId = first.unit.parentId;
  if (!targetUnitId)
    throw new AppError(
      'IllegalTransition',
      'the first case was decided at the top level: there is no level above to complain to',
    );
  const roles = rolesOver(principal, targetUnitId, tree);
  if (!roles.includes('officer') && !roles.includes('leader')) {
    throw new AppError(
      'Forbidden',
      `filing a second-time complaint needs role officer or leader on unit ${targetUnitId} (the level above)`,
    );
  }
  const now = nowFrom(deps);
  const check = await checkSecondTimeComplaint(deps, first, {
    nowMs: now.getTime(),
    rulesUnitId: targetUnitId,
    remote: input.remote,
  });
  if (!check) throw new AppError('Unavailable', 'the deadline policy in force has no rules for second-time complaints');
  const { eligibility, policy } = check;
  if (!eligibility.eligible) throw new AppError('IllegalTransition', eligibility.reason);

  const registered = await registerPetition(
    deps.prisma,
    policy,
    {
      kind: 'complaint',
      receivingUnitId: targetUnitId,
      channel: first.channel,
      field: first.field,
      subject: `Khiếu nại lần hai: ${first.subject}`.slice(0, 300),
      body: `${input.reason}\n\n— Khiếu nại lần đầu ${first.trackingCode}:\n${first.body}`,
      receivedAt: now.toISOString(),
      petitioners: first.petitioners.map((p) => ({
        fullName: p.fullName,
        phone: p.phone ?? undefined,
        email: p.email ?? undefined,
        address: p.address ?? undefined,
        isRepresentative: p.isRepresentative,
      })),
      registeredById: principal.personId,
      round: 2,
      appealOfId: first.id,
    },
    { identityKey: deps.identityKey },
  );
  await startRegistered(deps, registered);
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
