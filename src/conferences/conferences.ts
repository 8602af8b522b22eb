// Dialogue conferences and their commitments: the API's use cases. Each conference and each commitment
// runs as its own workflow (workflows/conference/); personal data of participants stays in the database.
import { randomBytes, randomUUID } from 'node:crypto';
import { isUniqueViolation, type PrismaClient } from '../platform/db/prisma';
import { AppError, invalidField } from '../errors';
import { endOfLocalDay, localDayOf, parseDay, DAY_MS } from '../domain/calendar/day';
import { hotSpotAround, subjectWords } from '../domain/conference/hot-spot';
import {
  followCommitmentAction,
  followConferenceAction,
  sendCommitmentAction,
  sendConferenceAction,
  startCommitmentWorkflow,
  startConferenceWorkflow,
  startProposalWorkflow,
  type CommitmentAction,
  type CommitmentInput,
  type ConferenceAction,
  type ConferenceInput,
  type OpinionOutcome,
} from './client';
import {
  personHoldsRoleOver,
  readableUnits,
  requireReadable,
  requireRoleOn,
  UnitTree,
  type Principal,
} from '../org/access';
import type { Client } from '@temporalio/client';
import type { TemporalDeadlines } from '../platform/temporal/start-once';
import type { KeptActions } from '../platform/temporal/kept-actions';
import type { ReceptionPolicy } from '../reception/reception-obligations';
import { nowFrom } from '../platform/runtime/clock';

export interface ConferenceDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  deadlines?: TemporalDeadlines;
  /** Writes down an action answered 202, to be sent again until it applies. */
  keptActions?: KeptActions;
  receptionPolicy: ReceptionPolicy;
  now?: () => Date;
}

async function loadConference(prisma: PrismaClient, id: string) {
  const c = await prisma.conference.findUnique({ where: { id } });
  if (!c) throw new AppError('NotFound', `no conference ${id}`);
  return c;
}

export interface CreateConferenceInput {
  unitId: string;
  kind: 'regular' | 'adhoc';
  title: string;
  topic?: string;
  startsAt: string;
  location: string;
  chairId: string;
  proposalId?: string;
}

export async function createConference(deps: ConferenceDeps, principal: Principal, input: CreateConferenceInput) {
  const tree = await requireRoleOn(
    deps.prisma,
    principal,
    input.unitId,
    ['leader', 'admin'],
    'creating a dialogue conference',
  );
  const policy = deps.receptionPolicy.conferences;
  const earliest = nowFrom(deps).getTime() + policy.announceAtLeastDays * DAY_MS;
  if (Date.parse(input.startsAt) < earliest) {
    throw invalidField('startsAt', `announced at least ${policy.announceAtLeastDays} days before (${policy.basis})`);
  }
  if (!(await personHoldsRoleOver(deps.prisma, tree, input.chairId, input.unitId, 'leader'))) {
    throw invalidField('chairId', `not an active leader of unit ${input.unitId}`);
  }
  if (input.proposalId) {
    const proposal = await deps.prisma.conferenceProposal.findUnique({ where: { id: input.proposalId } });
    if (!proposal || proposal.status !== 'open') throw invalidField('proposalId', 'no open proposal with this id');
  }
  const id = `conf-${randomBytes(4).toString('hex')}`;
  const row = await deps.prisma.conference.create({
    data: {
      id,
      unitId: input.unitId,
      kind: input.kind,
      title: input.title,
      topic: input.topic ?? null,
      startsAt: new Date(input.startsAt),
      location: input.location,
      chairId: input.chairId,
      status: 'announced',
      proposalId: input.proposalId ?? null,
      createdById: principal.personId,
    },
  });
  if (input.proposalId)
    await deps.prisma.conferenceProposal.update({ where: { id: input.proposalId }, data: { status: 'accepted' } });
  const workflowInput: ConferenceInput = {
    conferenceId: id,
    unitId: input.unitId,
    chairId: input.chairId,
    startsAt: row.startsAt.toISOString(),
    resultsWithinDays: policy.resultsWithinDays,
    remindResultsBeforeDays: policy.remindResultsBeforeDays,
  };
  await startConferenceWorkflow(deps, workflowInput, async () => {
    await deps.prisma.conference.delete({ where: { id } });
    if (input.proposalId)
      await deps.prisma.conferenceProposal.update({ where: { id: input.proposalId }, data: { status: 'open' } });
  });
  return row;
}

