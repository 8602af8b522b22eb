// The officer's work queues, each one a filter of the same list use case the API's GET /petitions runs.
import type { Principal } from '../org/access';
import { countPetitions, type ListPetitionsQuery, type PetitionServiceDeps } from '../petitions/petitions';
import type { ConsoleKey } from './messages';

export const QUEUES = ['mine', 'unassigned', 'dueSoon', 'overdue', 'awaiting'] as const;
export type QueueName = (typeof QUEUES)[number];

export const QUEUE_LABEL: Record<QueueName, ConsoleKey> = {
  mine: 'queueMine',
  unassigned: 'queueUnassigned',
  dueSoon: 'queueDueSoon',
  overdue: 'queueOverdue',
  awaiting: 'queueAwaitingDecision',
};

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
  }
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
