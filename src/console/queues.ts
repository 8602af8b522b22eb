// The home page's work queues, each one a filter of the same list use case the API's GET /petitions runs.
import { hasRoleAnywhere, type Principal } from '../org/access';
import { countPetitions, type ListPetitionsQuery, type PetitionServiceDeps } from '../petitions/petitions';
import type { ConsoleKey } from './messages';

export const QUEUES = ['mine', 'unassigned', 'dueSoon', 'overdue', 'awaiting', 'escalatedToMe', 'myReminders'] as const;
export type QueueName = (typeof QUEUES)[number];

export const QUEUE_LABEL: Record<QueueName, ConsoleKey> = {
  mine: 'queueMine',
  unassigned: 'queueUnassigned',
  dueSoon: 'queueDueSoon',
  overdue: 'queueOverdue',
  awaiting: 'queueAwaitingDecision',
  escalatedToMe: 'queueEscalatedToMe',
  myReminders: 'queueMyReminders',
};

/** The leader's queues (issue 12): what the reminder ladder sent to this person. */
const LEADER_QUEUES: readonly QueueName[] = ['escalatedToMe', 'myReminders'];

export function queueFilter(queue: QueueName, principal: Principal): Omit<ListPetitionsQuery, 'page' | 'pageSize'> {
  switch (queue) {
    case 'mine':
      return { mine: true, open: true };
    case 'unassigned':
      return { unassigned: true, unitId: principal.unitId };
    case 'dueSoon':
      return { dueWithin: 3, open: true };
    case 'overdue':
      return { overdue: true };
    case 'awaiting':
      return { awaitingDecision: true };
    // Open cases only, like "mine": a closed case needs nothing more from the person reminded.
    case 'escalatedToMe':
      return { escalatedToMe: true, open: true };
    case 'myReminders':
      return { remindedMe: true, open: true };
  }
}

/**
 * The queues shown on the home page. A leader always sees the two ladder queues (an empty one is news too);
 * anyone else sees one only while it holds a case — an officer reminded of a case assigned to them, or a
 * supervisor a breach was escalated to — so the officers' home stays as short as it was.
 */
export function visibleQueues(principal: Principal | null, counts: Record<QueueName, number>): QueueName[] {
  const isLeader = principal !== null && hasRoleAnywhere(principal, ['leader']);
  return QUEUES.filter((q) => !LEADER_QUEUES.includes(q) || isLeader || counts[q] > 0);
}

export function isQueue(value: unknown): value is QueueName {
  return typeof value === 'string' && (QUEUES as readonly string[]).includes(value);
}

export async function queueCounts(deps: PetitionServiceDeps, principal: Principal): Promise<Record<QueueName, number>> {
  const totals = await countPetitions(
    deps,
    principal,
    QUEUES.map((q) => queueFilter(q, principal)),
  );
  return Object.fromEntries(QUEUES.map((q, i) => [q, totals[i]!])) as Record<QueueName, number>;
}
