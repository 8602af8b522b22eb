import type { PrismaClient } from '../../src/platform/db/prisma';
import type { KindPolicy } from '../../src/domain/petition/deadline-ladder';
import { createDbPolicyResolver } from '../../src/petitions/policy/policy-versions';

export interface ResolveDeadlinePolicyInput {
  petitionId: string;
  /** The unit whose clock starts (after a forward, the new unit). */
  unitId: string;
  at: string;
}

/**
 * The rules in force when a clock starts, for the unit that runs it. Null when the database holds no
 * policy versions (tests that pass a policy directly): the petition keeps the one it started with.
 */
export function makeResolveDeadlinePolicy(deps: { prisma: PrismaClient }) {
  const resolver = createDbPolicyResolver(deps.prisma);
  return async function resolveDeadlinePolicy(
    input: ResolveDeadlinePolicyInput,
  ): Promise<{ version: string; policy: KindPolicy } | null> {
    if (!(await resolver.hasVersions())) return null;
    const petition = await deps.prisma.petition.findUniqueOrThrow({
      where: { id: input.petitionId },
      select: { kind: true, round: true },
    });
    const policy = await resolver.resolve(Date.parse(input.at), input.unitId);
    const kindPolicy =
      petition.kind === 'complaint' && petition.round > 1 && policy.secondTimeComplaint
        ? policy.secondTimeComplaint()
        : policy.forKind(petition.kind);
    return { version: policy.version, policy: kindPolicy };
  };
}
