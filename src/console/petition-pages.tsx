// Register, receipt, search, case file, actions, identity reveal and full history: each page calls the use
// case the JSON API calls (src/petitions/petitions.ts) with the signed-in principal.
import { Router, type Request, type Response } from 'express';
import { readableUnits, rolesOver, UnitTree, type Principal } from '../org/access';
import { actOnPetition, createPetition, getPetition, getPetitionHistory } from '../petitions/petitions';
import { getPetitionClock } from '../petitions/petition-clock';
import { compareNames } from '../web/format';
import { toAppError, statusFor } from '../web/app-errors';
import type { FieldError } from '../errors';
import { sendPage } from '../web/render';
import type { ConsoleDeps } from './console-deps';
import { calendarNow } from './calendar-now';
import { emptyRegisterForm, idempotencyKeyOf, readRegisterForm, toActionRequest, toCreateRequest } from './forms';
import type { ConsoleKey } from './messages';
import type { PageContext } from './page-context';
import { refusalWords } from './refusals';
import { CasePage, type CaseNotice } from './pages/case';
import { HistoryPage } from './pages/history';
import { ReceiptPage } from './pages/receipt';
import { RegisterPage } from './pages/register';
import { caseHref } from './components';
import { CONSOLE_BASE } from './console-session';
import { nowFrom } from '../platform/runtime/clock';
import { decideDuplicate, proposeDuplicates, type DuplicateDecisionInput } from '../petitions/duplicates/duplicates';
import { isTerminal } from '../domain/petition/petition-stages';
import { casefileWords } from './casefile-messages';
import { DUPLICATE_NOTE_MAX, noteTooLong, type CaseDuplicatesView } from './pages/case-duplicates';
import { caseFilePages, caseFileViews, type CaseFileRenderOptions } from './case-file-pages';

type Fields = Record<string, string | undefined>;

/** Units where the person may register: those of their officer and leader roles (createPetition checks again). */
function registrationUnits(principal: Principal, tree: UnitTree): { id: string; name: string }[] {
  const registering = {
    ...principal,
    bindings: principal.bindings.filter((b) => b.role === 'officer' || b.role === 'leader'),
  };
  return [...readableUnits(registering, tree)]
    .map((id) => ({ id, name: tree.names.get(id) ?? id }))
    .sort((a, b) => compareNames(a.name, b.name));
}

/** Whether the case moved on (another stage, or more events) since the form was rendered. */
async function changedSinceSeen(deps: ConsoleDeps, id: string, fields: Fields): Promise<boolean> {
  if (fields.seenStage === undefined || fields.seenEvents === undefined) return false;
  const now = await deps.prisma.petition.findUnique({
    where: { id },
    select: { stage: true, _count: { select: { events: true } } },
  });
  return Boolean(now) && (now!.stage !== fields.seenStage || now!._count.events !== Number(fields.seenEvents));
}

