// The official registers in the console: the same use cases as GET /api/v1/registers/*, called with the
// console session, so the browser never holds a bearer token. The page is for leaders and supervisors; the
// use case still checks the role over the chosen unit. The page's form posts (with its CSRF token) because
// a reason opens the identities of those the person is entitled to, and each opening is recorded under
// their name: a link from elsewhere must not do that. A GET download never opens an identity.
import { Router, type Request, type Response } from 'express';
import { hasRoleAnywhere, readableUnits, UnitTree, type Principal } from '../org/access';
import { AppError } from '../errors';
import { rangePeriod } from '../domain/report-period';
import { petitionRegister, receptionRegister } from '../reports/registers/registers';
import { PETITION_REGISTER, RECEPTION_REGISTER } from '../reports/registers/register-layout';
import { registerToXlsx } from '../reports/registers/register-xlsx';
import { XLSX_TYPE } from '../reports/table-export';
import { compareNames, localIsoDate } from '../web/format';
import { sendPage } from '../web/render';
import { nowFrom } from '../platform/runtime/clock';
import type { ConsoleDeps } from './console-deps';
import type { PageContext } from './page-context';
import { casefileWords } from './casefile-messages';
import { RegistersPage, type RegistersQuery } from './pages/registers';

const REGISTER_ROLES = ['leader', 'supervisor'] as const;
const REASON_MIN = 3;
const REASON_MAX = 500;

function requireRegisterReader(ctx: PageContext, principal: Principal): void {
  if (!hasRoleAnywhere(principal, [...REGISTER_ROLES]))
    throw new AppError('Forbidden', casefileWords(ctx)('registersForbidden'));
}

/** The units under the person's leader and supervisor roles. */
function registerUnits(principal: Principal, tree: UnitTree): { id: string; name: string }[] {
  const reading = {
    ...principal,
    bindings: principal.bindings.filter((b) => (REGISTER_ROLES as readonly string[]).includes(b.role)),
  };
  return [...readableUnits(reading, tree)]
    .map((id) => ({ id, name: tree.names.get(id) ?? id }))
    .sort((a, b) => compareNames(a.name, b.name));
}

export function registersPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();

  const fieldsOf = (req: Request) =>
    (req.method === 'POST' ? req.body : req.query) as Record<string, string | undefined>;

  const queryOf = (req: Request, units: { id: string }[]): RegistersQuery => {
    const q = fieldsOf(req);
    const today = localIsoDate(nowFrom(deps));
    return {
      unitId: q.unitId ?? units[0]?.id ?? '',
      from: q.from ?? `${today.slice(0, 8)}01`,
      to: q.to ?? today,
      reason: req.method === 'POST' ? (q.reason ?? '').trim() : '',
    };
  };

  const page = async (req: Request, res: Response, error?: { message: string; field?: 'reason' }, status = 200) => {
    const ctx = ctxOf(req);
    requireRegisterReader(ctx, req.principal!);
    const units = registerUnits(req.principal!, await UnitTree.load(deps.prisma));
    sendPage(res, <RegistersPage ctx={ctx} units={units} query={queryOf(req, units)} error={error} />, status);
  };

  router.get('/registers', (req, res) => page(req, res));

  const download = (which: 'reception' | 'petitions') => async (req: Request, res: Response) => {
    const ctx = ctxOf(req);
    requireRegisterReader(ctx, req.principal!);
    const w = casefileWords(ctx);
    const q = fieldsOf(req);
    const unitId = (q.unitId ?? '').trim();
    const period = unitId && q.from && q.to ? rangePeriod(q.from, q.to) : null;
    if (!period) return page(req, res, { message: w('registersInvalid') }, 400);
    const reason = req.method === 'POST' ? (q.reason ?? '').trim() : '';
    // The bounds of GET /api/v1/registers/*'s reason (ZRegisterQuery).
    if (reason && (reason.length < REASON_MIN || reason.length > REASON_MAX))
      return page(req, res, { message: w('registersReasonLength'), field: 'reason' }, 400);
    const request = { unitId, period, ...(reason ? { revealReason: reason } : {}) };
    const scope = (unitName: string) => ({ unitName, periodLabel: period.label });
    let name: string;
    let body: Buffer;
    if (which === 'reception') {
      const { unitName, rows } = await receptionRegister(deps, req.principal!, request);
      [name, body] = ['so-tiep-cong-dan', await registerToXlsx(RECEPTION_REGISTER, scope(unitName), rows)];
    } else {
      const { unitName, rows } = await petitionRegister(deps, req.principal!, request);
      [name, body] = ['so-theo-doi-xu-ly-don', await registerToXlsx(PETITION_REGISTER, scope(unitName), rows)];
    }
    // A register names citizens: never kept by a proxy.
    res.setHeader('Cache-Control', 'no-store');
    res.type(XLSX_TYPE).attachment(`${name}-${unitId}.xlsx`).send(body);
  };
  for (const which of ['reception', 'petitions'] as const) {
    router.get(`/registers/${which}`, download(which));
    router.post(`/registers/${which}`, download(which));
  }

  return router;
}