/** With the caller's Idempotency-Key the Update's id is stable, so a retried request is the same Update. */
const actOnConference = (deps: ConferenceDeps, id: string, action: ConferenceAction, idempotencyKey?: string) =>
  sendConferenceAction(deps, id, action, idempotencyKey ? `${id}:${idempotencyKey}` : undefined);

export async function holdConference(
  deps: ConferenceDeps,
  principal: Principal,
  id: string,
  input: { attendeeCount: number; minutes: string },
  idempotencyKey?: string,
) {
  const c = await loadConference(deps.prisma, id);
  await requireRoleOn(deps.prisma, principal, c.unitId, ['officer', 'leader'], 'recording the conference');
  await deps.prisma.conference.update({ where: { id }, data: { minutes: input.minutes } });
  return actOnConference(
    deps,
    id,
    { action: 'hold', attendeeCount: input.attendeeCount, actorId: principal.personId },
    idempotencyKey,
  );
}

export interface OpinionInput {
  participantName?: string;
  participantEmail?: string;
  field: string;
  content: string;
  outcome: OpinionOutcome;
  answer?: string;
  commitment?: { unitId?: string; assigneeId?: string; description: string; promisedBy: string };
  referredToUnitId?: string;
}

/**
 * An opinion and what became of it; a commitment starts its own tracked workflow. With an Idempotency-Key a
 * retried POST (its answer lost to a fault) finds the opinion it wrote and finishes what was left — the
 * commitment's workflow, the Update under the same id — instead of recording the opinion twice.
 */
export async function recordOpinion(
  deps: ConferenceDeps,
  principal: Principal,
  id: string,
  input: OpinionInput,
  idempotencyKey?: string,
) {
  const c = await loadConference(deps.prisma, id);
  const tree = await requireRoleOn(deps.prisma, principal, c.unitId, ['officer', 'leader'], 'recording an opinion');
  const findKeyed = () =>
    deps.prisma.conferenceOpinion.findUnique({
      where: { conferenceId_idempotencyKey: { conferenceId: id, idempotencyKey: idempotencyKey! } },
    });
  const prior = idempotencyKey ? await findKeyed() : null;
  if (prior) return finishOpinion(deps, prior);
  if (c.status !== 'held')
    throw new AppError(
      'Conflict',
      c.status === 'published'
        ? 'the results are published; the conference is closed'
        : 'the conference has not been held yet',
    );
  const invalid = (path: string, message: string) => invalidField(path, message);
  if ((input.outcome === 'answered' || input.outcome === 'explained') && !input.answer)
    throw invalid('answer', 'what was answered or explained is recorded');
  if (input.outcome === 'commitment' && !input.commitment)
    throw invalid('commitment', 'required when the outcome is commitment');
  let referredTo: string | null = null;
  if (input.outcome === 'referred') {
    referredTo = input.referredToUnitId ?? tree.ancestorsOf(c.unitId)[1] ?? null;
    if (!referredTo || !tree.has(referredTo)) throw invalid('referredToUnitId', 'no level above to refer to');
  }
  let commitmentUnit: string | null = null;
  if (input.commitment) {
    commitmentUnit = input.commitment.unitId ?? c.unitId;
    if (!tree.has(commitmentUnit)) throw invalid('commitment.unitId', 'no such unit');
    if (parseDay(input.commitment.promisedBy) <= localDayOf(nowFrom(deps).getTime()))
      throw invalid('commitment.promisedBy', 'a promised date after today');
    if (
      input.commitment.assigneeId &&
      !(await deps.prisma.person.findUnique({ where: { id: input.commitment.assigneeId } }))?.active
    )
      throw invalid('commitment.assigneeId', 'no such active person');
  }
  let opinion;
  try {
    opinion = await deps.prisma.conferenceOpinion.create({
      data: {
        conferenceId: id,
        participantName: input.participantName ?? null,
        participantEmail: input.participantEmail ?? null,
        field: input.field,
        content: input.content,
        outcome: input.outcome,
        answer: input.answer ?? null,
        referredToUnitId: referredTo,
        recordedById: principal.personId,
        idempotencyKey: idempotencyKey ?? null,
      },
    });
  } catch (error) {
    // The same key sent twice at once: the other request wrote it; this one finishes it the same way.
    const raced = idempotencyKey && isUniqueViolation(error) ? await findKeyed() : null;
    if (raced) return finishOpinion(deps, raced);
    throw error;
  }
  if (input.commitment) {
    const commitmentId = `commitment-${randomUUID()}`;
    const commitment = await deps.prisma.commitment.create({
      data: {
        id: commitmentId,
        conferenceId: id,
        opinionId: opinion.id,
        unitId: commitmentUnit!,
        assigneeId: input.commitment.assigneeId ?? null,
        description: input.commitment.description,
        promisedBy: input.commitment.promisedBy,
        dueAt: new Date(endOfLocalDay(parseDay(input.commitment.promisedBy))),
        status: 'open',
      },
    });
    // Nothing started, nothing kept: the opinion is removed with its commitment, so a retry starts afresh.
    await startCommitmentWorkflow(deps, commitmentInput(deps, commitment), async () => {
      await deps.prisma.commitment.delete({ where: { id: commitmentId } });
      await deps.prisma.conferenceOpinion.delete({ where: { id: opinion.id } });
    });
  }
  return finishOpinion(deps, opinion, true);
}

