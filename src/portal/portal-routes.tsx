// The citizens' portal at /: public, server-rendered pages on the same use cases as the JSON API. No
// account and no session: the receipt's code and secret are the credentials for one petition, and they
// travel in POST bodies only, never in a URL that access logs, proxies or browser history keep.
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { rateLimit } from '../api/rate-limit';
import { rateAnswer, trackPetition } from '../petitions/citizen/citizen-tracking';
import type { PetitionServiceDeps } from '../petitions/petitions';
import { registerCitizen } from '../reception/reception-sessions';
import { toAppError, statusFor } from '../web/app-errors';
import { languageMiddleware } from '../web/language';
import { sendPage } from '../web/render';
import { securityHeaders } from '../web/security-headers';
import { checkFilingForm, fileOnline, HONEYPOT_FIELD, readFilingForm } from './portal-intake';
import { MessagePage, portalContext, type PortalContext } from './portal-shell';
import { publicReception } from './public-reception';
import { qrSvg } from './qr-code';
import { matchUnits, receivingUnits } from './unit-search';
import { DenunciationPage, type UpcomingSession } from './pages/denunciation';
import { FilingPage, UnitPickerPage } from './pages/file';
import { HomePage } from './pages/home';
import { ReceiptPage } from './pages/receipt';
import { RegisterPage, ReceptionPage, RegisteredPage } from './pages/reception';
import { ConferenceResultsPage, ConferencesPage } from './pages/conferences';
import { FiguresPage } from './pages/figures';
import { publicConferences } from './public-conferences';
import { publicFigures, publicPeriod } from './public-figures';
import { TrackedPage, TrackFormPage, type SecondTime } from './pages/track';
import { unitName } from './pages/unit-name';
import { nowFrom } from '../platform/runtime/clock';

export interface Limit {
  limit: number;
  windowMs: number;
}

export interface PortalDeps extends PetitionServiceDeps {
  logger: Logger;
  /** Per client address: filings and registrations (writes), and code+secret lookups. */
  portalLimits?: { submit?: Limit; lookup?: Limit };
}

/** A whole form, typed by a person, fits well within this; more is refused before it is parsed. */
export const FORM_SIZE_LIMIT = '32kb';
const PUBLIC_MAX_AGE_S = 300;

type Handler = (req: Request, res: Response) => Promise<void> | void;
const page = (handler: Handler) => handler;

