// Petition use cases behind the HTTP API: register (and start the workflow), act (a Temporal Update),
// read, list, and the supervisor's full history.
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { PrismaClient } from '../platform/db/prisma';
import type { Prisma } from '../generated/prisma/client';
import { AppError, invalidField } from '../errors';
import type { CreatePetitionInput, PetitionActionRequest } from './inputs';
import { firstUnstorable, UNSTORABLE_MESSAGE } from '../domain/storable-text';
import { withinCallDeadline, type TemporalDeadlines } from '../platform/temporal/start-once';
import type { KeptActions } from '../platform/temporal/kept-actions';
import {
  followPetitionAction,
  petitionUpdateId,
  sendPetitionAction,
  startPetitionWorkflow,
  type PetitionActionInput,
  type PetitionActionOutcome,
} from './client';
import { loadReadableCase } from './documents/case-access';
import { RESOLUTION_DECISION_ID, resolutionOf, resolutionView } from './decisions/resolution-decisions';
import { hasRoleAnywhere, readableUnits, rolesOver, UnitTree, type Principal } from '../org/access';
import { checkRepresentation } from '../domain/petition/representatives';
import { registerPetition, type RegisteredPetition } from './petition-registration';
import { entitledToIdentity, PETITION_INCLUDE, toListItem, toPetitioners, toTimeline } from './petition-views';
import type { PolicyResolver } from './policy/policy-versions';
import { readableHistory } from './temporal-history';
import { identityAccessLog } from './identity-access-log';
import { trackingSecretFor } from './citizen/tracking-secret';
import { allowedActions } from '../domain/petition/petition-stages';
import { checkResolutionDecision, resolutionRefusalMessage } from '../domain/petition/resolution-decision';
import { endOfWorkingDaysAhead } from '../domain/calendar/time-left';
import { localDayOf, yearOf } from '../domain/calendar/day';
import { workingCalendarFor } from '../calendar/calendar-store';
import { findDuplicateCandidates } from './duplicates/duplicates';
import { foldName } from '../domain/petitioner/petitioner-name';
import { sealedNameHash } from '../org/identity-seal';
import { nowFrom } from '../platform/runtime/clock';

export interface PetitionServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** The deadline policy in force for a receipt date and unit. */
  policies: PolicyResolver;
  codecs: PayloadCodec[];
  /** Derives the secret printed on the citizen's receipt. */
  trackingKey: Buffer;
  /** Seals and opens denouncers' identities. */
  identityKey: Buffer;
  /** PETITIONER_MATCH_KEY: keys petitioners for the duplicate check; derived from identityKey when absent. */
  matchKey?: Buffer;
  /** Run after a new petition is registered and its workflow started (the hot-spot check); wired by src/service.ts. */
  afterRegistered?: AfterRegisteredHook[];
  deadlines?: TemporalDeadlines;
  /** Writes down an action answered 202, to be sent again until it applies. */
  keptActions?: KeptActions;
  /** Tells the unit's responsible leader of a mass petition (keyed: a repeated request sends nothing new). */
  onMassPetition?: (petitionId: string) => Promise<unknown>;
  now?: () => Date;
}

export type AfterRegisteredHook = (petitionId: string) => Promise<unknown>;

/**
 * Starts the petition's workflow. A repeated request (same Idempotency-Key) finds it already running:
 * same petition. Any other failure removes a row written just now, so nothing is half-written.
 */
export async function startRegistered(
  deps: Pick<PetitionServiceDeps, 'prisma' | 'temporal' | 'taskQueue' | 'deadlines'>,
  registered: RegisteredPetition,
): Promise<void> {
  const removeRow = registered.created
    ? () => deps.prisma.petition.delete({ where: { id: registered.petitionId } })
    : undefined;
  await startPetitionWorkflow(deps, registered.workflowId, registered.workflowInput, removeRow);
}

const RECEIVED_AT_SKEW_MS = 5 * 60_000;

/** Every use case refuses what the database cannot record, whichever edge called it. */
function requireStorable(input: unknown): void {
  const path = firstUnstorable(input);
  if (path) throw invalidField(path, UNSTORABLE_MESSAGE);
}

