// The staff console: server-rendered pages on the same use cases and access checks as the JSON API.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { endSession, login } from '../org/auth';
import { DEFAULT_LOGIN_LIMITS, recordLoginFailure, requireNotThrottled, type LoginLimits } from '../org/login-throttle';
import { AppError } from '../errors';
import { listPetitions } from '../petitions/petitions';
import { calendarNow } from './calendar-now';
import { toAppError, statusFor } from '../web/app-errors';
import { createCsrf } from '../web/csrf';
import { languageMiddleware } from '../web/language';
import { sendPage } from '../web/render';
import { securityHeaders } from '../web/security-headers';
import type { ConsoleDeps } from './console-deps';
import { clearSessionCookie, CONSOLE_BASE, consoleSession, requireCsrf, setSessionCookie } from './console-session';
import { pageContext, type PageContext } from './page-context';
import { isQueue, queueCounts, queueFilter } from './queues';
import { refusalWords } from './refusals';
import { HomePage, QueueCounts } from './pages/home';
import { MessagePage } from './pages/message-page';
import { SignInPage } from './pages/sign-in';
import { petitionPages } from './petition-pages';
import { searchPages } from './search-route';
import { oversightPages } from './oversight-pages';
import { moreReportsPages } from './more-reports-pages';
import { assigneeOptions, bulkAssignPages } from './bulk-assign';
import { sortOf } from './components';
import { adminPages } from './admin/admin-routes';
import { cyclesPages } from './cycles/cycles-routes';
import { todaySessionCount } from './cycles/today-sessions';
import { registersPages } from './registers-pages';
import { nationalSyncPages } from './national-sync-pages';

/** Only a path inside the console: a `next` pointing elsewhere would be an open redirect. */
function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith(`${CONSOLE_BASE}`) &&
    !value.startsWith('//') &&
    !value.includes('\\')
    ? value
    : CONSOLE_BASE;
}

export function consoleRoutes(deps: ConsoleDeps & { logger: Logger; loginLimits?: LoginLimits }): Router {
  const csrf = createCsrf(deps.csrfKey);
  const router = Router();
  const ctxOf = (req: Request): PageContext => pageContext(req, csrf);

  router.use(
    securityHeaders(),
    languageMiddleware(),
    express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 5000 }),
    consoleSession(deps.prisma),
  );
  router.use(
    requireCsrf(csrf, (req, res) => {
      const ctx = ctxOf(req);
      sendPage(res, <MessagePage ctx={ctx} title={ctx.t('refusedTitle')} message={ctx.t('csrfRefused')} />, 403);
    }),
  );

  router.get('/sign-in', (req, res) => {
    if (req.principal) return res.redirect(303, CONSOLE_BASE);
    sendPage(
      res,
      <SignInPage ctx={ctxOf(req)} next={typeof req.query.next === 'string' ? safeNext(req.query.next) : undefined} />,
    );
  });

  router.post('/sign-in', async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const username = (body.username ?? '').trim();
    // The same throttle as POST /auth/login: the console is no way around it (a 429 page says to wait).
    const attempt = { username, address: req.ip ?? 'unknown' };
    await requireNotThrottled(deps.prisma, deps.loginLimits ?? DEFAULT_LOGIN_LIMITS, attempt);
    const result =
      username && body.password
        ? await login(deps.prisma, { username, password: body.password, ttlMs: deps.sessionTtlMs })
        : null;
    if (!result) {
      await recordLoginFailure(deps.prisma, attempt);
      const ctx = ctxOf(req);
      sendPage(
        res,
        <SignInPage
          ctx={ctx}
          error={ctx.t('wrongCredentials')}
          username={username}
          next={body.next ? safeNext(body.next) : undefined}
        />,
        401,
      );
      return;
    }
    setSessionCookie(req, res, result.token, deps.sessionTtlMs);
    res.redirect(303, safeNext(body.next));
  });

  router.post('/sign-out', async (req, res) => {
    if (req.consoleSession) await endSession(deps.prisma, req.consoleSession);
    clearSessionCookie(req, res);
    res.redirect(303, `${CONSOLE_BASE}/sign-in`);
  });

  router.use((req, res, next) => {
    if (req.principal) return next();
    const target = `${CONSOLE_BASE}/sign-in?next=${encodeURIComponent(`${CONSOLE_BASE}${req.path === '/' ? '' : req.path}`)}`;
    res.redirect(303, target);
  });

  router.get('/', async (req, res) => {
    const principal = req.principal!;
    const queue = isQueue(req.query.queue) ? req.query.queue : 'mine';
    const pageNo = Math.max(1, Number(req.query.page) || 1);
    const pageSize = 25;
    const { sort, order } = sortOf(req.query);
    const [counts, list, { now, calendar }, assignees, receptionToday] = await Promise.all([
      queueCounts(deps, principal),
      listPetitions(deps, principal, { ...queueFilter(queue, principal), sort, order, page: pageNo, pageSize }),
      calendarNow(deps),
      assigneeOptions(deps.prisma, principal),
      todaySessionCount(deps, principal),
    ]);
    sendPage(
      res,
      <HomePage
        ctx={ctxOf(req)}
        counts={counts}
        queue={queue}
        items={list.items}
        total={list.total}
        page={pageNo}
        pageSize={pageSize}
        now={now}
        calendar={calendar}
        sort={sort}
        order={order}
        assignees={assignees}
        receptionToday={receptionToday}
      />,
    );
  });

  router.use(bulkAssignPages(deps, ctxOf));
  // Before petitionPages: its GET /petitions is the older search without the list's other filters.
  router.use(searchPages(deps, ctxOf));
  router.use(petitionPages(deps, ctxOf));
  router.use(oversightPages(deps, ctxOf));
  router.use(moreReportsPages(deps, ctxOf));
  router.use('/admin', adminPages(deps, ctxOf));
  router.use(cyclesPages(deps, ctxOf));
  router.use(registersPages(deps, ctxOf));
  router.use(nationalSyncPages(deps, ctxOf));

  router.get('/queue-counts', async (req, res) => {
    const queue = isQueue(req.query.queue) ? req.query.queue : 'mine';
    const counts = await queueCounts(deps, req.principal!);
    sendPage(res, <QueueCounts ctx={ctxOf(req)} counts={counts} current={queue} />);
  });

  router.use((req: Request, _res: Response, next: NextFunction) =>
    next(new AppError('NotFound', `no page ${req.path}`)),
  );
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(error);
    const status = statusFor(appError);
    if (status >= 500) deps.logger.error({ err: error, requestId: String(req.id ?? '') }, 'console page failed');
    const ctx = ctxOf(req);
    const title =
      status === 403
        ? ctx.t('forbiddenTitle')
        : status === 404
          ? ctx.t('notFoundTitle')
          : status >= 500
            ? ctx.t('errorTitle')
            : ctx.t('refusedTitle');
    const words = refusalWords(ctx, appError);
    sendPage(res, <MessagePage ctx={ctx} title={title} message={words.headline} detail={words.detail} />, status);
  });
  return router;
}
