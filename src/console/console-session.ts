// The console's session: the same sessions as the API's bearer tokens (src/org/auth.ts), carried in an
// HttpOnly SameSite cookie. A deactivated person's session ends at their next request, as in the API.
import type { Request, RequestHandler, Response } from 'express';
import { authenticate } from '../org/auth';
import type { PrismaClient } from '../platform/db/prisma';
import { readCookies, serializeCookie } from '../web/cookies';
import { CSRF_FIELD, newPreSessionValue, type Csrf } from '../web/csrf';
import '../api/request-context';

export const SESSION_COOKIE = 'dv_session';
export const PRE_SESSION_COOKIE = 'dv_pre';
export const CONSOLE_BASE = '/console';

declare module 'express-serve-static-core' {
  interface Request {
    /** The session token from the cookie, when it authenticated. */
    consoleSession?: string;
    /** What the CSRF token of this request's forms is bound to. */
    csrfBinding?: string;
  }
}

export function setSessionCookie(req: Request, res: Response, token: string, ttlMs: number): void {
  res.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token, {
      path: CONSOLE_BASE,
      maxAgeSeconds: ttlMs / 1000,
      sameSite: 'Lax',
      secure: req.secure,
    }),
  );
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, '', { path: CONSOLE_BASE, maxAgeSeconds: 0, secure: req.secure }),
  );
}

/** Reads the session cookie; signed-out visitors get a pre-session cookie so the sign-in form has a CSRF binding. */
export function consoleSession(prisma: PrismaClient): RequestHandler {
  return (req, res, next) => {
    const cookies = readCookies(req.headers.cookie);
    const token = cookies[SESSION_COOKIE];
    const withPreSession = () => {
      let pre = cookies[PRE_SESSION_COOKIE];
      if (!pre) {
        pre = newPreSessionValue();
        res.append(
          'Set-Cookie',
          serializeCookie(PRE_SESSION_COOKIE, pre, { path: CONSOLE_BASE, sameSite: 'Lax', secure: req.secure }),
        );
      }
      req.csrfBinding = `pre:${pre}`;
    };
    if (!token) {
      withPreSession();
      next();
      return;
    }
    authenticate(prisma, token)
      .then((principal) => {
        if (principal) {
          req.principal = principal;
          req.consoleSession = token;
          req.csrfBinding = `session:${token}`;
        } else {
          clearSessionCookie(req, res);
          withPreSession();
        }
        next();
      })
      .catch(next);
  };
}

/** Every POST carries the form's CSRF token; anything else is refused before a handler runs. */
export function requireCsrf(csrf: Csrf, refuse: (req: Request, res: Response) => void): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const body = (req.body ?? {}) as Record<string, unknown>;
    // An upload form's body is a stream its route reads, not parsed here: its token comes in the form's
    // action URL instead (the page that rendered it is the only one that knows it).
    const multipart = /^multipart\/form-data/i.test(req.header('content-type') ?? '');
    const fromQuery = multipart ? (req.query as Record<string, unknown>)[CSRF_FIELD] : undefined;
    if (csrf.isValid(req.csrfBinding, body[CSRF_FIELD] ?? fromQuery ?? req.header('x-csrf-token'))) return next();
    refuse(req, res);
  };
}
