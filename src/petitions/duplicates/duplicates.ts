// Đơn trùng: the likely duplicates of a petition across its province, with the reasons, and the officer's
// decision — the same matter as an open case (handled there), as one already decided (the legal answer,
// no new case), or a new matter. Candidates are read across the province whatever the officer's own units:
// a proposal shows where a case is handled (tracking code, unit, stage, subject), never who sent it.
import type { PrismaClient } from '../../platform/db/prisma';
import { isUniqueViolation } from '../../platform/db/prisma';
import { AppError, invalidField } from '../../errors';
import { rolesOver, UnitTree, type Principal } from '../../org/access';
import { isTerminal } from '../../domain/petition/petition-stages';
import {
  alreadyDecidedAnswer,
  duplicateReasons,
  duplicateScore,
  reasonText,
  subjectWords,
  wordSimilarity,
  wordsAnAlikeSubjectShares,
  SIMILAR_SUBJECT_ALONE,
  type DuplicateReason,
  type PetitionerFacet,
} from '../../domain/petition/duplicate-match';
import { facetOfKey } from './petitioner-keys';
import { sendLinkDuplicate, type PetitionActionOutcome } from '../client';
import type { TemporalCaller } from '../../platform/temporal/start-once';

/** How far back a subject alone is compared (the same petitioner is looked for without a limit). */
const SUBJECT_WINDOW_MS = 2 * 365 * 86_400_000;
const SUBJECT_SCAN_LIMIT = 2_000;
const MAX_PROPOSALS = 10;
const DECIDED_STAGES = ['resolved', 'closed'];

export interface DuplicateProposal {
  petitionId: string;
  trackingCode: string;
  kind: string;
  subject: string;
  field: string;
  stage: string;
  unit: { id: string; name: string };
  receivedAt: string;
  /** Already decided (resolved or closed): linking gives the legal answer instead of joining the case. */
  decided: boolean;
  reasons: (DuplicateReason & { vi: string; en: string })[];
  score: number;
}

interface SubjectPetition {
  id: string;
  unitId: string;
  receivingUnitId: string;
  field: string;
  subject: string;
  appealOfId: string | null;
}

/** The province a unit belongs to: the top of the administered tree above it (a commune's province). */
function provinceUnits(tree: UnitTree, unitId: string): string[] {
  const chain = tree.ancestorsOf(unitId);
  const top = chain.find((u) => tree.isTop(u)) ?? chain[chain.length - 1] ?? unitId;
  return tree.subtreeOf(top);
}

/**
 * Folding up to SUBJECT_SCAN_LIMIT subjects again on every registration was an eighth of the service's main
 * thread at 2,500 open petitions (V8 profile of `npm run bench`, 2026-12-02), and grew with the backlog. A
 * petition's subject never changes, so its words are kept by id, up to a bound.
 */
const WORDS_KEPT = 20_000;
const keptSubjectWords = new Map<string, { subject: string; words: Set<string> }>();
function keptWords(row: { id: string; subject: string }): Set<string> {
  const hit = keptSubjectWords.get(row.id);
  if (hit && hit.subject === row.subject) return hit.words;
  const words = subjectWords(row.subject);
  if (keptSubjectWords.size >= WORDS_KEPT) keptSubjectWords.delete(keptSubjectWords.keys().next().value!);
  keptSubjectWords.set(row.id, { subject: row.subject, words });
  return words;
}

/**
 * The petitioner rows carrying one of the keys, in the province, of cases not linked as duplicates. Read by the
 * keys alone (the matchKeys GIN index), the province checked here: with the case's conditions in the same query
 * PostgreSQL walked every case of the province and probed its petitioners (index scans on Petitioner ≈ half the
 * cases on each registration, measured with `pg_stat_user_indexes`, 2026-12-02), a cost that grew with the backlog.
 */
async function samePetitionerRows(prisma: PrismaClient, keys: string[], province: Set<string>, self: string) {
  const rows = await prisma.petitioner.findMany({
    where: { matchKeys: { hasSome: keys }, petitionId: { not: self } },
    select: { petitionId: true, matchKeys: true, petition: { select: { unitId: true, duplicateOfId: true } } },
  });
  return rows.filter((r) => r.petition.duplicateOfId === null && province.has(r.petition.unitId));
}