type OpinionRow = Awaited<ReturnType<PrismaClient['conferenceOpinion']['create']>>;
type CommitmentRow = Awaited<ReturnType<PrismaClient['commitment']['create']>>;

const commitmentInput = (deps: ConferenceDeps, row: CommitmentRow): CommitmentInput => ({
  commitmentId: row.id,
  conferenceId: row.conferenceId,
  opinionId: row.opinionId,
  unitId: row.unitId,
  assigneeId: row.assigneeId,
  dueAt: row.dueAt.toISOString(),
  remindBeforeDays: deps.receptionPolicy.conferences.commitmentRemindBeforeDays,
});

/**
 * The conference counts a written opinion: under an Update id of the opinion's own, so sending it again (a
 * retried request) is the same Update. A retry also starts the commitment's workflow if the first attempt
 * stopped before it (the workflow id is the commitment's: started once).
 */
async function finishOpinion(deps: ConferenceDeps, opinion: OpinionRow, fresh = false) {
  const commitment = await deps.prisma.commitment.findUnique({ where: { opinionId: opinion.id } });
  if (commitment && !fresh) await startCommitmentWorkflow(deps, commitmentInput(deps, commitment));
  const snapshot = await sendConferenceAction(
    deps,
    opinion.conferenceId,
    {
      action: 'recordOpinion',
      opinionId: opinion.id,
      outcome: opinion.outcome as OpinionOutcome,
      ...(commitment ? { commitmentId: commitment.id } : {}),
      ...(opinion.referredToUnitId ? { referredToUnitId: opinion.referredToUnitId } : {}),
      actorId: opinion.recordedById,
    },
    `${opinion.conferenceId}:opinion:${opinion.id}`,
  );
  return {
    opinion: {
      id: opinion.id,
      outcome: opinion.outcome,
      commitmentId: commitment?.id ?? null,
      referredToUnitId: opinion.referredToUnitId,
    },
    conference: snapshot,
  };
}

