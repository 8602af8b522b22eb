// The leader's cycle pages: the unit's reception calendar and sessions, dialogue conferences, their
// commitments, the leader's own scorecard and identity grants to supervisors. Each page and each form
// calls the use case the JSON API calls, with the signed-in principal, so access is checked in one place.
import { Router, type Request, type Response } from 'express';
import { listCommitments } from '../../conferences/commitment-list';
import {
  actOnCommitment,
  createConference,
  getConference,
  holdConference,
  listConferences,
  listProposals,
  publishResults,
  recordOpinion,
} from '../../conferences/conferences';
import { formatDay, localDayOf } from '../../domain/calendar/day';
import { AppError, type FieldError } from '../../errors';
import { hasRoleAnywhere, rolesOver, UnitTree, type Principal } from '../../org/access';
import { grantIdentityAccess, listIdentityGrants, revokeIdentityGrant } from '../../org/identity-grants';
import {
  closeSession,
  delegateSession,
  getSession,
  listSessions,
  postponeSession,
  recordMatter,
} from '../../reception/reception-sessions';
import { leaderScorecard } from '../../reports/leader-scorecard';
import { periodOf } from '../../api/period-query';
import { nowFrom } from '../../platform/runtime/clock';
import { statusFor, toAppError } from '../../web/app-errors';
import { compareNames, formatDate } from '../../web/format';
import { sendPage } from '../../web/render';
import type { ConsoleDeps } from '../console-deps';
import { idempotencyKeyOf } from '../forms';
import type { PageContext } from '../page-context';
import { refusalWords } from '../refusals';
import {
  closeForm,
  conferenceForm,
  delegateForm,
  fulfilForm,
  grantForm,
  holdForm,
  matterForm,
  opinionForm,
  postponeForm,
  progressForm,
  publishForm,
  type Fields,
  type Parsed,
} from './cycles-forms';
import { cyclesT, type CyclesKey } from './cycles-messages';
import { ledUnits, namesOf, peopleWithRoleOver } from './cycles-people';
import { href, type Failed, type Outcome } from './cycles-ui';
import { CommitmentsPage } from './pages/commitments';
import { ConferencePage, type ConferenceAction } from './pages/conference';
import { ConferencesPage } from './pages/conferences';
import { IdentityGrantsPage, type GrantRow } from './pages/identity-grants';
import { ReceptionCalendarPage, type SessionRow } from './pages/reception-calendar';
import { ReceptionSessionPage, type SessionAction } from './pages/reception-session';
import { ScorecardPage } from './pages/scorecard';

const ACTIONS = [
  'postpone',
  'delegate',
  'matter',
  'close',
  'call',
  'hold',
  'opinion',
  'publish',
  'progress',
  'fulfil',
  'grant',
  'revoke',
] as const;
type Action = (typeof ACTIONS)[number];

interface PageState {
  outcome?: Outcome | null;
  failed?: Failed;
  status?: number;
}

const isLeader = (p: Principal) => hasRoleAnywhere(p, ['leader']);

/** A use case's answer that the workflow has not given yet (a `202` on the API): the action is kept. */
function isPendingAnswer(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { status?: unknown }).status === 'pending';
}
function isKeptUpdate(error: AppError): boolean {
  const details = error.details as { updateId?: unknown } | undefined;
  return error.code === 'Unavailable' && typeof details?.updateId === 'string';
}

function valuesOf(fields: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf') out[k] = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return out;
}

