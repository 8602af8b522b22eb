// The official registers in the console: the same use cases as GET /api/v1/registers/*, called with the
// console session, so the browser never holds a bearer token. The page is for leaders and supervisors; the
// use case still checks the role over the chosen unit.
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

  const queryOf = (req: Request, units: { id: string }[]): RegistersQuery => {
    const q = req.query as Record<string, string | undefined>;
    const today = localIsoDate(nowFrom(deps));
    return {
      unitId: q.unitId ?? units[0]?.id ?? '',
      from: q.from ?? `${today.slice(0, 8)}01`,
      to: q.to ?? today,
    };
  };

  const page = async (req: Request, res: Response, error?: string, status = 200) => {
    const ctx = ctxOf(req);
    requireRegisterReader(ctx, req.principal!);
    const units = registerUnits(req.principal!, await UnitTree.load(deps.prisma));
    sendPage(res, <RegistersPage ctx={ctx} units={units} query={queryOf(req, units)} error={error} />, status);
  };

  router.get('/registers', (req, res) => page(req, res));

  const download = (which: 'reception' | 'petitions') => async (req: Request, res: Response) => {
    const ctx = ctxOf(req);
    requireRegisterReader(ctx, req.principal!);
    const q = req.query as Record<string, string | undefined>;
    const unitId = (q.unitId ?? '').trim();
    const period = unitId && q.from && q.to ? rangePeriod(q.from, q.to) : null;
    if (!period) return page(req, res, casefileWords(ctx)('registersInvalid'), 400);
    const request = { unitId, period };
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
  router.get('/registers/reception', download('reception'));
  router.get('/registers/petitions', download('petitions'));

  return router;
}