export async function findDuplicateCandidates(
  prisma: PrismaClient,
  tree: UnitTree,
  petition: SubjectPetition & { receivedAt: Date },
): Promise<DuplicateProposal[]> {
  const province = provinceUnits(tree, petition.unitId);
  const own = await prisma.petitioner.findMany({ where: { petitionId: petition.id }, select: { matchKeys: true } });
  const keys = [...new Set(own.flatMap((p) => p.matchKeys))];
  const inProvince = { unitId: { in: province }, duplicateOfId: null, id: { not: petition.id } };
  // Only the rows that share a word a subject this alike must share are read (through the words index), and
  // rows from before that column (none stored) as well; no such word is certain for a few subjects: all are read.
  const alikeShares = wordsAnAlikeSubjectShares(petition.subject);
  const [samePetitioner, recent] = await Promise.all([
    keys.length ? samePetitionerRows(prisma, keys, new Set(province), petition.id) : Promise.resolve([]),
    alikeShares?.length === 0
      ? Promise.resolve([])
      : prisma.petition.findMany({
          where: {
            ...inProvince,
            receivedAt: { gte: new Date(petition.receivedAt.getTime() - SUBJECT_WINDOW_MS) },
            ...(alikeShares && {
              OR: [{ subjectWords: { hasSome: alikeShares } }, { subjectWords: { isEmpty: true } }],
            }),
          },
          select: { id: true, subject: true },
          orderBy: { receivedAt: 'desc' },
          take: SUBJECT_SCAN_LIMIT,
        }),
  ]);
  const facets = new Map<string, Set<PetitionerFacet>>();
  const myKeys = new Set(keys);
  const mine = subjectWords(petition.subject);
  for (const row of samePetitioner) {
    const set = facets.get(row.petitionId) ?? new Set<PetitionerFacet>();
    for (const k of row.matchKeys) if (myKeys.has(k)) set.add(facetOfKey(k));
    facets.set(row.petitionId, set);
  }
  const ids = new Set([
    ...facets.keys(),
    ...recent.filter((r) => wordSimilarity(keptWords(r), mine) >= SIMILAR_SUBJECT_ALONE).map((r) => r.id),
  ]);
  if (ids.size === 0) return [];
  const rows = await prisma.petition.findMany({
    where: { id: { in: [...ids] } },
    include: { unit: { select: { id: true, name: true } } },
  });
  const out: DuplicateProposal[] = [];
  for (const row of rows) {
    // A second-time complaint and its first case are one matter on purpose; refused or withdrawn cases
    // handle nothing, so a new letter about them is a new matter.
    if (row.id === petition.appealOfId || row.appealOfId === petition.id) continue;
    if (row.stage === 'refused' || row.stage === 'withdrawn') continue;
    const facts = {
      sharedFacets: [...(facets.get(row.id) ?? [])],
      similarity: wordSimilarity(keptWords(row), mine),
      sameField: row.field === petition.field,
    };
    const reasons = duplicateReasons(facts);
    if (!reasons) continue;
    out.push({
      petitionId: row.id,
      trackingCode: row.trackingCode,
      kind: row.kind,
      subject: row.subject,
      field: row.field,
      stage: row.stage,
      unit: row.unit,
      receivedAt: row.receivedAt.toISOString(),
      decided: DECIDED_STAGES.includes(row.stage),
      reasons: reasons.map((r) => ({ ...r, ...reasonText(r) })),
      score: Math.round(duplicateScore(facts) * 100) / 100,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.receivedAt.localeCompare(a.receivedAt)).slice(0, MAX_PROPOSALS);
}

export interface DuplicateDeps extends TemporalCaller {
  prisma: PrismaClient;
}

async function loadForHandling(deps: DuplicateDeps, principal: Principal, petitionId: string) {
  const petition = await deps.prisma.petition.findUnique({ where: { id: petitionId } });
  if (!petition) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(deps.prisma);
  const roles = rolesOver(principal, petition.unitId, tree);
  return { petition, tree, roles };
}

function requireHandler(roles: string[], unitId: string): void {
  if (!roles.includes('officer') && !roles.includes('leader'))
    throw new AppError('Forbidden', `deciding on duplicates needs role officer or leader on unit ${unitId}`);
}

const reviewKey = (workflowId: string) => `${workflowId}:duplicate-review`;

/** The proposals for a petition and what was decided about them, for whoever may read the case. */
export async function proposeDuplicates(deps: DuplicateDeps, principal: Principal, petitionId: string) {
  const { petition, tree, roles } = await loadForHandling(deps, principal, petitionId);
  if (roles.length === 0)
    throw new AppError('Forbidden', `reading this petition needs a role on unit ${petition.unitId} or a unit above it`);
  const [proposals, review, linked] = await Promise.all([
    petition.duplicateOfId ? Promise.resolve([]) : findDuplicateCandidates(deps.prisma, tree, petition),
    deps.prisma.petitionEvent.findUnique({ where: { key: reviewKey(petition.workflowId) } }),
    petition.duplicateOfId
      ? deps.prisma.petition.findUnique({
          where: { id: petition.duplicateOfId },
          select: { id: true, trackingCode: true, unit: { select: { id: true, name: true } } },
        })
      : Promise.resolve(null),
  ]);
  const decision = linked
    ? { decision: 'duplicate' as const, duplicateOf: linked }
    : review
      ? { decision: 'newMatter' as const, at: review.at.toISOString(), actorId: review.actorId, note: review.note }
      : null;
  return { petitionId, decision, proposals };
}

export type DuplicateDecisionInput =
  | { decision: 'duplicate'; ofPetitionId: string; hasNewFacts?: boolean; note?: string }
  | { decision: 'newMatter'; note?: string };

export type DuplicateDecisionResult =
  | { decision: 'newMatter'; petitionId: string }
  | {
      decision: 'duplicate' | 'alreadyDecided';
      petitionId: string;
      duplicateOf: { id: string; trackingCode: string; unit: { id: string; name: string } };
      answer: { basis: string; vi: string; en: string } | null;
      outcome: PetitionActionOutcome;
    };

export async function decideDuplicate(
  deps: DuplicateDeps,
  principal: Principal,
  petitionId: string,
  input: DuplicateDecisionInput,
): Promise<DuplicateDecisionResult> {
  const { petition, tree, roles } = await loadForHandling(deps, principal, petitionId);
  requireHandler(roles, petition.unitId);
  if (petition.duplicateOfId)
    throw new AppError(
      'IllegalTransition',
      `the petition is already linked as a duplicate of ${petition.duplicateOfId}`,
    );
  if (input.decision === 'newMatter') {
    if (isTerminal(petition.stage))
      throw new AppError('PetitionClosed', 'the petition is closed; there is nothing to decide / đơn đã đóng');
    // Keyed per petition: the review is recorded once, a repeated request finds it.
    await deps.prisma.petitionEvent
      .create({
        data: {
          key: reviewKey(petition.workflowId),
          petitionId,
          type: 'notDuplicate',
          actorId: principal.personId,
          actorRole: roles.join(','),
          stageFrom: petition.stage,
          stageTo: petition.stage,
          note: input.note ?? null,
          at: new Date(),
        },
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
      });
    return { decision: 'newMatter', petitionId };
  }
  if (input.ofPetitionId === petitionId) throw invalidField('ofPetitionId', 'a petition cannot duplicate itself');
  const target = await deps.prisma.petition.findUnique({
    where: { id: input.ofPetitionId },
    include: { unit: { select: { id: true, name: true } } },
  });
  if (!target) throw invalidField('ofPetitionId', 'no such petition');
  if (!provinceUnits(tree, petition.unitId).includes(target.unitId))
    throw invalidField('ofPetitionId', 'the case is handled outside this province / hồ sơ không thuộc tỉnh này');
  if (target.duplicateOfId)
    throw invalidField('ofPetitionId', `that petition is itself a duplicate; link to ${target.duplicateOfId}`);
  const decided = DECIDED_STAGES.includes(target.stage);
  if (!decided && isTerminal(target.stage))
    throw invalidField(
      'ofPetitionId',
      `that case was ${target.stage} and handles nothing: register this one as a new matter / hồ sơ đã ${target.stage === 'refused' ? 'không thụ lý' : 'rút'}`,
    );
  // New facts or evidence make a decided matter a new one (Luật Tố cáo 2018 Đ.25 k1 a, read the other way).
  if (decided && input.hasNewFacts)
    throw invalidField(
      'hasNewFacts',
      'a petition with new facts about a decided matter is a new matter: decide "newMatter" / có tình tiết mới thì xử lý như đơn mới',
    );
  const answer = decided ? alreadyDecidedAnswer(target) : null;
  const outcome = await sendLinkDuplicate(
    deps,
    petition.workflowId,
    {
      actor: { personId: principal.personId, roles },
      duplicateOfId: target.id,
      duplicateOfTrackingCode: target.trackingCode,
      handledByUnitId: target.unit.id,
      handledByUnitName: target.unit.name,
      decided,
      ...(answer ? { answer } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
    `${petitionId}:duplicate-of:${target.id}`,
  );
  return {
    decision: decided ? 'alreadyDecided' : 'duplicate',
    petitionId,
    duplicateOf: { id: target.id, trackingCode: target.trackingCode, unit: target.unit },
    answer,
    outcome,
  };
}
