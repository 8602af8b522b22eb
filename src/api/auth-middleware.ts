import type { RequestHandler } from 'express';
import type { PrismaClient } from '../platform/db/prisma';
import { authenticate } from '../org/auth';
import { authenticateApiToken, TOKEN_PREFIX } from '../org/api-tokens';
import { AppError } from '../errors';
import './request-context';

export function requireAuth(prisma: PrismaClient): RequestHandler {
  return (req, _res, next) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      next(
        new AppError(
          'Unauthenticated',
          'sign in first: send "Authorization: Bearer <token>" from POST /api/v1/auth/login',
        ),
      );
      return;
    }
    const credential = match[1]!;
    (credential.startsWith(TOKEN_PREFIX) ? authenticateApiToken(prisma, credential) : authenticate(prisma, credential))
      .then((principal) => {
        if (!principal)
          throw new AppError('Unauthenticated', 'the token is unknown, expired or revoked; sign in again');
        req.principal = principal;
        next();
      })
      .catch(next);
  };
}