export function cyclesPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();
  const now = () => nowFrom(deps);

  const doneOutcome = (req: Request): Outcome | null => {
    const done = ACTIONS.find((a) => a === req.query.done);
    if (!done) return null;
    const w = cyclesT(ctxOf(req));
    return { kind: 'done', headline: w('done', { what: w(`action_${done}` as CyclesKey) }) };
  };

  /**
   * Runs one form's use case: a form that does not parse, or a refusal, shows the page again with the
   * reason in words (the form open, its values kept); a kept Update says so (202); success redirects
   * (303) to the page with a "done" notice, so a reload does not post again.
   */
  async function perform<T>(
    req: Request,
    res: Response,
    options: {
      action: Action;
      parsed: Parsed<T>;
      run: (value: T) => Promise<unknown>;
      render: (state: PageState) => Promise<void>;
      page: string;
      fieldWords?: (error: FieldError) => string | undefined;
    },
  ): Promise<void> {
    const ctx = ctxOf(req);
    const w = cyclesT(ctx);
    const fields = req.body as Fields;
    const failed = (errors: Record<string, string>): Failed => ({
      action: options.action,
      errors,
      values: valuesOf(fields),
    });
    if (!options.parsed.ok) {
      return options.render({
        outcome: { kind: 'error', headline: ctx.t('refusal_ValidationFailed') },
        failed: failed(options.parsed.errors),
        status: 400,
      });
    }
    const pending = (): PageState => ({
      outcome: { kind: 'pending', headline: w('pending'), followHref: href(options.page.split('#')[0]!) },
      status: 202,
    });
    try {
      const result = await options.run(options.parsed.value);
      if (isPendingAnswer(result)) return options.render(pending());
    } catch (error) {
      const appError = toAppError(error);
      if (isKeptUpdate(appError)) return options.render(pending());
      if (['NotFound', 'Forbidden', 'Internal', 'Unavailable'].includes(appError.code)) throw appError;
      if (appError.code === 'ValidationFailed') {
        const details = (appError.details as FieldError[] | undefined) ?? [];
        const errors = Object.fromEntries(details.map((d) => [d.path, options.fieldWords?.(d) ?? d.message]));
        const worded = details.map((d) => options.fieldWords?.(d)).find(Boolean);
        return options.render({
          outcome: { kind: 'error', headline: ctx.t('refusal_ValidationFailed'), detail: worded ?? appError.message },
          failed: failed(Object.keys(errors).length ? errors : { form: appError.message }),
          status: 400,
        });
      }
      const words = refusalWords(ctx, appError);
      return options.render({
        outcome: { kind: 'error', headline: `${ctx.t('refusedTitle')}: ${words.headline}`, detail: words.detail },
        failed: failed({}),
        status: statusFor(appError),
      });
    }
    const [path, fragment] = options.page.split('#');
    res.redirect(303, `${href(path!)}?done=${options.action}${fragment ? `#${fragment}` : ''}`);
  }

  // ——— Reception calendar and sessions ———

  router.get('/reception', async (req, res) => {
    const principal = req.principal!;
    const today = localDayOf(now().getTime());
    const [{ items }, tree] = await Promise.all([
      listSessions(deps, principal, { from: formatDay(today - 30) }),
      UnitTree.load(deps.prisma),
    ]);
    const names = await namesOf(
      deps.prisma,
      items.map((s) => s.receivingLeaderId),
    );
    const rows: (SessionRow & { dayNumber: string })[] = items.map((s) => ({
      id: s.id,
      unitName: tree.names.get(s.unitId) ?? s.unitId,
      day: s.day,
      dayNumber: s.day,
      startsAt: s.startsAt.toISOString(),
      location: s.location,
      status: s.status,
      receivingName: names.get(s.receivingLeaderId) ?? s.receivingLeaderId,
      registrations: s.registrations,
      matters: s.matters,
    }));
    const todayText = formatDay(today);
    sendPage(
      res,
      <ReceptionCalendarPage
        ctx={ctxOf(req)}
        isLeader={isLeader(principal)}
        today={rows.filter((s) => s.day === todayText)}
        upcoming={rows.filter((s) => s.day > todayText)}
        recent={rows.filter((s) => s.day < todayText).reverse()}
      />,
    );
  });

  const renderSession = async (req: Request, res: Response, id: string, state: PageState = {}) => {
    const principal = req.principal!;
    const session = await getSession(deps, principal, id);
    const tree = await UnitTree.load(deps.prisma);
    const roles = rolesOver(principal, session.unitId, tree);
    const leads = roles.includes('leader');
    const records = leads || roles.includes('officer');
    const allowed: SessionAction[] = [];
    if (session.status === 'open' && records) allowed.push('matter', 'close');
    if (session.status === 'announced' && leads) allowed.push('postpone');
    if (session.status !== 'closed' && leads) allowed.push('delegate');
    const petitionIds = session.matters.map((m) => m.petitionId).filter((x): x is string => Boolean(x));
    const [names, deputies, petitions] = await Promise.all([
      namesOf(deps.prisma, [session.leaderId, session.receivingLeaderId, ...session.timeline.map((e) => e.actorId)]),
      allowed.includes('delegate')
        ? peopleWithRoleOver(deps.prisma, tree, [session.unitId], 'leader')
        : Promise.resolve([]),
      petitionIds.length
        ? deps.prisma.petition.findMany({
            where: { id: { in: petitionIds } },
            select: { id: true, trackingCode: true },
          })
        : Promise.resolve([]),
    ]);
    sendPage(
      res,
      <ReceptionSessionPage
        ctx={ctxOf(req)}
        isLeader={isLeader(principal)}
        session={session}
        unitName={tree.names.get(session.unitId) ?? session.unitId}
        names={names}
        petitionCodes={new Map(petitions.map((p) => [p.id, p.trackingCode]))}
        allowed={allowed}
        deputies={deputies.filter((p) => p.id !== session.receivingLeaderId)}
        outcome={state.outcome === undefined ? doneOutcome(req) : state.outcome}
        failed={state.failed}
      />,
      state.status ?? 200,
    );
  };

  router.get('/reception/sessions/:id', (req, res) => renderSession(req, res, req.params.id));

  const sessionAction = (action: Action, path: string, handler: (req: Request, res: Response) => Promise<void>) =>
    router.post(`/reception/sessions/:id/${path}`, handler);

  sessionAction('postpone', 'postpone', async (req, res) => {
    const id = req.params.id as string;
    const ctx = ctxOf(req);
    const fields = req.body as Fields;
    await perform(req, res, {
      action: 'postpone',
      parsed: postponeForm(fields),
      run: (value) => postponeSession(deps, req.principal!, id, value),
      render: (state) => renderSession(req, res, id, state),
      page: `/reception/sessions/${encodeURIComponent(id)}`,
      fieldWords: (d) =>
        d.path === 'day' && /not a working day/.test(d.message)
          ? cyclesT(ctx)('notWorkingDay', { day: formatDate(`${String(fields.day)}T12:00:00+07:00`, ctx.lang) })
          : undefined,
    });
  });
  sessionAction('delegate', 'delegate', async (req, res) => {
    const id = req.params.id as string;
    await perform(req, res, {
      action: 'delegate',
      parsed: delegateForm(req.body as Fields),
      run: (value) => delegateSession(deps, req.principal!, id, value),
      render: (state) => renderSession(req, res, id, state),
      page: `/reception/sessions/${encodeURIComponent(id)}`,
    });
  });
  sessionAction('matter', 'matters', async (req, res) => {
    const id = req.params.id as string;
    const fields = req.body as Fields;
    await perform(req, res, {
      action: 'matter',
      parsed: matterForm(fields),
      // The form's key makes a repeated post (a reload, a double click) register the petition once.
      run: (value) => recordMatter(deps, req.principal!, id, value, idempotencyKeyOf(fields as Record<string, string>)),
      render: (state) => renderSession(req, res, id, state),
      page: `/reception/sessions/${encodeURIComponent(id)}`,
    });
  });
  sessionAction('close', 'close', async (req, res) => {
    const id = req.params.id as string;
    await perform(req, res, {
      action: 'close',
      parsed: closeForm(req.body as Fields),
      run: (value) => closeSession(deps, req.principal!, id, value),
      render: (state) => renderSession(req, res, id, state),
      page: `/reception/sessions/${encodeURIComponent(id)}`,
    });
  });

  // ——— Dialogue conferences ———

  const renderConferences = async (req: Request, res: Response, state: PageState = {}) => {
    const principal = req.principal!;
    const [{ items }, proposals, tree] = await Promise.all([
      listConferences(deps, principal),
      listProposals(deps, principal),
      UnitTree.load(deps.prisma),
    ]);
    const units = ledUnits(principal.bindings, tree);
    const call = units.length
      ? {
          units: units
            .map((id) => ({ id, name: tree.names.get(id) ?? id }))
            .sort((a, b) => compareNames(a.name, b.name)),
          chairs: await peopleWithRoleOver(deps.prisma, tree, units, 'leader'),
          announceAtLeastDays: deps.receptionPolicy.conferences.announceAtLeastDays,
          basis: deps.receptionPolicy.conferences.basis,
        }
      : null;
    sendPage(
      res,
      <ConferencesPage
        ctx={ctxOf(req)}
        isLeader={isLeader(principal)}
        conferences={items}
        proposals={proposals.items}
        unitNames={tree.names}
        call={call}
        outcome={state.outcome === undefined ? doneOutcome(req) : state.outcome}
        failed={state.failed}
      />,
      state.status ?? 200,
    );
  };

  router.get('/conferences', (req, res) => renderConferences(req, res));

  router.post('/conferences', async (req, res) => {
    let createdId = '';
    await perform(req, res, {
      action: 'call',
      parsed: conferenceForm(req.body as Fields),
      run: async (value) => {
        createdId = (await createConference(deps, req.principal!, value)).id;
      },
      render: (state) => renderConferences(req, res, state),
      get page() {
        return `/conferences/${encodeURIComponent(createdId)}`;
      },
    });
  });

  const renderConference = async (req: Request, res: Response, id: string, state: PageState = {}) => {
    const principal = req.principal!;
    const conference = await getConference(deps, principal, id);
    const tree = await UnitTree.load(deps.prisma);
    const roles = rolesOver(principal, conference.unitId, tree);
    const leads = roles.includes('leader');
    const records = leads || roles.includes('officer');
    const holdFromMs = conference.startsAt.getTime() - 3_600_000;
    const nowMs = now().getTime();
    const allowed: ConferenceAction[] = [];
    if (conference.status === 'announced' && records && nowMs >= holdFromMs) allowed.push('hold');
    if (conference.status === 'held' && records) allowed.push('opinion');
    if (conference.status === 'held' && leads) allowed.push('publish');
    const [names, officers, leaders] = await Promise.all([
      namesOf(deps.prisma, [
        conference.chairId,
        ...conference.timeline.map((e) => e.actorId),
        ...conference.commitments.map((c) => c.assigneeId),
      ]),
      allowed.includes('opinion')
        ? peopleWithRoleOver(deps.prisma, tree, [conference.unitId], 'officer')
        : Promise.resolve([]),
      allowed.includes('opinion')
        ? peopleWithRoleOver(deps.prisma, tree, [conference.unitId], 'leader')
        : Promise.resolve([]),
    ]);
    const assignees = [...new Map([...officers, ...leaders].map((p) => [p.id, p])).values()].sort((a, b) =>
      compareNames(a.fullName, b.fullName),
    );
    sendPage(
      res,
      <ConferencePage
        ctx={ctxOf(req)}
        isLeader={isLeader(principal)}
        conference={conference}
        unitNames={tree.names}
        names={names}
        allowed={allowed}
        holdFrom={conference.status === 'announced' && nowMs < holdFromMs ? new Date(holdFromMs).toISOString() : null}
        assignees={assignees}
        minPromisedBy={formatDay(localDayOf(nowMs) + 1)}
        outcome={state.outcome === undefined ? doneOutcome(req) : state.outcome}
        failed={state.failed}
      />,
      state.status ?? 200,
    );
  };

  router.get('/conferences/:id', (req, res) => renderConference(req, res, req.params.id));

  const conferenceAction = <T,>(
    action: Action,
    path: string,
    parse: (fields: Fields) => Parsed<T>,
    run: (principal: Principal, id: string, value: T) => Promise<unknown>,
  ) =>
    router.post(`/conferences/:id/${path}`, async (req, res) => {
      const id = req.params.id as string;
      await perform(req, res, {
        action,
        parsed: parse(req.body as Fields),
        run: (value) => run(req.principal!, id, value),
        render: (state) => renderConference(req, res, id, state),
        page: `/conferences/${encodeURIComponent(id)}`,
      });
    });
  conferenceAction('hold', 'hold', holdForm, (p, id, v) => holdConference(deps, p, id, v));
  conferenceAction('opinion', 'opinions', opinionForm, (p, id, v) => recordOpinion(deps, p, id, v));
  conferenceAction('publish', 'publish', publishForm, (p, id, v) => publishResults(deps, p, id, v));

  // ——— Commitments ———

  const renderCommitments = async (req: Request, res: Response, state: PageState & { failedId?: string } = {}) => {
    const principal = req.principal!;
    const [{ items }, tree] = await Promise.all([listCommitments(deps, principal), UnitTree.load(deps.prisma)]);
    const names = await namesOf(
      deps.prisma,
      items.map((c) => c.assigneeId),
    );
    const rows = items.map((c) => {
      const roles = rolesOver(principal, c.unitId, tree);
      return {
        ...c,
        // The same rule as actOnCommitment: the assignee, or an officer or leader of the unit.
        canReport: c.assigneeId === principal.personId || roles.includes('officer') || roles.includes('leader'),
        assigneeName: c.assigneeId ? (names.get(c.assigneeId) ?? c.assigneeId) : null,
        unitName: tree.names.get(c.unitId) ?? c.unitId,
      };
    });
    sendPage(
      res,
      <CommitmentsPage
        ctx={ctxOf(req)}
        isLeader={isLeader(principal)}
        items={rows}
        now={now()}
        outcome={state.outcome === undefined ? doneOutcome(req) : state.outcome}
        failed={state.failed && state.failedId ? { ...state.failed, id: state.failedId } : undefined}
      />,
      state.status ?? 200,
    );
  };

  router.get('/commitments', (req, res) => renderCommitments(req, res));

  for (const [action, parse] of [
    ['progress', progressForm],
    ['fulfil', fulfilForm],
  ] as const) {
    router.post(`/commitments/:id/${action}`, async (req, res) => {
      const id = req.params.id as string;
      const parsed = parse(req.body as Fields) as Parsed<{ percent?: number; note: string }>;
      await perform(req, res, {
        action,
        parsed,
        run: (value) =>
          actOnCommitment(
            deps,
            req.principal!,
            id,
            action === 'progress'
              ? { action: 'progress', percent: value.percent!, note: value.note }
              : { action: 'fulfil', note: value.note },
          ),
        render: (state) => renderCommitments(req, res, { ...state, failedId: id }),
        page: `/commitments#${encodeURIComponent(id)}`,
      });
    });
  }

  // ——— My scorecard ———

  router.get('/scorecard', async (req, res) => {
    const principal = req.principal!;
    if (!isLeader(principal)) throw new AppError('Forbidden', "the scorecard is a leader's own: it needs role leader");
    const ctx = ctxOf(req);
    const period =
      typeof req.query.period === 'string' && req.query.period ? req.query.period : String(now().getFullYear());
    try {
      const parsed = periodOf({ period });
      const card = await leaderScorecard(deps.prisma, principal, parsed, now(), deps.receptionPolicy);
      const row = card.rows.find((r) => r.leaderId === principal.personId) ?? null;
      sendPage(res, <ScorecardPage ctx={ctx} period={period} periodLabel={parsed.label} row={row} />);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'ValidationFailed') throw appError;
      sendPage(
        res,
        <ScorecardPage ctx={ctx} period={period} periodLabel={null} row={null} error={ctx.t('reportPeriodInvalid')} />,
        400,
      );
    }
  });

  // ——— Identity grants to supervisors ———

  const renderGrants = async (req: Request, res: Response, state: PageState = {}) => {
    const principal = req.principal!;
    const ctx = ctxOf(req);
    const w = cyclesT(ctx);
    const [grants, tree] = await Promise.all([
      listIdentityGrants(deps.prisma, principal, now()),
      UnitTree.load(deps.prisma),
    ]);
    const petitionIds = grants.map((g) => g.petitionId).filter((x): x is string => Boolean(x));
    const [names, petitions] = await Promise.all([
      namesOf(
        deps.prisma,
        grants.flatMap((g) => [g.personId, g.grantedById]),
      ),
      petitionIds.length
        ? deps.prisma.petition.findMany({
            where: { id: { in: petitionIds } },
            select: { id: true, trackingCode: true, unitId: true },
          })
        : Promise.resolve([]),
    ]);
    const petitionOf = new Map(petitions.map((p) => [p.id, p]));
    const rows: GrantRow[] = grants.map((g) => {
      const petition = g.petitionId ? petitionOf.get(g.petitionId) : undefined;
      const unitId = g.unitId ?? petition?.unitId;
      return {
        ...g,
        personName: names.get(g.personId) ?? g.personId,
        grantedByName: names.get(g.grantedById) ?? g.grantedById,
        petitionCode: petition?.trackingCode ?? null,
        scopeLabel: g.petitionId
          ? w('scopePetitionOf', { code: petition?.trackingCode ?? g.petitionId })
          : w('scopeUnitOf', { unit: tree.names.get(g.unitId ?? '') ?? g.unitId ?? '' }),
        // The same rule as revokeIdentityGrant: the grantor, or a leader over the unit.
        canRevoke:
          g.grantedById === principal.personId ||
          Boolean(unitId && rolesOver(principal, unitId, tree).includes('leader')),
      };
    });
    const units = ledUnits(principal.bindings, tree);
    const form = units.length
      ? {
          supervisors: await peopleWithRoleOver(deps.prisma, tree, units, 'supervisor'),
          units: units
            .map((id) => ({ id, name: tree.names.get(id) ?? id }))
            .sort((a, b) => compareNames(a.name, b.name)),
        }
      : null;
    sendPage(
      res,
      <IdentityGrantsPage
        ctx={ctx}
        isLeader={isLeader(principal)}
        grants={rows}
        form={form}
        outcome={state.outcome === undefined ? doneOutcome(req) : state.outcome}
        failed={state.failed}
      />,
      state.status ?? 200,
    );
  };

  router.get('/identity-grants', (req, res) => renderGrants(req, res));

  router.post('/identity-grants', async (req, res) => {
    const fields = req.body as Fields;
    const code = typeof fields.trackingCode === 'string' ? fields.trackingCode.trim() : '';
    const wantsPetition = fields.scope === 'petition';
    const petition =
      wantsPetition && code
        ? await deps.prisma.petition.findUnique({ where: { trackingCode: code }, select: { id: true } })
        : null;
    const w = cyclesT(ctxOf(req));
    const parsed: Parsed<Parameters<typeof grantIdentityAccess>[2]> =
      wantsPetition && !petition
        ? {
            ok: false,
            errors: { trackingCode: code ? w('grantNoPetition', { code }) : ctxOf(req).t('refusal_ValidationFailed') },
          }
        : grantForm(fields, petition?.id);
    await perform(req, res, {
      action: 'grant',
      parsed,
      run: (value) => grantIdentityAccess(deps.prisma, req.principal!, value, now()),
      render: (state) => renderGrants(req, res, state),
      page: '/identity-grants',
    });
  });

  router.post('/identity-grants/:id/revoke', async (req, res) => {
    const id = req.params.id as string;
    await perform(req, res, {
      action: 'revoke',
      parsed: { ok: true, value: null },
      run: () => revokeIdentityGrant(deps.prisma, req.principal!, id, now()),
      render: (state) => renderGrants(req, res, state),
      page: '/identity-grants',
    });
  });

  return router;
}