export async function createPetition(
  deps: PetitionServiceDeps,
  principal: Principal,
  body: CreatePetitionInput,
  idempotencyKey?: string,
) {
  requireStorable(body);
  const nowMs = nowFrom(deps).getTime();
  // A few minutes of clock skew between the registering desk and the server are tolerated, not a date to come.
  if (Date.parse(body.receivedAt) > nowMs + RECEIVED_AT_SKEW_MS)
    throw invalidField('receivedAt', 'must not be in the future / ngày nhận không được ở tương lai');
  const tree = await UnitTree.load(deps.prisma);
  if (!tree.has(body.receivingUnitId)) {
    throw invalidField('receivingUnitId', 'no such unit');
  }
  const roles = rolesOver(principal, body.receivingUnitId, tree);
  if (!roles.includes('officer') && !roles.includes('leader')) {
    throw new AppError(
      'Forbidden',
      `registering a petition needs role officer or leader on unit ${body.receivingUnitId}`,
    );
  }
  const representation = checkRepresentation(
    body.petitioners.length,
    body.petitioners.filter((p) => p.isRepresentative).length,
    body.kind,
  );
  if (!representation.ok)
    throw invalidField('petitioners', `${representation.message.vi} / ${representation.message.en}`);
  const policy = await deps.policies
    .resolve(Date.parse(body.receivedAt), body.receivingUnitId)
    .catch((error: unknown) => {
      // No version was in force on that day: the receipt date is the caller's to correct, not an outage.
      if (error instanceof AppError && error.code === 'Unavailable')
        throw invalidField('receivedAt', `${error.message} / không có quy định thời hạn áp dụng cho ngày nhận này`);
      throw error;
    });
  const registered = await registerPetition(
    deps.prisma,
    policy,
    { ...body, registeredById: principal.personId, idempotencyKey },
    { identityKey: deps.identityKey, matchKey: deps.matchKey },
  );
  await startRegistered(deps, registered);
  // Advisory: a failed hook (the hot-spot check) must not undo a registered petition.
  if (registered.created)
    for (const hook of deps.afterRegistered ?? []) await hook(registered.petitionId).catch(() => null);
  // Also on a repeated request: the keyed mail sends only what did not go out the first time.
  if (representation.isMass && deps.onMassPetition) await deps.onMassPetition(registered.petitionId).catch(() => null);
  const [committed, possibleDuplicates] = await Promise.all([
    registeredState(deps, registered.petitionId),
    countPossibleDuplicates(deps, registered.petitionId),
  ]);
  return {
    id: registered.petitionId,
    trackingCode: registered.trackingCode,
    trackingSecret: trackingSecretFor(deps.trackingKey, registered.petitionId),
    workflowId: registered.workflowId,
    stage: committed.stage,
    nextDeadline: committed.nextDeadline,
    possibleDuplicates,
    created: registered.created,
  };
}

/** Advisory, like the hot-spot check: the officer reads the proposals at GET /petitions/{id}/duplicates. */
async function countPossibleDuplicates(deps: PetitionServiceDeps, petitionId: string): Promise<number> {
  try {
    const row = await deps.prisma.petition.findUniqueOrThrow({ where: { id: petitionId } });
    if (row.duplicateOfId) return 0;
    return (await findDuplicateCandidates(deps.prisma, await UnitTree.load(deps.prisma), row)).length;
  } catch {
    return 0;
  }
}

/**
 * The state a new petition was registered with: its first deadline is written with the row, from the rules
 * its workflow starts with (src/domain/petition/first-deadline.ts), so the 201 does not wait for the worker.
 */
async function registeredState(deps: PetitionServiceDeps, petitionId: string) {
  const row = await deps.prisma.petition.findUniqueOrThrow({ where: { id: petitionId }, include: PETITION_INCLUDE });
  const { stage, nextDeadline } = toListItem(row, nowFrom(deps));
  return { stage, nextDeadline };
}

export async function loadReadable(deps: PetitionServiceDeps, principal: Principal, petitionId: string) {
  return loadReadableCase(deps.prisma, principal, petitionId);
}

async function actorNames(prisma: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const people = await prisma.person.findMany({ where: { id: { in: unique } }, select: { id: true, fullName: true } });
  return new Map(people.map((p) => [p.id, p.fullName]));
}

export interface RevealIdentityOptions {
  reveal: boolean;
  reason?: string;
}

