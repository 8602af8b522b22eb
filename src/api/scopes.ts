// What an API token may reach: every route declares it, here. A signed-in person passes through with
// their own roles; a token acts, for that one request, with the role of the scope the route names
// (src/org/api-tokens.ts), so a reports:read token never opens a petition and petitions:read never acts.
// Typed with any params so a route keeps the parameter types Express infers from its path.
import type { RequestHandler } from 'express';
import { principalForScope, type Scope } from '../org/api-tokens';
import { AppError } from '../errors';
import './request-context';

/** The route serves tokens holding `scope`; a token without it holds no role here and is refused by the use case. */
export function needs(scope: Scope): RequestHandler<any> {
  return (req, _res, next) => {
    req.principal = principalForScope(req.principal!, scope);
    next();
  };
}

/** Reference data any authenticated caller reads (calendar, deadline calculator, policy): every token may. */
export const anyToken: RequestHandler<any> = (_req, _res, next) => next();

/** Staff work and administration: people only, never an integration's token. */
export const peopleOnly: RequestHandler<any> = (req, _res, next) => {
  next(
    req.principal?.apiToken
      ? new AppError(
          'Forbidden',
          'this route is for signed-in staff; no API token scope opens it / API token không có quyền',
        )
      : undefined,
  );
};
