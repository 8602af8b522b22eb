import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { login } from '../../org/auth';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { ZLoginRequest } from '../schemas/auth';

export function authRoutes(deps: { prisma: PrismaClient; sessionTtlMs: number }): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = parseOr400(ZLoginRequest, req.body);
    const result = await login(deps.prisma, { ...body, ttlMs: deps.sessionTtlMs });
    if (!result) throw new AppError('Unauthenticated', 'wrong username or password / sai tên đăng nhập hoặc mật khẩu');
    res.json({
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      person: { id: result.principal.personId, fullName: result.principal.fullName, unitId: result.principal.unitId, roles: result.principal.bindings },
    });
  });
  return router;
}
