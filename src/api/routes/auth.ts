import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { login } from '../../org/auth';
import {
  DEFAULT_LOGIN_LIMITS,
  recordLoginFailure,
  requireNotThrottled,
  type LoginLimits,
} from '../../org/login-throttle';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { ZLoginRequest } from '../schemas/auth';

export function authRoutes(deps: { prisma: PrismaClient; sessionTtlMs: number; loginLimits?: LoginLimits }): Router {
  const limits = deps.loginLimits ?? DEFAULT_LOGIN_LIMITS;
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = parseOr400(ZLoginRequest, req.body);
    const attempt = { username: body.username, address: req.ip ?? 'unknown' };
    try {
      await requireNotThrottled(deps.prisma, limits, attempt);
    } catch (error) {
      const wait = (error as AppError).details as { retryAfterSeconds?: number } | undefined;
      if (wait?.retryAfterSeconds) res.setHeader('Retry-After', String(wait.retryAfterSeconds));
      throw error;
    }
    const result = await login(deps.prisma, { ...body, ttlMs: deps.sessionTtlMs });
    if (!result) {
      await recordLoginFailure(deps.prisma, attempt);
      throw new AppError('Unauthenticated', 'wrong username or password / sai tên đăng nhập hoặc mật khẩu');
    }
    res.json({
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      person: {
        id: result.principal.personId,
        fullName: result.principal.fullName,
        unitId: result.principal.unitId,
        roles: result.principal.bindings,
      },
    });
  });
  return router;
}
