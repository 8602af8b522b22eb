import { Router, type Response } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { petitionRegister, receptionRegister } from '../../reports/registers/registers';
import { PETITION_REGISTER, RECEPTION_REGISTER } from '../../reports/registers/register-layout';
import { registerToXlsx } from '../../reports/registers/register-xlsx';
import { XLSX_TYPE } from '../../reports/table-export';
import { parseOr400 } from '../errors';
import { needs } from '../scopes';
import { periodOf } from '../period-query';
import { ZRegisterQuery } from '../schemas/registers';

export function registerRoutes(deps: { prisma: PrismaClient; identityKey: Buffer }): Router {
  const router = Router();
  const send = async (res: Response, name: string, body: Buffer) => {
    // A register names citizens: never kept by a proxy.
    res.setHeader('Cache-Control', 'no-store');
    res.type(XLSX_TYPE).attachment(`${name}.xlsx`).send(body);
  };

  router.get('/reception', needs('reports:read'), async (req, res) => {
    const q = parseOr400(ZRegisterQuery, req.query, 'query');
    const period = periodOf(q);
    const { unitName, rows } = await receptionRegister(deps, req.principal!, {
      unitId: q.unitId,
      period,
      revealReason: q.reason,
    });
    await send(
      res,
      `so-tiep-cong-dan-${q.unitId}`,
      await registerToXlsx(RECEPTION_REGISTER, { unitName, periodLabel: period.label }, rows),
    );
  });

  router.get('/petitions', needs('reports:read'), async (req, res) => {
    const q = parseOr400(ZRegisterQuery, req.query, 'query');
    const period = periodOf(q);
    const { unitName, rows } = await petitionRegister(deps, req.principal!, {
      unitId: q.unitId,
      period,
      revealReason: q.reason,
    });
    await send(
      res,
      `so-theo-doi-xu-ly-don-${q.unitId}`,
      await registerToXlsx(PETITION_REGISTER, { unitName, periodLabel: period.label }, rows),
    );
  });

  return router;
}
