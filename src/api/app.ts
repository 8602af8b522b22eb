// The Express app, built from its dependencies and returned without listening (tests use supertest).
import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { OutboxStore } from '../platform/runtime/smtp-sink';
import type { PetitionServiceDeps } from '../petitions/petitions';
import { requireAuth } from './auth-middleware';
import { errorMiddleware } from './errors';
import { AppError } from '../errors';
import { buildOpenApiDocument } from './openapi';
import { DOCS_PAGE } from './docs-page';
import { rateLimit } from './rate-limit';
import { refuseMalformedRequests } from './hostile-input';
import { authRoutes } from './routes/auth';
import { calendarRoutes, deadlineRoutes } from './routes/calendar';
import { outboxRoutes } from './routes/outbox';
import { petitionRoutes } from './routes/petitions';
import { policyRoutes } from './routes/policy';
import { trackingRoutes } from './routes/tracking';
import { reportRoutes } from './routes/reports';
import { tokenRoutes } from './routes/tokens';
import { adminRoutes } from './routes/admin';
import { letterRoutes } from './routes/letters';
import { decisionDocumentRoutes, recordDocumentRoutes } from './routes/attached-documents';
import { attachMinutesDocument, listMinutesDocuments, openMinutesDocument } from '../reception/minutes-documents';
import { attachResultsDocument, listResultsDocuments, openResultsDocument } from '../conferences/results-documents';
import { identityGrantRoutes } from './routes/identity-grants';
import { open311Routes } from './routes/open311';
import { publicReceptionRoutes, receptionRoutes } from './routes/reception';
import { commitmentRoutes, conferenceRoutes } from './routes/conferences';
import { coreReadinessChecks, healthRoutes, type ReadinessCheck } from './routes/health';
import type { ReceptionPolicy } from '../reception/reception-obligations';
import { consoleRoutes } from '../console/console-routes';
import { STATIC_PREFIX, staticAssets } from '../web/static-assets';
import type { LoginLimits } from '../org/login-throttle';
import { httpMetrics } from './http-metrics';
import { loadShedding, type LoadSheddingOptions } from './load-shedding';
import { metricsRoute } from './routes/metrics';
import type { BlobStore } from '../platform/blob/blob-store';
import { documentRoutes } from './routes/documents';
import { decisionRoutes } from './routes/decisions';
import { noteRoutes } from './routes/notes';
import { duplicateRoutes } from './routes/duplicates';
import { registerRoutes } from './routes/registers';
import { nationalSyncRoutes } from './routes/national-sync';
import { notifyMassPetition } from '../petitions/mass/mass-petition-notice';
import type { Mailer } from '../platform/mail/mailer';
import { portalRoutes, type PortalDeps } from '../portal/portal-routes';

export interface AppDeps extends PetitionServiceDeps {
  logger: Logger;
  sessionTtlMs: number;
  outbox: OutboxStore | null;
  onCalendarChanged?: (year: number) => Promise<void>;
  /** Derives the secret on citizens' receipts. */
  trackingKey: Buffer;
  trackingLimit?: { limit: number; windowMs: number };
  /** Reception duties per post, for the obligation check. */
  receptionPolicy: ReceptionPolicy;
  /** Failed sign-ins allowed per account name and per address (default: src/org/login-throttle.ts). */
  loginLimits?: LoginLimits;
  /** Checked by /ready besides the database and Temporal (the relay, when one is configured). */
  readiness?: ReadinessCheck[];
  /** A scraper's bearer token for GET /metrics (admins and supervisors may read it with their session). */
  metricsToken?: string;
  /** Where the Temporal SDK's worker metrics are served on loopback, to be appended to GET /metrics. */
  sdkMetricsUrl?: string;
  /** Where case-file documents are stored, and the largest accepted (DOCUMENT_MAX_BYTES). */
  caseFile: { blobStore: BlobStore; documentMaxBytes: number; mailer: Mailer; appUrl: string };
  /** The citizens' portal's per-address limits. */
  portalLimits?: PortalDeps['portalLimits'];
  /** A span per request, when tracing is on (src/platform/tracing/http-spans.ts). */
  httpTracing?: RequestHandler;
  /** The requests this process works on at once (API_MAX_IN_FLIGHT); past it, 503 with Retry-After. */
  loadShedding?: Pick<LoadSheddingOptions, 'maxInFlight' | 'retryAfterSeconds'>;
}

