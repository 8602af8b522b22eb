// The running clock, the next reminder and the extensions of a case, read from its workflow (the read model
// keeps only the due time). Same access as reading the petition.
import { queryPetitionSnapshot, type PetitionSnapshot } from './client';
import type { Principal } from '../org/access';
import { loadReadable, type PetitionServiceDeps } from './petitions';

export type PetitionClockView = Pick<
  PetitionSnapshot,
  'clock' | 'nextRung' | 'firedRungs' | 'extensions' | 'pendingExtension' | 'flags' | 'notice'
>;

/** Null when the workflow cannot answer (the worker is down, or the history is past retention). */
export async function getPetitionClock(
  deps: PetitionServiceDeps,
  principal: Principal,
  petitionId: string,
): Promise<PetitionClockView | null> {
  const { petition } = await loadReadable(deps, principal, petitionId);
  try {
    const s = await queryPetitionSnapshot(deps, petition.workflowId);
    return {
      clock: s.clock,
      nextRung: s.nextRung,
      firedRungs: s.firedRungs,
      extensions: s.extensions ?? [],
      pendingExtension: s.pendingExtension ?? null,
      flags: s.flags,
      notice: s.notice ?? null,
    };
  } catch {
    return null;
  }
}
