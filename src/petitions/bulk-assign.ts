// Bulk assign: the single assign action (same use case, same access checks, same workflow Update) run for
// each case in turn, each answered on its own, so one refusal never hides the others' outcomes.
import { AppError, type ErrorCode } from '../errors';
import type { Principal } from '../org/access';
import { actOnPetition, type PetitionServiceDeps } from './petitions';

export const MAX_BULK_ASSIGN = 100;

export interface BulkAssignInput {
  petitionIds: string[];
  assigneeId: string;
  note?: string;
}

export type BulkAssignItem =
  | { petitionId: string; trackingCode: string | null; outcome: 'assigned'; stage: string }
  | { petitionId: string; trackingCode: string | null; outcome: 'pending'; updateId: string }
  | { petitionId: string; trackingCode: string | null; outcome: 'notFound' }
  | {
      petitionId: string;
      trackingCode: string | null;
      outcome: 'refused' | 'failed';
      code: ErrorCode;
      message: string;
    };

export interface BulkAssignResult {
  items: BulkAssignItem[];
  counts: Record<BulkAssignItem['outcome'], number>;
}

/** Refusals the caller can act on (pick another case or assignee); anything else is an outage or a bug. */
const REFUSALS = new Set<ErrorCode>([
  'Forbidden',
  'ValidationFailed',
  'IllegalTransition',
  'InvalidAction',
  'PetitionClosed',
  'Conflict',
  'IdempotencyMismatch',
]);

// A few at a time: each is a workflow Update, and a page of 100 must not flood Temporal with one burst.
const CONCURRENCY = 4;

/**
 * `explain` turns a thrown failure into the AppError it means (the edge's mapping of Temporal's errors).
 * A repeat with the same idempotency key sends each case the same Update id, so an assignment is made once.
 */
export async function bulkAssign(
  deps: PetitionServiceDeps,
  principal: Principal,
  input: BulkAssignInput,
  idempotencyKey: string | undefined,
  explain: (error: unknown) => AppError,
): Promise<BulkAssignResult> {
  const ids = [...new Set(input.petitionIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_ASSIGN)
    throw new AppError('ValidationFailed', 'invalid request body', [
      { path: 'petitionIds', message: `between 1 and ${MAX_BULK_ASSIGN} cases` },
    ]);
  const codes = new Map(
    (await deps.prisma.petition.findMany({ where: { id: { in: ids } }, select: { id: true, trackingCode: true } })).map(
      (p) => [p.id, p.trackingCode],
    ),
  );
  const one = async (petitionId: string): Promise<BulkAssignItem> => {
    const trackingCode = codes.get(petitionId) ?? null;
    if (trackingCode === null) return { petitionId, trackingCode, outcome: 'notFound' };
    try {
      const outcome = await actOnPetition(
        deps,
        principal,
        petitionId,
        { action: 'assign', assigneeId: input.assigneeId, note: input.note },
        idempotencyKey,
      );
      return outcome.status === 'completed'
        ? { petitionId, trackingCode, outcome: 'assigned', stage: outcome.result.stage }
        : { petitionId, trackingCode, outcome: 'pending', updateId: outcome.updateId };
    } catch (error) {
      const appError = explain(error);
      if (appError.code === 'NotFound') return { petitionId, trackingCode, outcome: 'notFound' };
      return {
        petitionId,
        trackingCode,
        outcome: REFUSALS.has(appError.code) ? 'refused' : 'failed',
        code: appError.code,
        message: fieldMessage(appError),
      };
    }
  };
  const items: BulkAssignItem[] = new Array<BulkAssignItem>(ids.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        const i = next++;
        items[i] = await one(ids[i]!);
      }
    }),
  );
  const counts = { assigned: 0, pending: 0, notFound: 0, refused: 0, failed: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return { items, counts };
}

/** A field refusal's own words ("not an active officer …") say more than "invalid request body". */
function fieldMessage(error: AppError): string {
  const details = Array.isArray(error.details) ? (error.details as { path?: string; message?: string }[]) : [];
  const field = details.find((d) => d.message);
  return field ? `${field.path}: ${field.message}` : error.message;
}