const DEFAULT_LOAD_SHEDDING = { maxInFlight: 256, retryAfterSeconds: 5 };

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (deps.httpTracing) app.use(deps.httpTracing);
  app.use(httpMetrics());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Bodies are never logged: they carry petitioners' personal data.
      serializers: {
        // An upload form's CSRF token rides in its URL (src/console/console-session.ts): it stays out of logs.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.replace(/([?&]_csrf=)[^&#]*/g, '$1[redacted]'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  // Before the body is read: a request shed costs next to nothing.
  app.use(loadShedding(deps.loadShedding ?? DEFAULT_LOAD_SHEDDING).middleware);
  app.use(refuseMalformedRequests);
  app.use(express.json({ limit: '1mb' }));

  const openapi = buildOpenApiDocument();
  const api = express.Router();
  api.use(healthRoutes([...coreReadinessChecks(deps), ...(deps.readiness ?? [])]));
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  api.use('/auth', authRoutes({ prisma: deps.prisma, sessionTtlMs: deps.sessionTtlMs, loginLimits: deps.loginLimits }));
  api.use(
    '/track',
    trackingRoutes({ prisma: deps.prisma, trackingKey: deps.trackingKey, policies: deps.policies }, deps.trackingLimit),
  );
  api.use(
    '/public',
    rateLimit({ limit: deps.trackingLimit?.limit ?? 30, windowMs: deps.trackingLimit?.windowMs ?? 15 * 60_000 }),
    publicReceptionRoutes(deps),
  );
  api.use(requireAuth(deps.prisma));
  api.get('/auth/me', (req, res) => {
    res.json({ person: req.principal });
  });
  api.use(
    '/petitions/:petitionId/documents',
    documentRoutes({
      prisma: deps.prisma,
      blobStore: deps.caseFile.blobStore,
      identityKey: deps.identityKey,
      maxBytes: deps.caseFile.documentMaxBytes,
      logger: deps.logger,
    }),
  );
  const attached = {
    prisma: deps.prisma,
    blobStore: deps.caseFile.blobStore,
    identityKey: deps.identityKey,
    maxBytes: deps.caseFile.documentMaxBytes,
    logger: deps.logger,
  };
  api.use('/petitions/:petitionId/decisions/:decisionId/documents', decisionDocumentRoutes(attached));
  api.use(
    '/reception/sessions/:recordId/minutes/documents',
    recordDocumentRoutes(attached, {
      attach: attachMinutesDocument,
      list: listMinutesDocuments,
      open: openMinutesDocument,
    }),
  );
  api.use(
    '/conferences/:recordId/results/documents',
    recordDocumentRoutes(attached, {
      attach: attachResultsDocument,
      list: listResultsDocuments,
      open: openResultsDocument,
    }),
  );
  api.use('/petitions/:petitionId/decisions', decisionRoutes({ prisma: deps.prisma }));
  api.use(
    '/petitions/:petitionId/notes',
    noteRoutes({ prisma: deps.prisma, mailer: deps.caseFile.mailer, appUrl: deps.caseFile.appUrl }),
  );
  api.use('/petitions/:petitionId/duplicates', duplicateRoutes(deps));
  api.use(
    '/petitions',
    petitionRoutes({
      ...deps,
      onMassPetition: (id) =>
        notifyMassPetition({ prisma: deps.prisma, mailer: deps.caseFile.mailer, appUrl: deps.caseFile.appUrl }, id),
    }),
  );
  api.use('/calendar', calendarRoutes({ prisma: deps.prisma, onCalendarChanged: deps.onCalendarChanged }));
  api.use('/deadlines', deadlineRoutes({ prisma: deps.prisma }));
  api.use('/policy', policyRoutes({ prisma: deps.prisma }));
  api.use('/registers', registerRoutes({ prisma: deps.prisma, identityKey: deps.identityKey }));
  api.use('/national-sync', nationalSyncRoutes({ prisma: deps.prisma }));
  api.use('/reports', reportRoutes({ prisma: deps.prisma, receptionPolicy: deps.receptionPolicy }));
  api.use('/tokens', tokenRoutes({ prisma: deps.prisma }));
  api.use('/reception', receptionRoutes(deps, deps.receptionPolicy));
  api.use('/conferences', conferenceRoutes(deps));
  api.use('/commitments', commitmentRoutes(deps));
  api.use('/admin', adminRoutes({ prisma: deps.prisma }));
  api.use('/admin/letters', letterRoutes({ prisma: deps.prisma, appUrl: deps.caseFile.appUrl }));
  api.use('/identity-grants', identityGrantRoutes({ prisma: deps.prisma }));
  api.use('/outbox', outboxRoutes(deps.prisma, deps.outbox));
  app.use('/api/v1', api);
  app.use('/open311/v2', open311Routes(deps));
  app.use(STATIC_PREFIX, staticAssets());
  app.use('/console', consoleRoutes(deps));
  app.get(
    '/metrics',
    metricsRoute({ prisma: deps.prisma, metricsToken: deps.metricsToken, sdkMetricsUrl: deps.sdkMetricsUrl }),
  );
  if (deps.outbox) {
    // The outbox is read in the console now, behind its sign-in.
    app.get('/outbox', (_req, res) => {
      res.redirect(301, '/console/outbox');
    });
  }
  app.use(portalRoutes(deps));
  app.use((req, _res, next) => next(new AppError('NotFound', `no route ${req.method} ${req.path}`)));
  app.use(errorMiddleware(deps.logger));
  return app;
}
