// Open311 GeoReport v2 at /open311/v2: JSON only, form-encoded or JSON bodies, errors as the standard's
// [{ code, description }] list.
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { authenticateApiToken, principalForScope } from '../../org/api-tokens';
import {
  fileServiceRequest,
  findServiceRequests,
  getServiceRequest,
  listServices,
} from '../../petitions/citizen/open311';
import type { PetitionServiceDeps } from '../../petitions/petitions';
import { parseOr400 } from '../errors';
import { AppError } from '../../errors';
import { ZOpen311Query, ZOpen311Request } from '../schemas/open311';
import '../request-context';

const jsonOnly: RequestHandler = (req, _res, next) => {
  next(/\.xml$/.test(req.path) ? new AppError('ValidationFailed', 'only the .json format is served') : undefined);
};

export function open311Routes(deps: PetitionServiceDeps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '100kb' }));
  router.use(jsonOnly);

  const principalFor = async (apiKey: string | undefined, needsWrite: boolean) => {
    const token = apiKey ? await authenticateApiToken(deps.prisma, apiKey) : null;
    if (!token) throw new AppError('Unauthenticated', 'a valid api_key is required');
    // GeoReport v2 clients read back the status of what they filed, and that view carries no personal
    // data: a petitions:write key reads its own unit's requests, a petitions:read key its subtree's.
    const readScope = token.apiToken?.scopes.includes('petitions:read') ? 'petitions:read' : 'petitions:write';
    const principal = principalForScope(token, needsWrite ? 'petitions:write' : readScope);
    if (needsWrite && !principal.bindings.some((b) => b.role === 'officer'))
      throw new AppError('Forbidden', 'filing requests needs an api_key with scope petitions:write');
    return principal;
  };

  router.get('/discovery.json', (_req, res) => {
    res.json({
      changeset: '2026-11-23',
      contact: 'danvan',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: '/open311/v2',
          formats: ['application/json'],
          type: 'production',
        },
      ],
    });
  });
  router.get('/services.json', (_req, res) => {
    res.json(listServices());
  });
  router.get('/services/:code.json', (req, res) => {
    if (!listServices().some((s) => s.service_code === req.params.code))
      throw new AppError('NotFound', `no service ${req.params.code}`);
    // No service carries extra attributes (metadata: false), so every definition is empty.
    res.json({ service_code: req.params.code, attributes: [] });
  });
  router.post('/requests.json', async (req, res) => {
    const input = parseOr400(ZOpen311Request, req.body);
    const principal = await principalFor(input.api_key, true);
    res.status(201).json(await fileServiceRequest(deps, principal, input, req.header('idempotency-key') ?? undefined));
  });
  router.get('/requests.json', async (req, res) => {
    const query = parseOr400(ZOpen311Query, req.query, 'query');
    res.json(await findServiceRequests(deps, await principalFor(query.api_key, false), query));
  });
  router.get('/requests/:code.json', async (req, res) => {
    const query = parseOr400(ZOpen311Query, req.query, 'query');
    res.json(await getServiceRequest(deps, await principalFor(query.api_key, false), req.params.code));
  });
  router.use((req, _res, next) => next(new AppError('NotFound', `no Open311 route ${req.method} ${req.path}`)));
  router.use(open311Errors);
  return router;
}

const STATUS: Partial<Record<string, number>> = {
  ValidationFailed: 400,
  Unauthenticated: 403,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
};

const open311Errors: ErrorRequestHandler = (error, _req, res, next) => {
  if (!(error instanceof AppError) || !STATUS[error.code]) {
    next(error);
    return;
  }
  const status = STATUS[error.code]!;
  const details = Array.isArray(error.details)
    ? (error.details as { path: string; message: string }[]).map((d) => ` ${d.path}: ${d.message}`).join(';')
    : '';
  res.status(status).json([{ code: status, description: `${error.message}${details}` }]);
};