export async function getPetition(
  deps: PetitionServiceDeps,
  principal: Principal,
  petitionId: string,
  identity: RevealIdentityOptions = { reveal: false },
) {
  const { petition, tree, roles } = await loadReadable(deps, principal, petitionId);
  const entitled = await entitledToIdentity(deps.prisma, tree, principal, petition);
  if (identity.reveal) {
    if (!entitled) {
      throw new AppError(
        'Forbidden',
        "opening a denouncer's identity needs to be the assigned officer, the registering officer, a leader of the unit, or a supervisor granted it (POST /identity-grants)",
      );
    }
    if (!identity.reason || identity.reason.trim().length < 3) {
      throw new AppError('ValidationFailed', 'invalid request query', [
        { path: 'reason', message: 'why the identity is opened is recorded: give a reason' },
      ]);
    }
    // Recorded before it is shown: every reading of a secret identity leaves a trace (who, when, why).
    await deps.prisma.identityAccess.create({
      data: { petitionId, personId: principal.personId, reason: identity.reason.trim() },
    });
  }
  const [events, petitioners, links, matters, conferences, resolution] = await Promise.all([
    deps.prisma.petitionEvent.findMany({ where: { petitionId }, orderBy: [{ at: 'asc' }, { recordedAt: 'asc' }] }),
    deps.prisma.petitioner.findMany({ where: { petitionId }, orderBy: { position: 'asc' } }),
    deps.prisma.petition.findUniqueOrThrow({
      where: { id: petitionId },
      select: {
        round: true,
        appealOf: { select: { id: true, trackingCode: true } },
        appeals: { select: { id: true, trackingCode: true, unitId: true } },
      },
    }),
    // The reception sessions where it was registered or where the citizen came about it.
    deps.prisma.receptionMatter.findMany({
      where: { petitionId },
      select: { session: { select: { id: true, day: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    // The ad hoc dialogue conferences called on a hot-spot proposal that counted this case (the only link the
    // data holds between a case and a conference: an opinion or a commitment names no petition).
    deps.prisma.conferenceProposal
      .findMany({ where: { petitionIds: { has: petitionId } }, select: { id: true } })
      .then((proposals) =>
        proposals.length === 0
          ? []
          : deps.prisma.conference.findMany({
              where: { proposalId: { in: proposals.map((p) => p.id) } },
              select: { id: true, title: true, startsAt: true },
              orderBy: { startsAt: 'asc' },
            }),
      ),
    resolutionOf(deps.prisma, petition),
  ]);
  const names = await actorNames(
    deps.prisma,
    events.map((e) => e.actorId),
  );
  const pendingExtension = countOf(events, 'requestExtension') > countOf(events, 'decideExtension');
  return {
    ...toListItem(petition, nowFrom(deps)),
    allowedActions: allowedActions({
      stage: petition.stage,
      actorRoles: roles,
      forwardCount: petition.forwardCount,
      pendingExtension,
    }),
    pendingExtension,
    /** Whether the caller may open a sealed identity (with a reason, recorded). */
    identityEntitled: entitled,
    body: petition.body,
    receivingUnit: petition.receivingUnit,
    petitioners: toPetitioners(
      petitioners,
      entitled,
      identity.reveal && entitled ? { identityKey: deps.identityKey } : undefined,
    ),
    timeline: toTimeline(events, names, petition.receivedAt),
    round: links.round,
    appealOf: links.appealOf,
    appeals: links.appeals,
    receptionSessions: [...new Map(matters.map((m) => [m.session.id, m.session])).values()],
    forwards: forwardsOf(events, petition.receivingUnitId, tree),
    conferences: conferences.map((c) => ({ id: c.id, title: c.title, startsAt: c.startsAt.toISOString() })),
    resolution: resolution
      ? resolutionView(
          resolution,
          `/api/v1/petitions/${encodeURIComponent(petitionId)}/decisions/${RESOLUTION_DECISION_ID}/pdf`,
        )
      : null,
  };
}

/** The case's forwards, in order: each leaves from the unit the previous one went to (the receiving unit first). */
function forwardsOf(
  events: { type: string; at: Date; data: unknown }[],
  receivingUnitId: string,
  tree: UnitTree,
): { at: string; fromUnit: { id: string; name: string }; toUnit: { id: string; name: string } }[] {
  const unit = (id: string) => ({ id, name: tree.names.get(id) ?? id });
  let from = receivingUnitId;
  const out = [];
  for (const e of events) {
    const to = (e.data as { toUnitId?: unknown } | null)?.toUnitId;
    if (e.type !== 'forward' || typeof to !== 'string') continue;
    out.push({ at: e.at.toISOString(), fromUnit: unit(from), toUnit: unit(to) });
    from = to;
  }
  return out;
}

function countOf(events: { type: string }[], type: string): number {
  return events.filter((e) => e.type === type).length;
}

export async function getPetitionHistory(deps: PetitionServiceDeps, principal: Principal, petitionId: string) {
  const readable = await loadReadable(deps, principal, petitionId);
  const { petition } = readable;
  const [events, identityAccess] = await Promise.all([
    deps.prisma.petitionEvent.findMany({
      where: { petitionId },
      orderBy: [{ at: 'asc' }, { recordedAt: 'asc' }],
    }),
    identityAccessLog(deps.prisma, principal, readable),
  ]);
  const names = await actorNames(
    deps.prisma,
    events.map((e) => e.actorId),
  );
  const temporal = await withinCallDeadline(deps, () =>
    readableHistory(deps.temporal, petition.workflowId, deps.codecs),
  );
  return {
    petitionId,
    workflowId: petition.workflowId,
    timeline: toTimeline(events, names, petition.receivedAt),
    temporal,
    // Left out for those who may not read it (identity-access-log.ts), so the answer never hints at it.
    ...(identityAccess ? { identityAccess } : {}),
  };
}

export interface ListPetitionsQuery {
  stage?: string;
  unitId?: string;
  kind?: string;
  field?: string;
  leaderId?: string;
  overdue?: boolean;
  escalated?: boolean;
  forwarded?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  assigneeId?: string;
  /** Only cases still open (not closed, refused or withdrawn). */
  open?: boolean;
  /** Only cases assigned to the caller. */
  mine?: boolean;
  unassigned?: boolean;
  /** Open cases due by the end of the n-th working day from today (on the working calendar). */
  dueWithin?: number;
  /** Cases with an extension request waiting for the leader's decision. */
  awaitingDecision?: boolean;
  /** Cases whose reminder ladder escalated a breach to the caller, or to a unit the caller leads. */
  escalatedToMe?: boolean;
  /** Cases whose reminder ladder sent the caller a reminder. */
  remindedMe?: boolean;
  /** A tracking code (exact) or words of the subject. */
  text?: string;
  /** A petitioner's name, accents optional; a sealed identity matches only its whole name, for those handling it. */
  petitioner?: string;
  sort?: 'dueAt' | 'receivedAt' | 'trackingCode';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Open petitions with more extension requests than decisions: the leader owes a decision. */
async function awaitingDecisionIds(prisma: PrismaClient, units: string[]): Promise<string[]> {
  const counts = await prisma.petitionEvent.groupBy({
    by: ['petitionId', 'type'],
    where: {
      type: { in: ['requestExtension', 'decideExtension'] },
      petition: { closedAt: null, unitId: { in: units } },
    },
    _count: { _all: true },
  });
  const balance = new Map<string, number>();
  for (const c of counts)
    balance.set(
      c.petitionId,
      (balance.get(c.petitionId) ?? 0) + (c.type === 'requestExtension' ? c._count._all : -c._count._all),
    );
  return [...balance].filter(([, n]) => n > 0).map(([id]) => id);
}

/**
 * A rung of the ladder names whom it told in its event's `recipientIds` (the leader scorecard counts the same
 * field). The event, not the Notification row, is the record: it is written when the rung fires, before the
 * e-mail, so a relay that is down does not empty the leader's queue.
 */
function recipientIs(personId: string): Prisma.PetitionEventWhereInput {
  return { data: { path: ['recipientIds'], array_contains: [personId] } };
}

/**
 * Escalated to me: the e-mail went to me, or the escalation went to a unit I lead — it counts when that unit
 * had no responsible leader on record at the time, or when I took the post after it fired.
 */
function escalatedTo(principal: Principal): Prisma.PetitionWhereInput {
  const ledUnits = [...new Set(principal.bindings.filter((b) => b.role === 'leader').map((b) => b.unitId))];
  return {
    events: {
      some: {
        type: 'escalated',
        OR: [
          recipientIs(principal.personId),
          ...ledUnits.map((unitId) => ({ data: { path: ['toUnitId'], equals: unitId } })),
        ],
      },
    },
  };
}

/** The filter of a list query over the units the caller may read. */
async function petitionWhere(
  deps: PetitionServiceDeps,
  principal: Principal,
  query: Omit<ListPetitionsQuery, 'page' | 'pageSize'>,
  tree: UnitTree,
  now: Date,
): Promise<Prisma.PetitionWhereInput> {
  const readable = [...readableUnits(principal, tree)];
  const units = query.unitId ? readable.filter((u) => tree.subtreeOf(query.unitId!).includes(u)) : readable;
  const where: Prisma.PetitionWhereInput = {
    unitId: { in: units },
    ...(query.stage ? { stage: query.stage as never } : {}),
    ...(query.kind ? { kind: query.kind as never } : {}),
    ...(query.overdue === true ? { dueAt: { lt: now }, closedAt: null } : {}),
    ...(query.overdue === false ? { OR: [{ dueAt: null }, { dueAt: { gte: now } }] } : {}),
    ...(query.field ? { field: query.field } : {}),
    ...(query.leaderId ? { unit: { responsibleLeaderId: query.leaderId } } : {}),
    ...(query.escalated !== undefined ? { escalated: query.escalated } : {}),
    ...(query.forwarded !== undefined ? { forwardCount: query.forwarded ? { gt: 0 } : 0 } : {}),
    ...(query.receivedFrom || query.receivedTo
      ? {
          receivedAt: {
            ...(query.receivedFrom ? { gte: new Date(query.receivedFrom) } : {}),
            ...(query.receivedTo ? { lte: new Date(query.receivedTo) } : {}),
          },
        }
      : {}),
  };
  const and: Prisma.PetitionWhereInput[] = [];
  if (query.open) and.push({ closedAt: null });
  if (query.mine) and.push({ assigneeId: principal.personId });
  if (query.assigneeId) and.push({ assigneeId: query.assigneeId });
  if (query.unassigned) and.push({ assigneeId: null, closedAt: null });
  if (query.dueWithin !== undefined) {
    const calendar = await workingCalendarFor(deps.prisma, yearOf(localDayOf(now.getTime())));
    and.push({
      closedAt: null,
      dueAt: { gte: now, lte: new Date(endOfWorkingDaysAhead(now.getTime(), query.dueWithin, calendar)) },
    });
  }
  if (query.awaitingDecision) and.push({ id: { in: await awaitingDecisionIds(deps.prisma, units) } });
  if (query.escalatedToMe) and.push(escalatedTo(principal));
  if (query.remindedMe) and.push({ events: { some: { type: 'reminder', ...recipientIs(principal.personId) } } });
  if (query.text?.trim()) {
    const text = query.text.trim();
    and.push({ OR: [{ trackingCode: text.toUpperCase() }, { subject: { contains: text, mode: 'insensitive' } }] });
  }
  if (query.petitioner?.trim()) and.push(petitionerMatch(deps, principal, tree, query.petitioner));
  if (and.length) where.AND = and;
  return where;
}

/** How many cases each query finds: one unit tree for all, and no rows read (the queue counts). */
export async function countPetitions(
  deps: PetitionServiceDeps,
  principal: Principal,
  queries: Omit<ListPetitionsQuery, 'page' | 'pageSize'>[],
): Promise<number[]> {
  const tree = await UnitTree.load(deps.prisma);
  const now = nowFrom(deps);
  return Promise.all(
    queries.map(async (q) => deps.prisma.petition.count({ where: await petitionWhere(deps, principal, q, tree, now) })),
  );
}

export async function listPetitions(deps: PetitionServiceDeps, principal: Principal, query: ListPetitionsQuery) {
  const tree = await UnitTree.load(deps.prisma);
  const now = nowFrom(deps);
  const where = await petitionWhere(deps, principal, query, tree, now);
  const order = query.order ?? 'asc';
  const sort = query.sort ?? 'dueAt';
  // The id last: rows that tie keep one order from page to page, so offset paging neither repeats nor skips.
  const orderBy: Prisma.PetitionOrderByWithRelationInput[] =
    sort === 'dueAt'
      ? [{ dueAt: { sort: order, nulls: 'last' } }, { receivedAt: 'desc' }, { id: 'asc' }]
      : sort === 'receivedAt'
        ? [{ receivedAt: order }, { id: 'asc' }]
        : [{ trackingCode: order }];
  const [total, rows] = await Promise.all([
    deps.prisma.petition.count({ where }),
    // Unit names from the tree already loaded: two joins fewer on every page of every queue.
    deps.prisma.petition.findMany({
      where,
      include: { assignee: PETITION_INCLUDE.assignee },
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const unitOf = (id: string) => ({ id, name: tree.names.get(id) ?? id });
  return {
    items: rows.map((r) => toListItem({ ...r, unit: unitOf(r.unitId), receivingUnit: unitOf(r.receivingUnitId) }, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Plain names are compared folded (no diacritics) as a part of the name. A denouncer's sealed identity has no
 * plain name to compare: only the keyed hash of the whole folded name, and only on cases whose identity the
 * caller may see by handling them (assigned, registered, or a leader over the unit; canSeeIdentity) — never a
 * partial match, and never for a supervisor, whose grants are checked case by case when the identity is opened.
 */
function petitionerMatch(
  deps: PetitionServiceDeps,
  principal: Principal,
  tree: UnitTree,
  typed: string,
): Prisma.PetitionWhereInput {
  const leaderUnits = principal.bindings.filter((b) => b.role === 'leader').flatMap((b) => tree.subtreeOf(b.unitId));
  return {
    OR: [
      { kind: { not: 'denunciation' }, petitioners: { some: { nameFolded: { contains: foldName(typed) } } } },
      {
        kind: 'denunciation',
        petitioners: { some: { sealedNameHash: sealedNameHash(deps.identityKey, typed) } },
        OR: [{ assigneeId: principal.personId }, { createdById: principal.personId }, { unitId: { in: leaderUnits } }],
      },
    ],
  };
}

export async function actOnPetition(
  deps: PetitionServiceDeps,
  principal: Principal,
  petitionId: string,
  body: PetitionActionRequest,
  idempotencyKey?: string,
): Promise<PetitionActionOutcome> {
  // Before the Update: a workflow that accepted a note the event write then cannot store moves on alone.
  requireStorable(body);
  const petition = await deps.prisma.petition.findUnique({ where: { id: petitionId } });
  if (!petition) throw new AppError('NotFound', `no petition ${petitionId}`);
  const tree = await UnitTree.load(deps.prisma);
  const roles = rolesOver(principal, petition.unitId, tree);
  if (roles.length === 0 && !hasRoleAnywhere(principal, ['admin'])) {
    throw new AppError('Forbidden', `acting on this petition needs role officer or leader on unit ${petition.unitId}`);
  }
  if (body.action === 'forward' && !tree.has(body.toUnitId)) {
    throw invalidField('toUnitId', 'no such unit');
  }
  if (body.action === 'assign') await checkAssignee(deps.prisma, body.assigneeId, petition.unitId);
  // The workflow's validator checks the same again; here the caller gets a 400 naming the field.
  if (body.action === 'resolve') {
    const why = checkResolutionDecision({
      kind: petition.kind,
      decision: body.decision,
      receivedAt: petition.receivedAt.toISOString(),
      nowMs: nowFrom(deps).getTime(),
    });
    if (why) throw invalidField(why.path, resolutionRefusalMessage(why));
  }

  const input: PetitionActionInput = {
    action: body.action,
    actor: { personId: principal.personId, roles },
    reason: 'reason' in body ? body.reason : 'note' in body ? body.note : undefined,
    summary: 'summary' in body ? body.summary : undefined,
    toUnitId: body.action === 'forward' ? body.toUnitId : undefined,
    assigneeId: body.action === 'assign' ? body.assigneeId : undefined,
    flags:
      body.action === 'setFlags'
        ? Object.fromEntries(
            Object.entries({
              complex: body.complex,
              veryComplex: body.veryComplex,
              remote: body.remote,
              multiSite: body.multiSite,
            }).filter(([, v]) => v !== undefined),
          )
        : undefined,
    days: body.action === 'requestExtension' ? body.days : undefined,
    approve: body.action === 'decideExtension' ? body.approve : undefined,
    decision: body.action === 'decideExtension' ? body.decision : undefined,
    resolution: body.action === 'resolve' ? body.decision : undefined,
  };
  return sendPetitionAction(deps, petition.workflowId, input, petitionUpdateId(petitionId, idempotencyKey));
}

/** An action answered `202` earlier: its result, or still pending. */
export async function getPetitionAction(
  deps: PetitionServiceDeps,
  principal: Principal,
  petitionId: string,
  updateId: string,
): Promise<PetitionActionOutcome> {
  const { petition } = await loadReadable(deps, principal, petitionId);
  return followPetitionAction(deps, petition.workflowId, updateId);
}

async function checkAssignee(prisma: PrismaClient, assigneeId: string, unitId: string): Promise<void> {
  const person = await prisma.person.findUnique({ where: { id: assigneeId }, include: { roleBindings: true } });
  const eligible =
    person?.active &&
    person.roleBindings.some((b) => (b.role === 'officer' || b.role === 'leader') && b.unitId === unitId);
  if (!eligible) {
    throw invalidField('assigneeId', `not an active officer or leader of unit ${unitId}`);
  }
}
