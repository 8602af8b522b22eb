// The admin pages: units, people and roles, API tokens, deadline policy versions, the working calendar.
// Each page calls the use case the JSON API calls, with the same access checks; only admins get here.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { hasRoleAnywhere, UnitTree } from '../../org/access';
import {
  addRoleBinding,
  assignResponsibleLeader,
  createPerson,
  listPeople,
  listUnits,
  removeRoleBinding,
  updatePerson,
  updateUnit,
} from '../../org/org-admin';
import { createApiToken, listApiTokens, revokeApiToken, SCOPES } from '../../org/api-tokens';
import { addPolicyVersion, listPolicyVersions } from '../../petitions/policy/policy-versions';
import { getCalendarYear, validateCalendarYear } from '../../calendar/calendar-store';
import { applyCalendarEdit, changeCalendarYear, type CalendarEdit } from '../../calendar/calendar-admin';
import { previewCalendarChange } from '../../petitions/calendar-preview';
import { ZCreatePersonRequest, ZRoleBinding, ZUpdateUnitRequest } from '../../api/schemas/admin';
import { ZCreateTokenRequest } from '../../api/schemas/tokens';
import { AppError, zodFieldErrors, type FieldError } from '../../errors';
import { localDayOf, parseDay, weekdayOf, yearOf } from '../../domain/calendar/day';
import { toAppError, statusFor } from '../../web/app-errors';
import { compareNames } from '../../web/format';
import { sendPage } from '../../web/render';
import type { ConsoleDeps } from '../console-deps';
import type { PageContext } from '../page-context';
import { adminWords } from './admin-messages';
import { ADMIN_BASE, type FormProblem } from './admin-shell';
import { UnitPage, UnitsPage, type UnitRow } from './units-pages';
import { PeoplePage, PersonPage, personHref, type NewPersonForm } from './people-pages';
import { TokensPage } from './tokens-page';
import { PolicyPage, type PolicyForm } from './policy-page';
import { CalendarPage, CalendarPreviewPage, yearOfDate } from './calendar-pages';