/** Shared caches may keep a page that is the same for everyone, unless this response sets a cookie. */
function publicCache(res: Response): void {
  if (res.getHeader('Set-Cookie')) return;
  res.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_S}`);
  res.vary('Cookie');
}

// Posts from another site's page are refused: no third party files or rates in a visitor's name.
const sameOrigin: RequestHandler = (req, _res, next) => {
  const origin = req.header('origin');
  if (origin && origin !== 'null') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.header('host')) return next(new AppError('Forbidden', 'cross-site form post refused'));
  }
  next();
};

const field = (body: unknown, name: string, max = 200): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max).trim() : '';
};

export function portalRoutes(deps: PortalDeps): Router {
  const router = Router();
  const now = () => nowFrom(deps);
  const submitLimit = rateLimit(deps.portalLimits?.submit ?? { limit: 10, windowMs: 15 * 60_000 });
  const lookupLimit = rateLimit(deps.portalLimits?.lookup ?? { limit: 30, windowMs: 15 * 60_000 });
  const common = [securityHeaders(), languageMiddleware()];
  const form = [
    ...common,
    sameOrigin,
    express.urlencoded({ extended: false, limit: FORM_SIZE_LIMIT, parameterLimit: 40 }),
  ];

  const upcoming = async (unitId?: string): Promise<UpcomingSession[]> => {
    const { schedules } = await publicReception(deps.prisma, now(), unitId);
    return schedules.flatMap((s) =>
      s.sessions.length
        ? s.sessions.map((x) => ({ id: x.id, unitName: s.unitName, startsAt: x.startsAt, location: x.location }))
        : s.nextDays.slice(0, 2).map((d) => ({
            id: `${s.id}:${d.day}`,
            unitName: s.unitName,
            startsAt: new Date(`${d.day}T${s.startTime}:00+07:00`),
            location: s.location,
          })),
    );
  };

  router.get('/', ...common, (req, res) => {
    publicCache(res);
    sendPage(res, <HomePage ctx={portalContext(req)} />);
  });

  router.get(
    '/file',
    ...common,
    page(async (req, res) => {
      const ctx = portalContext(req);
      const units = await receivingUnits(deps.prisma);
      const unitId = typeof req.query.unit === 'string' ? req.query.unit : '';
      publicCache(res);
      if (unitId) {
        const unit = units.find((u) => u.id === unitId);
        if (!unit) throw new AppError('NotFound', 'no such unit');
        sendPage(res, <FilingPage ctx={ctx} unit={unit} />);
        return;
      }
      const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
      sendPage(res, <UnitPickerPage ctx={ctx} q={q} units={matchUnits(units, q)} />);
    }),
  );

  router.post(
    '/file',
    submitLimit,
    ...form,
    page(async (req, res) => {
      const ctx = portalContext(req);
      // A person never sees the honeypot; a filled one is a robot, refused without saying which field.
      if (field(req.body, HONEYPOT_FIELD)) {
        sendPage(res, <MessagePage ctx={ctx} title={ctx.t('refusedTitle')} message={ctx.t('spam')} />, 400);
        return;
      }
      const input = readFilingForm((req.body ?? {}) as Record<string, unknown>);
      const units = await receivingUnits(deps.prisma);
      const unit = units.find((u) => u.id === input.unitId);
      if (!unit) throw new AppError('NotFound', 'no such unit');
      const at = now();
      const check = await checkFilingForm(deps, input, at.getTime());
      if (Object.keys(check.errors).length) {
        sendPage(
          res,
          <FilingPage ctx={ctx} unit={unit} form={input} errors={check.errors} window={check.window} />,
          422,
        );
        return;
      }
      const filed = await fileOnline(deps, input, at);
      const trackUrl = `${req.protocol}://${req.header('host') ?? 'localhost'}/track?code=${encodeURIComponent(filed.trackingCode)}`;
      sendPage(
        res,
        <ReceiptPage ctx={ctx} filed={filed} unitName={unitName(unit, ctx.lang)} qrSvg={await qrSvg(trackUrl)} />,
        201,
      );
    }),
  );

  router.get(
    '/denunciation',
    ...common,
    page(async (req, res) => {
      const unitId = typeof req.query.unit === 'string' ? req.query.unit.slice(0, 100) : undefined;
      publicCache(res);
      sendPage(res, <DenunciationPage ctx={portalContext(req)} sessions={await upcoming(unitId)} />);
    }),
  );

  router.get('/track', ...common, (req, res) => {
    publicCache(res);
    const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 40) : undefined;
    sendPage(res, <TrackFormPage ctx={portalContext(req)} code={code} />);
  });

  const tracked = async (
    ctx: PortalContext,
    res: Response,
    code: string,
    secret: string,
    extra: { justRated?: boolean; secondTime?: SecondTime } = {},
  ) => {
    try {
      const result = await trackPetition(deps, code, secret);
      sendPage(res, <TrackedPage ctx={ctx} tracked={result} secret={secret} {...extra} />);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NotFound')) throw error;
      sendPage(res, <TrackFormPage ctx={ctx} code={code} error={ctx.t('notFoundCodeSecret')} />, 404);
    }
  };

  router.post(
    '/track',
    lookupLimit,
    ...form,
    page(async (req, res) => {
      await tracked(portalContext(req), res, field(req.body, 'code', 40), field(req.body, 'secret', 40));
    }),
  );

  router.post(
    '/track/rating',
    lookupLimit,
    ...form,
    page(async (req, res) => {
      const ctx = portalContext(req);
      const code = field(req.body, 'code', 40);
      const secret = field(req.body, 'secret', 40);
      const choice = field(req.body, 'satisfied', 5);
      if (choice !== 'yes' && choice !== 'no') {
        await tracked(ctx, res, code, secret);
        return;
      }
      const comment = field(req.body, 'comment', 2000);
      try {
        const rated = await rateAnswer(deps, code, {
          secret,
          satisfied: choice === 'yes',
          ...(comment ? { comment } : {}),
        });
        await tracked(ctx, res, code, secret, { justRated: true, secondTime: rated.secondTimeComplaint });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'NotFound')) throw error;
        sendPage(res, <TrackFormPage ctx={ctx} code={code} error={ctx.t('notFoundCodeSecret')} />, 404);
      }
    }),
  );

  router.get(
    '/reception',
    ...common,
    page(async (req, res) => {
      const data = await publicReception(deps.prisma, now());
      publicCache(res);
      sendPage(res, <ReceptionPage ctx={portalContext(req)} schedules={data.schedules} notices={data.notices} />);
    }),
  );

  const sessionOf = async (id: string) => {
    const { schedules } = await publicReception(deps.prisma, now());
    for (const s of schedules) for (const x of s.sessions) if (x.id === id) return { schedule: s, session: x };
    throw new AppError('NotFound', 'no open session');
  };

  router.get(
    '/reception/:id/register',
    ...common,
    page(async (req, res) => {
      const found = await sessionOf(String(req.params.id).slice(0, 200));
      publicCache(res);
      sendPage(res, <RegisterPage ctx={portalContext(req)} {...found} />);
    }),
  );

  router.post(
    '/reception/:id/register',
    submitLimit,
    ...form,
    page(async (req, res) => {
      const ctx = portalContext(req);
      const found = await sessionOf(String(req.params.id).slice(0, 200));
      if (field(req.body, HONEYPOT_FIELD)) {
        sendPage(res, <MessagePage ctx={ctx} title={ctx.t('refusedTitle')} message={ctx.t('spam')} />, 400);
        return;
      }
      const input = {
        fullName: field(req.body, 'fullName', 300),
        email: field(req.body, 'email', 300),
        phone: field(req.body, 'phone', 50),
        topic: field(req.body, 'topic', 600),
      };
      const errors: Record<string, 'errRequired' | 'errTooLong' | 'errEmail' | 'errPhone' | 'errContact'> = {};
      if (!input.fullName) errors.fullName = 'errRequired';
      else if (input.fullName.length > 200) errors.fullName = 'errTooLong';
      if (input.email && !/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/.test(input.email))
        errors.email = 'errEmail';
      if (input.phone && !/^[+0-9 ().-]{6,20}$/.test(input.phone)) errors.phone = 'errPhone';
      if (!input.email && !input.phone) errors.email = 'errContact';
      if (input.topic.length > 500) errors.topic = 'errTooLong';
      if (Object.keys(errors).length) {
        sendPage(res, <RegisterPage ctx={ctx} {...found} form={input} errors={errors} />, 422);
        return;
      }
      await registerCitizen(deps, found.session.id, {
        fullName: input.fullName,
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.topic ? { topic: input.topic } : {}),
      });
      sendPage(res, <RegisteredPage ctx={ctx} {...found} email={input.email} />, 201);
    }),
  );

  router.get(
    '/conferences',
    ...common,
    page(async (req, res) => {
      const data = await publicConferences(deps.prisma, now());
      publicCache(res);
      sendPage(res, <ConferencesPage ctx={portalContext(req)} {...data} />);
    }),
  );

  router.get(
    '/conferences/:id',
    ...common,
    page(async (req, res) => {
      const { published } = await publicConferences(deps.prisma, now());
      const conference = published.find((c) => c.id === req.params.id);
      if (!conference) throw new AppError('NotFound', 'no published conference');
      publicCache(res);
      sendPage(res, <ConferenceResultsPage ctx={portalContext(req)} conference={conference} />);
    }),
  );

  router.get(
    '/figures',
    ...common,
    page(async (req, res) => {
      const at = now();
      const { key, period } = publicPeriod(req.query.period, at);
      const figures = await publicFigures(deps.prisma, period, at);
      publicCache(res);
      sendPage(res, <FiguresPage ctx={portalContext(req)} periodKey={key} periodLabel={period.label} {...figures} />);
    }),
  );

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    const ctx = portalContext(req);
    // The body parser's own refusals (too large, malformed) carry a 4xx status of their own.
    const parserStatus = (error as { status?: unknown; type?: unknown } | null)?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500 && !(error instanceof AppError)) {
      sendPage(
        res,
        <MessagePage
          ctx={ctx}
          title={ctx.t('refusedTitle')}
          message={parserStatus === 413 ? ctx.t('tooLarge') : ctx.t('refusedTitle')}
        />,
        parserStatus,
      );
      return;
    }
    const appError = toAppError(error);
    const status = statusFor(appError);
    if (status >= 500) deps.logger.error({ err: error, requestId: String(req.id ?? '') }, 'portal page failed');
    const [title, message] =
      status === 429
        ? [ctx.t('tooManyTitle'), ctx.t('tooMany')]
        : status === 404
          ? [ctx.t('notFoundTitle'), ctx.t('notFoundTitle')]
          : status >= 500
            ? [ctx.t('errorTitle'), ctx.t('errorMessage')]
            : [ctx.t('refusedTitle'), appError.message];
    sendPage(res, <MessagePage ctx={ctx} title={title} message={message} />, status);
  });
  return router;
}