export async function publishResults(
  deps: ConferenceDeps,
  principal: Principal,
  id: string,
  input: { summary?: string },
  idempotencyKey?: string,
) {
  const c = await loadConference(deps.prisma, id);
  await requireRoleOn(deps.prisma, principal, c.unitId, ['leader'], 'publishing the results');
  if (input.summary) await deps.prisma.conference.update({ where: { id }, data: { resultsSummary: input.summary } });
  return actOnConference(deps, id, { action: 'publish', actorId: principal.personId }, idempotencyKey);
}

export async function actOnCommitment(
  deps: ConferenceDeps,
  principal: Principal,
  commitmentId: string,
  action: { action: 'progress'; percent: number; note: string } | { action: 'fulfil'; note: string },
  idempotencyKey?: string,
) {
  const commitment = await deps.prisma.commitment.findUnique({ where: { id: commitmentId } });
  if (!commitment) throw new AppError('NotFound', `no commitment ${commitmentId}`);
  if (commitment.assigneeId !== principal.personId)
    await requireRoleOn(deps.prisma, principal, commitment.unitId, ['officer', 'leader'], 'reporting on a commitment');
  const update: CommitmentAction = { ...action, actorId: principal.personId };
  return sendCommitmentAction(
    deps,
    commitmentId,
    update,
    idempotencyKey ? `${commitmentId}:${idempotencyKey}` : undefined,
  );
}

/** An action answered pending earlier, to whoever may read the conference. */
export async function getConferenceAction(deps: ConferenceDeps, principal: Principal, id: string, updateId: string) {
  const c = await loadConference(deps.prisma, id);
  requireReadable(principal, await UnitTree.load(deps.prisma), c.unitId, 'conference');
  return followConferenceAction(deps, id, updateId);
}

/** A commitment report answered pending earlier, to whoever may read its unit. */
export async function getCommitmentAction(
  deps: ConferenceDeps,
  principal: Principal,
  commitmentId: string,
  updateId: string,
) {
  const commitment = await deps.prisma.commitment.findUnique({ where: { id: commitmentId } });
  if (!commitment) throw new AppError('NotFound', `no commitment ${commitmentId}`);
  const tree = await UnitTree.load(deps.prisma);
  if (commitment.assigneeId !== principal.personId && !readableUnits(principal, tree).has(commitment.unitId))
    throw new AppError('Forbidden', `reading this commitment needs a role on unit ${commitment.unitId} or above it`);
  return followCommitmentAction(deps, commitmentId, updateId);
}

export async function listConferences(deps: ConferenceDeps, principal: Principal) {
  const tree = await UnitTree.load(deps.prisma);
  const rows = await deps.prisma.conference.findMany({
    where: { unitId: { in: [...readableUnits(principal, tree)] } },
    orderBy: { startsAt: 'desc' },
    include: { _count: { select: { opinions: true, commitments: true } } },
    take: 500,
  });
  return {
    items: rows.map(({ _count, minutes: _m, ...c }) => ({
      ...c,
      opinions: _count.opinions,
      commitments: _count.commitments,
    })),
  };
}

export async function getConference(deps: ConferenceDeps, principal: Principal, id: string) {
  const c = await loadConference(deps.prisma, id);
  const tree = await UnitTree.load(deps.prisma);
  requireReadable(principal, tree, c.unitId, 'conference');
  const [events, opinions, commitments] = await Promise.all([
    deps.prisma.conferenceEvent.findMany({ where: { conferenceId: id }, orderBy: { at: 'asc' } }),
    deps.prisma.conferenceOpinion.findMany({ where: { conferenceId: id }, orderBy: { createdAt: 'asc' } }),
    deps.prisma.commitment.findMany({ where: { conferenceId: id }, include: { events: { orderBy: { at: 'asc' } } } }),
  ]);
  const byField: Record<string, Record<string, number>> = {};
  for (const o of opinions) {
    byField[o.field] ??= {};
    byField[o.field]![o.outcome] = (byField[o.field]![o.outcome] ?? 0) + 1;
  }
  return {
    ...c,
    timeline: events.map((e) => ({
      type: e.type,
      at: e.at.toISOString(),
      actorId: e.actorId,
      note: e.note,
      data: e.data,
    })),
    opinions,
    opinionsByField: byField,
    commitments,
  };
}