type Fields = Record<string, string | string[] | undefined>;
const one = (fields: Fields, name: string): string => {
  const v = fields[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};
const many = (fields: Fields, name: string): string[] => {
  const v = fields[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A refusal the form can be shown again with (a bad field, a conflict); anything else is the error page. */
function formProblem(error: unknown): { status: number; problem: FormProblem } {
  const appError = toAppError(error);
  if (appError.code !== 'ValidationFailed' && appError.code !== 'Conflict') throw error;
  const fields = Array.isArray(appError.details) ? (appError.details as FieldError[]) : [];
  return { status: statusFor(appError), problem: { message: appError.message, fields } };
}

function parsed<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('ValidationFailed', 'invalid form', zodFieldErrors(result.error));
  return result.data;
}

const doneOf = (req: Request) => (req.query.saved === '1' ? 'saved' : undefined);

export function adminPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const { prisma } = deps;
  const router = Router();

  // The same gate as the API's /admin routes; the use cases below check the unit of each change again.
  router.use((req, _res, next) => {
    next(
      hasRoleAnywhere(req.principal!, ['admin'])
        ? undefined
        : new AppError('Forbidden', 'the administration pages need role admin'),
    );
  });

  const sortedUnits = async (req: Request): Promise<UnitRow[]> =>
    (await listUnits(prisma, req.principal!)).items.sort((x, y) => compareNames(x.name, y.name));

  router.get('/', (_req, res) => res.redirect(303, `${ADMIN_BASE}/units`));

  // Units
  router.get('/units', async (req, res) => {
    sendPage(res, <UnitsPage ctx={ctxOf(req)} units={await sortedUnits(req)} />);
  });

  const unitPage = async (req: Request, res: Response, status = 200, problem: FormProblem | null = null) => {
    const ctx = ctxOf(req);
    const units = await sortedUnits(req);
    const unit = units.find((u) => u.id === req.params.id);
    if (!unit) throw new AppError('NotFound', `no unit ${String(req.params.id)} among the units you administer`);
    const tree = await UnitTree.load(prisma);
    const below = new Set(tree.subtreeOf(unit.id));
    const above = new Set([unit.id, ...tree.ancestorsOf(unit.id)]);
    const people = (await listPeople(prisma, req.principal!)).items;
    const leaders = people
      .filter((p) => p.active && p.roleBindings.some((b) => b.role === 'leader' && above.has(b.unitId)))
      .sort((x, y) => compareNames(x.fullName, y.fullName));
    const done = req.query.saved === '1' ? adminWords(ctx)('saved') : undefined;
    sendPage(
      res,
      <UnitPage
        ctx={ctx}
        unit={unit}
        parents={units.filter((u) => !below.has(u.id))}
        leaders={leaders}
        done={done}
        problem={problem}
      />,
      status,
    );
  };
  router.get('/units/:id', (req, res) => unitPage(req, res));
  router.post('/units/:id', async (req, res) => {
    const fields = req.body as Fields;
    const id = req.params.id as string;
    try {
      const intent = one(fields, 'intent');
      if (intent === 'rename') {
        const nameEn = one(fields, 'nameEn');
        await updateUnit(
          prisma,
          req.principal!,
          id,
          parsed(ZUpdateUnitRequest, { name: one(fields, 'name'), nameEn: nameEn || null }),
        );
      } else if (intent === 'move') {
        await updateUnit(prisma, req.principal!, id, parsed(ZUpdateUnitRequest, { parentId: one(fields, 'parentId') }));
      } else if (intent === 'leader') {
        await assignResponsibleLeader(prisma, req.principal!, id, one(fields, 'personId') || null);
      } else
        throw new AppError('ValidationFailed', 'unknown form', [{ path: 'intent', message: 'rename, move or leader' }]);
    } catch (error) {
      const { status, problem } = formProblem(error);
      return unitPage(req, res, status, problem);
    }
    res.redirect(303, `${ADMIN_BASE}/units/${encodeURIComponent(id)}?saved=1`);
  });

  // People and role bindings
  const peoplePage = async (
    req: Request,
    res: Response,
    form: NewPersonForm,
    status = 200,
    problem: FormProblem | null = null,
  ) => {
    const ctx = ctxOf(req);
    const [units, people] = await Promise.all([sortedUnits(req), listPeople(prisma, req.principal!)]);
    const items = people.items.sort((x, y) => compareNames(x.fullName, y.fullName));
    const done = doneOf(req) ? adminWords(ctx)('saved') : undefined;
    sendPage(
      res,
      <PeoplePage ctx={ctx} people={items} units={units} form={form} done={done} problem={problem} />,
      status,
    );
  };
  router.get('/people', (req, res) =>
    peoplePage(req, res, { username: '', fullName: '', email: '', unitId: '', post: '', role: '' }),
  );
  router.post('/people', async (req, res) => {
    const fields = req.body as Fields;
    const form: NewPersonForm = {
      username: one(fields, 'username'),
      fullName: one(fields, 'fullName'),
      email: one(fields, 'email'),
      unitId: one(fields, 'unitId'),
      post: one(fields, 'post'),
      role: one(fields, 'role'),
    };
    let id: string;
    try {
      const input = parsed(ZCreatePersonRequest, {
        username: form.username,
        fullName: form.fullName,
        email: form.email,
        password: (fields.password as string | undefined) ?? '',
        unitId: form.unitId,
        post: form.post || undefined,
        roles: form.role ? [{ role: form.role, unitId: form.unitId }] : undefined,
      });
      id = (await createPerson(prisma, req.principal!, input)).id;
    } catch (error) {
      const { status, problem } = formProblem(error);
      return peoplePage(req, res, form, status, problem);
    }
    res.redirect(303, `${personHref(id)}?saved=1`);
  });

  const personPage = async (req: Request, res: Response, status = 200, problem: FormProblem | null = null) => {
    const ctx = ctxOf(req);
    const [units, people] = await Promise.all([sortedUnits(req), listPeople(prisma, req.principal!)]);
    const person = people.items.find((p) => p.id === req.params.id);
    if (!person) throw new AppError('NotFound', `no person ${String(req.params.id)} in the units you administer`);
    const done = doneOf(req) ? adminWords(ctx)('saved') : undefined;
    sendPage(res, <PersonPage ctx={ctx} person={person} units={units} done={done} problem={problem} />, status);
  };
  const personAction =
    (run: (req: Request, fields: Fields) => Promise<unknown>) => async (req: Request, res: Response) => {
      try {
        await run(req, req.body as Fields);
      } catch (error) {
        const { status, problem } = formProblem(error);
        return personPage(req, res, status, problem);
      }
      res.redirect(303, `${personHref(req.params.id as string)}?saved=1`);
    };
  router.get('/people/:id', (req, res) => personPage(req, res));
  router.post(
    '/people/:id/roles',
    personAction((req, fields) =>
      addRoleBinding(
        prisma,
        req.principal!,
        req.params.id as string,
        parsed(ZRoleBinding, { role: one(fields, 'role'), unitId: one(fields, 'unitId') }),
      ),
    ),
  );
  router.post(
    '/people/:id/roles/:bindingId/remove',
    personAction((req) =>
      removeRoleBinding(prisma, req.principal!, req.params.id as string, req.params.bindingId as string),
    ),
  );
  // Deactivating deletes the person's sessions in the use case: their next console request signs them out.
  router.post(
    '/people/:id/active',
    personAction((req, fields) =>
      updatePerson(prisma, req.principal!, req.params.id as string, { active: one(fields, 'active') === 'true' }),
    ),
  );

  // API tokens
  const tokensPage = async (
    req: Request,
    res: Response,
    extra: { created?: { name: string; token: string }; status?: number; problem?: FormProblem } = {},
  ) => {
    const ctx = ctxOf(req);
    const [units, tokens] = await Promise.all([sortedUnits(req), listApiTokens(prisma, req.principal!)]);
    const done = doneOf(req) ? adminWords(ctx)('saved') : undefined;
    sendPage(
      res,
      <TokensPage
        ctx={ctx}
        tokens={[...tokens].reverse()}
        units={units}
        scopes={SCOPES}
        created={extra.created ?? null}
        done={done}
        problem={extra.problem ?? null}
      />,
      extra.status ?? 200,
    );
  };
  router.get('/tokens', (req, res) => tokensPage(req, res));
  router.post('/tokens', async (req, res) => {
    const fields = req.body as Fields;
    let created: { name: string; token: string };
    try {
      const input = parsed(ZCreateTokenRequest, {
        name: one(fields, 'name'),
        scopes: many(fields, 'scopes'),
        unitId: one(fields, 'unitId'),
      });
      const token = await createApiToken(prisma, req.principal!, input);
      created = { name: token.name, token: token.token };
    } catch (error) {
      const { status, problem } = formProblem(error);
      return tokensPage(req, res, { status, problem });
    }
    // The token is on this answer only: never in a URL, never stored; not cached either.
    res.setHeader('Cache-Control', 'no-store');
    return tokensPage(req, res, { created, status: 201 });
  });
  router.post('/tokens/:id/revoke', async (req, res) => {
    await revokeApiToken(prisma, req.principal!, req.params.id as string);
    res.redirect(303, `${ADMIN_BASE}/tokens?saved=1`);
  });

  // Deadline policy versions
  const policyPage = async (
    req: Request,
    res: Response,
    form: PolicyForm | null,
    status = 200,
    problem: FormProblem | null = null,
    done?: string,
  ) => {
    const ctx = ctxOf(req);
    const [units, { inForce, versions }] = await Promise.all([sortedUnits(req), listPolicyVersions(prisma)]);
    const current = versions.find((v) => v.version === inForce) ?? versions[versions.length - 1];
    const template = current?.document as { kinds?: unknown; secondTimeComplaint?: unknown } | undefined;
    const blank: PolicyForm = {
      version: '',
      effectiveFrom: '',
      unitId: '',
      note: '',
      document: JSON.stringify(
        { kinds: template?.kinds ?? {}, secondTimeComplaint: template?.secondTimeComplaint },
        null,
        2,
      ),
    };
    sendPage(
      res,
      <PolicyPage
        ctx={ctx}
        inForce={inForce}
        versions={versions}
        units={units}
        form={form ?? blank}
        done={done}
        problem={problem}
      />,
      status,
    );
  };
  router.get('/policy', (req, res) => policyPage(req, res, null));
  router.post('/policy', async (req, res) => {
    const fields = req.body as Fields;
    const ctx = ctxOf(req);
    const form: PolicyForm = {
      version: one(fields, 'version'),
      effectiveFrom: one(fields, 'effectiveFrom'),
      unitId: one(fields, 'unitId'),
      note: one(fields, 'note'),
      document: (fields.document as string | undefined) ?? '',
    };
    let added: string;
    try {
      let document: Record<string, unknown>;
      try {
        document = JSON.parse(form.document) as Record<string, unknown>;
      } catch (error) {
        const message = adminWords(ctx)('documentNotJson', { message: (error as Error).message });
        throw new AppError('ValidationFailed', message, [{ path: 'document', message }]);
      }
      const effectiveFrom = /^\d{4}-\d{2}-\d{2}$/.test(form.effectiveFrom)
        ? `${form.effectiveFrom}T00:00:00+07:00`
        : form.effectiveFrom || undefined;
      const body = {
        ...(document && typeof document === 'object' ? document : {}),
        version: form.version,
        effectiveFrom,
        ...(form.note ? { note: form.note } : {}),
        ...(form.unitId ? { unitId: form.unitId } : {}),
      };
      added = (await addPolicyVersion(prisma, req.principal!, { body })).version;
    } catch (error) {
      const { status, problem } = formProblem(error);
      return policyPage(req, res, form, status, problem);
    }
    return policyPage(req, res, null, 201, null, adminWords(ctx)('versionAdded', { version: added }));
  });

  // The working calendar
  const thisYear = () => yearOf(localDayOf((deps.now ?? (() => new Date()))().getTime()));
  const calendarPage = async (
    req: Request,
    res: Response,
    year: number,
    extra: { status?: number; problem?: FormProblem; edit?: Partial<CalendarEdit> } = {},
  ) => {
    const ctx = ctxOf(req);
    const { source, ...table } = await getCalendarYear(prisma, year);
    const done = req.query.saved === '1' ? adminWords(ctx)('calendarSaved', { year }) : undefined;
    sendPage(
      res,
      <CalendarPage
        ctx={ctx}
        table={table}
        source={source}
        edit={extra.edit}
        done={done}
        problem={extra.problem ?? null}
      />,
      extra.status ?? 200,
    );
  };
  const yearOfQuery = (raw: unknown): number => {
    const year = Number(raw);
    return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : thisYear();
  };
  router.get('/calendar', (req, res) => {
    const year = yearOfQuery(req.query.year);
    // A month grid's day, clicked: the add form comes prefilled with it (a weekend day as a working day).
    const date = typeof req.query.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.date) ? req.query.date : '';
    const day = date && yearOfDate(date) === year ? parseDay(date) : null;
    const edit: Partial<CalendarEdit> | undefined =
      day === null || Number.isNaN(day)
        ? undefined
        : { date, kind: weekdayOf(day) === 0 || weekdayOf(day) === 6 ? 'working' : 'holiday' };
    return calendarPage(req, res, year, { edit });
  });

  /** The posted edit and the year's table with it applied, validated as the use case validates a year. */
  const readEdit = async (fields: Fields) => {
    const year = yearOfQuery(one(fields, 'year'));
    const op = one(fields, 'op');
    const kind = one(fields, 'kind');
    const date = one(fields, 'date');
    const problems: FieldError[] = [];
    if (op !== 'add' && op !== 'remove') problems.push({ path: 'op', message: 'add or remove' });
    if (kind !== 'holiday' && kind !== 'working') problems.push({ path: 'kind', message: 'holiday or working' });
    if (yearOfDate(date) === null) problems.push({ path: 'date', message: `not a date (YYYY-MM-DD): ${date}` });
    const edit = { op, kind, date } as CalendarEdit;
    const { source: _source, ...current } = await getCalendarYear(prisma, year);
    const proposed = applyCalendarEdit(current, edit);
    if (!problems.length) problems.push(...validateCalendarYear(year, proposed));
    if (problems.length)
      throw Object.assign(new AppError('ValidationFailed', 'invalid calendar', problems), { edit, year });
    return { year, edit, proposed };
  };
  const calendarRefusal = async (req: Request, res: Response, error: unknown) => {
    const { status, problem } = formProblem(error);
    const { edit, year } = error as { edit?: Partial<CalendarEdit>; year?: number };
    return calendarPage(req, res, year ?? yearOfQuery(one(req.body as Fields, 'year')), { status, problem, edit });
  };
  router.post('/calendar/preview', async (req, res) => {
    try {
      const { edit, proposed } = await readEdit(req.body as Fields);
      const preview = await previewCalendarChange(deps, req.principal!, proposed);
      sendPage(res, <CalendarPreviewPage ctx={ctxOf(req)} edit={edit} preview={preview} />);
    } catch (error) {
      return calendarRefusal(req, res, error);
    }
  });
  router.post('/calendar', async (req, res) => {
    let year: number;
    try {
      const read = await readEdit(req.body as Fields);
      year = read.year;
      await changeCalendarYear(deps, req.principal!, year, read.proposed);
    } catch (error) {
      return calendarRefusal(req, res, error);
    }
    res.redirect(303, `${ADMIN_BASE}/calendar?year=${year}&saved=1`);
  });

  return router;
}