export function petitionPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();

  const renderRegister = async (
    req: Request,
    res: Response,
    form: ReturnType<typeof readRegisterForm>,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const tree = await UnitTree.load(deps.prisma);
    sendPage(
      res,
      <RegisterPage ctx={ctxOf(req)} form={form} units={registrationUnits(req.principal!, tree)} errors={errors} />,
      status,
    );
  };

  router.get('/petitions/new', async (req, res) => {
    await renderRegister(req, res, emptyRegisterForm(req.principal!.unitId, nowFrom(deps)), {});
  });

  router.post('/petitions', async (req, res) => {
    const form = readRegisterForm(req.body as Fields);
    if ((req.body as Fields).intent === 'rows') return renderRegister(req, res, form, {});
    const request = toCreateRequest(form);
    if (!request.ok) return renderRegister(req, res, form, request.errors, 400);
    try {
      // The form's idempotency key makes a repeated post (a reload, a double click) the same petition.
      const created = await createPetition(deps, req.principal!, request.value, `console-${form.idempotencyKey}`);
      const view = await getPetition(deps, req.principal!, created.id);
      sendPage(
        res,
        <ReceiptPage
          ctx={ctxOf(req)}
          id={created.id}
          trackingCode={created.trackingCode}
          trackingSecret={created.trackingSecret}
          kind={view.kind}
          subject={view.subject}
          unitName={view.receivingUnit.name}
          receivedAt={view.receivedAt}
        />,
        created.created ? 201 : 200,
      );
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'ValidationFailed') throw appError;
      const errors = Object.fromEntries(
        ((appError.details as { path: string; message: string }[] | undefined) ?? []).map((d) => [d.path, d.message]),
      );
      return renderRegister(req, res, form, Object.keys(errors).length ? errors : { form: appError.message }, 400);
    }
  });

  // GET /petitions (search) is src/console/search-route.tsx, mounted before these routes.

  const duplicatesView = async (
    principal: Principal,
    id: string,
    closed: boolean,
    newMatterForm: CaseDuplicatesView['newMatterForm'],
  ): Promise<CaseDuplicatesView> => {
    const proposed = await proposeDuplicates(deps, principal, id);
    const actorId = proposed.decision?.decision === 'newMatter' ? proposed.decision.actorId : null;
    const decider = actorId
      ? await deps.prisma.person.findUnique({ where: { id: actorId }, select: { fullName: true } })
      : null;
    return { ...proposed, deciderName: decider?.fullName ?? null, canDecideNewMatter: !closed, newMatterForm };
  };

  const renderCase = async (
    req: Request,
    res: Response,
    id: string,
    options: {
      notice?: CaseNotice;
      failed?: { action: string; errors: Record<string, string> };
      reveal?: { reason: string };
      newMatterForm?: CaseDuplicatesView['newMatterForm'];
      noteForm?: CaseFileRenderOptions['noteForm'];
      status?: number;
    } = {},
  ) => {
    const principal = req.principal!;
    // Side by side: the workflow's clock checks access on its own, so it need not wait for the view.
    const [view, clock, { now, calendar }, tree] = await Promise.all([
      getPetition(
        deps,
        principal,
        id,
        options.reveal ? { reveal: true, reason: options.reveal.reason } : { reveal: false },
      ),
      getPetitionClock(deps, principal, id),
      calendarNow(deps),
      UnitTree.load(deps.prisma),
    ]);
    const people = await (view.allowedActions.includes('assign')
      ? deps.prisma.person.findMany({
          where: {
            active: true,
            roleBindings: { some: { unitId: view.unit.id, role: { in: ['officer', 'leader'] } } },
          },
          select: { id: true, fullName: true },
        })
      : Promise.resolve([]));
    const units = view.allowedActions.includes('forward')
      ? [...tree.names].map(([uid, name]) => ({ id: uid, name })).sort((a, b) => compareNames(a.name, b.name))
      : [];
    // The full history is open to whoever may read the case, as GET /petitions/{id}/history is.
    const canReadHistory = true;
    // Duplicates are for those who decide on them (decideDuplicate checks again on the post).
    const decides = rolesOver(principal, view.unit.id, tree).some((r) => r === 'officer' || r === 'leader');
    const duplicates = decides
      ? await duplicatesView(principal, id, isTerminal(view.stage), options.newMatterForm)
      : null;
    const caseFile = await caseFileViews(
      deps,
      principal,
      id,
      { unitId: view.unit.id, tree, sealedEntitled: view.identityEntitled },
      options.noteForm,
    );
    sendPage(
      res,
      <CasePage
        ctx={ctxOf(req)}
        view={view}
        clock={clock}
        assignees={people.sort((a, b) => compareNames(a.fullName, b.fullName))}
        units={units}
        notice={options.notice}
        failed={options.failed}
        now={now}
        calendar={calendar}
        revealed={Boolean(options.reveal)}
        canReadHistory={canReadHistory}
        duplicates={duplicates}
        notes={caseFile.notes}
        documents={caseFile.documents}
      />,
      options.status ?? 200,
    );
  };

  router.get('/petitions/:id', async (req, res) => {
    const ctx = ctxOf(req);
    const done = typeof req.query.done === 'string' && /^[a-zA-Z]+$/.test(req.query.done) ? req.query.done : null;
    const linked = ['duplicateLinked', 'duplicatePending', 'duplicateNewMatter'].find(
      (k) => typeof req.query[k] === 'string',
    );
    if (typeof req.query.noteAdded === 'string' || typeof req.query.documentAdded === 'string') {
      const w = casefileWords(ctx);
      const headline =
        typeof req.query.documentAdded === 'string'
          ? w('docsUploaded', { name: req.query.documentAdded })
          : w('notesAdded');
      return renderCase(req, res, req.params.id, { notice: { kind: 'success', headline } });
    }
    if (linked) {
      const w = casefileWords(ctx);
      const code = String(req.query[linked]);
      const headline =
        linked === 'duplicateLinked'
          ? w('dupLinked', { code })
          : linked === 'duplicatePending'
            ? w('dupPending')
            : w('dupNewMatterDone');
      return renderCase(req, res, req.params.id, { notice: { kind: 'success', headline } });
    }
    await renderCase(
      req,
      res,
      req.params.id,
      done
        ? {
            notice: {
              kind: 'success',
              headline: ctx.t('actionDone', { action: ctx.t(`action_${done}` as ConsoleKey) ?? done }),
            },
          }
        : {},
    );
  });

  router.post('/petitions/:id/actions', async (req, res) => {
    const ctx = ctxOf(req);
    const fields = req.body as Fields;
    const parsed = toActionRequest(fields);
    if (!parsed.ok) {
      return renderCase(req, res, req.params.id, {
        failed: { action: parsed.action, errors: parsed.errors },
        notice: { kind: 'error', headline: ctx.t('refusal_ValidationFailed') },
        status: 400,
      });
    }
    try {
      await actOnPetition(deps, req.principal!, req.params.id, parsed.value, idempotencyKeyOf(fields));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'NotFound' || appError.code === 'Internal' || appError.code === 'Unavailable')
        throw appError;
      // A refusal (or a concurrent change) shows the case as it is now, with the reason in words.
      const words = refusalWords(ctx, appError);
      const status = statusFor(appError);
      const changed = status === 409 && (await changedSinceSeen(deps, req.params.id, fields));
      // An htmx request reloads the whole page, so no fragment can keep showing the old state.
      if (changed && req.get('HX-Request')) res.setHeader('HX-Refresh', 'true');
      // A field the use case refused (a resolution's date in the future…) is marked at its field, in its words.
      const fieldErrors = Object.fromEntries(
        (Array.isArray(appError.details) ? (appError.details as FieldError[]) : []).map((d) => [d.path, d.message]),
      );
      const detail = Object.keys(fieldErrors).length ? Object.values(fieldErrors).join('; ') : words.detail;
      return renderCase(req, res, req.params.id, {
        notice: changed
          ? { kind: 'error', headline: ctx.t('caseChangedMeanwhile'), detail }
          : { kind: 'error', headline: `${ctx.t('refusedTitle')}: ${words.headline}`, detail },
        failed: appError.code === 'ValidationFailed' ? { action: parsed.value.action, errors: fieldErrors } : undefined,
        status,
      });
    }
    if (fields.returnTo === 'extensions') {
      const petition = await getPetition(deps, req.principal!, req.params.id);
      return res.redirect(303, `${CONSOLE_BASE}/extensions?done=${encodeURIComponent(petition.trackingCode)}`);
    }
    res.redirect(303, `${caseHref(req.params.id)}?done=${parsed.value.action}`);
  });

  router.post('/petitions/:id/duplicates', async (req, res) => {
    const ctx = ctxOf(req);
    const fields = req.body as Fields;
    // One route, as POST /api/v1/petitions/{id}/duplicates: the link forms send ofPetitionId, the new-matter
    // form decision=newMatter with its optional note.
    const isNewMatter = fields.decision === 'newMatter';
    const note = (fields.note ?? '').replace(/\r\n/g, '\n').trim();
    if (isNewMatter && note.length > DUPLICATE_NOTE_MAX) {
      return renderCase(req, res, req.params.id, {
        notice: { kind: 'error', headline: ctx.t('refusal_ValidationFailed'), detail: noteTooLong(ctx) },
        newMatterForm: { note, error: noteTooLong(ctx) },
        status: 400,
      });
    }
    const input: DuplicateDecisionInput = isNewMatter
      ? { decision: 'newMatter', ...(note ? { note } : {}) }
      : { decision: 'duplicate', ofPetitionId: (fields.ofPetitionId ?? '').trim() };
    let result;
    try {
      result = await decideDuplicate(deps, req.principal!, req.params.id, input);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'NotFound' || appError.code === 'Internal' || appError.code === 'Unavailable')
        throw appError;
      const words = refusalWords(ctx, appError);
      // The rule's own words ("that case was refused and handles nothing…") rather than "invalid request body".
      const fieldWords = Array.isArray(appError.details)
        ? (appError.details as { message: string }[]).map((d) => d.message)
        : [];
      const detail = fieldWords.length ? fieldWords.join('; ') : words.detail;
      return renderCase(req, res, req.params.id, {
        notice: { kind: 'error', headline: `${ctx.t('refusedTitle')}: ${words.headline}`, detail },
        newMatterForm: isNewMatter ? { note } : undefined,
        status: statusFor(appError),
      });
    }
    if (result.decision === 'newMatter') return res.redirect(303, `${caseHref(req.params.id)}?duplicateNewMatter=1`);
    const done = result.outcome.status === 'pending' ? 'duplicatePending' : 'duplicateLinked';
    res.redirect(303, `${caseHref(req.params.id)}?${done}=${encodeURIComponent(result.duplicateOf.trackingCode)}`);
  });

  router.use(caseFilePages(deps, ctxOf, renderCase));

  router.post('/petitions/:id/reveal', async (req, res) => {
    const reason = ((req.body as Fields).reason ?? '').trim();
    await renderCase(req, res, req.params.id, { reveal: { reason } });
  });

  router.get('/petitions/:id/history', async (req, res) => {
    const principal = req.principal!;
    const view = await getPetition(deps, principal, req.params.id);
    const history = await getPetitionHistory(deps, principal, req.params.id);
    sendPage(res, <HistoryPage ctx={ctxOf(req)} view={view} history={history} />);
  });
  return router;
}
