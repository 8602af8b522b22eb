// One error model for the whole API: every failure is answered as { error: { code, message, requestId,
// details? } } with its status from one table. Temporal errors are mapped here too.
import type { ErrorRequestHandler } from 'express';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError, zodFieldErrors, type ErrorCode } from '../errors';
import './request-context';

const STATUS: Record<ErrorCode, number> = {
  ValidationFailed: 400,
  InvalidAction: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  IllegalTransition: 409,
  PetitionClosed: 409,
  ExtensionRefused: 409,
  Conflict: 409,
  TooManyRequests: 429,
  Unavailable: 503,
  Internal: 500,
};

/** Parses with a zod schema or throws a 400 that lists every field error. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where = 'body'): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('ValidationFailed', `invalid request ${where}`, zodFieldErrors(parsed.error));
  return parsed.data;
}

/** A Temporal client error as the AppError it means, or null when it is none of those. */
export function fromTemporal(error: unknown): AppError | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const type = error.cause.type;
    if (type === 'IllegalTransition' || type === 'Forbidden' || type === 'InvalidAction' || type === 'ExtensionRefused') return new AppError(type, error.cause.message);
  }
  if (error instanceof WorkflowNotFoundError) return new AppError('NotFound', 'no running workflow for this petition');
  const message = error instanceof Error ? error.message : '';
  if (/workflow execution already completed/i.test(message)) return new AppError('PetitionClosed', 'the petition is closed; no further action is possible');
  if (/UNAVAILABLE|ECONNREFUSED|Connection refused/i.test(message)) return new AppError('Unavailable', 'the workflow service is unavailable; try again');
  return null;
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(req.id ?? '');
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof SyntaxError && 'body' in error) appError = new AppError('ValidationFailed', 'the request body is not valid JSON');
    else appError = fromTemporal(error) ?? new AppError('Internal', 'internal error; the request id identifies it in the logs');
    const status = STATUS[appError.code];
    if (status >= 500) logger.error({ err: error, requestId }, 'request failed');
    res.status(status).json({ error: { code: appError.code, message: appError.message, requestId, ...(appError.details ? { details: appError.details } : {}) } });
  };
}