/**
 * After a petition arrives: does it make a hot spot with the recent similar ones? Proposes an ad hoc
 * conference once per cluster, and has the unit's responsible leader told (once, by a workflow).
 */
/**
 * Every registration scans the unit's petitions of the last weeks in its field; folding each subject again
 * was most of the check's cost (≈300 ms per petition at 10 k candidates on a busy 2-core machine). A
 * petition's subject never changes, so its words are kept by id, up to a bound.
 */
const WORDS_MEMO_LIMIT = 50_000;
const wordsMemo = new Map<string, { subject: string; words: Set<string> }>();
function memoSubjectWords(c: { id: string; subject: string }): Set<string> {
  const hit = wordsMemo.get(c.id);
  if (hit && hit.subject === c.subject) return hit.words;
  const words = subjectWords(c.subject);
  if (wordsMemo.size >= WORDS_MEMO_LIMIT) wordsMemo.delete(wordsMemo.keys().next().value!);
  wordsMemo.set(c.id, { subject: c.subject, words });
  return words;
}

export async function proposeConferenceIfHotSpot(
  deps: Pick<ConferenceDeps, 'prisma' | 'temporal' | 'taskQueue' | 'deadlines'>,
  policy: ReceptionPolicy,
  petitionId: string,
): Promise<string | null> {
  const { prisma } = deps;
  const p = await prisma.petition.findUnique({
    where: { id: petitionId },
    select: { id: true, subject: true, field: true, receivingUnitId: true, receivedAt: true },
  });
  if (!p) return null;
  const { windowDays, minPetitions, minSimilarity } = policy.conferences.hotSpot;
  // Only petitions sharing a word can be similar (similarity is the share of shared words), so only those are
  // read, through the words index; rows from before the column have none stored and are read as before, until
  // they leave the window.
  const words = [...memoSubjectWords(p)];
  if (words.length === 0) return null;
  const recent = await prisma.petition.findMany({
    where: {
      receivingUnitId: p.receivingUnitId,
      field: p.field,
      receivedAt: { gte: new Date(p.receivedAt.getTime() - windowDays * DAY_MS), lte: p.receivedAt },
      OR: [{ subjectWords: { hasSome: words } }, { subjectWords: { isEmpty: true } }],
    },
    select: { id: true, subject: true, receivedAt: true },
  });
  const spot = hotSpotAround(
    { id: p.id, subject: p.subject, receivedAtMs: p.receivedAt.getTime() },
    recent.map((r) => ({ id: r.id, subject: r.subject, receivedAtMs: r.receivedAt.getTime() })),
    { minPetitions, minSimilarity },
    memoSubjectWords,
  );
  if (!spot) return null;
  const unit = await prisma.unit.findUnique({ where: { id: p.receivingUnitId }, select: { name: true } });
  const reason = `${spot.petitionIds.length} đơn về «${spot.commonWords.join(' ')}» (lĩnh vực ${p.field}) tại ${unit?.name ?? p.receivingUnitId} trong ${windowDays} ngày / ${spot.petitionIds.length} petitions about "${spot.commonWords.join(' ')}" (${p.field}) within ${windowDays} days`;
  const key = `${p.receivingUnitId}:${p.field}:${spot.petitionIds[0]}`;
  const row = await prisma.conferenceProposal.upsert({
    where: { key },
    create: { key, unitId: p.receivingUnitId, field: p.field, petitionIds: spot.petitionIds, reason },
    update: { petitionIds: spot.petitionIds, reason },
  });
  await startProposalWorkflow(deps, row.id);
  return row.id;
}

export async function listProposals(deps: ConferenceDeps, principal: Principal) {
  const tree = await UnitTree.load(deps.prisma);
  const rows = await deps.prisma.conferenceProposal.findMany({
    where: { unitId: { in: [...readableUnits(principal, tree)] } },
    orderBy: { createdAt: 'desc' },
  });
  return { items: rows };
}
