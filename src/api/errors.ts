// One error model for the whole API: every failure is answered as { error: { code, message, requestId,
// details? } } with its status from one table. Temporal errors are mapped here too.
import type { ErrorRequestHandler } from 'express';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError, zodFieldErrors, type ErrorCode } from '../errors';
import { requestErrorOf } from './hostile-input';
import { unavailableDependency } from '../platform/runtime/unavailable';
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
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  IdempotencyMismatch: 422,
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

/** Seconds a 503 asks the caller to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

/** A Temporal client error as the AppError it means, or null when it is none of those. */
export function fromTemporal(error: unknown): AppError | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const type = error.cause.type;
    if (type === 'IllegalTransition' || type === 'Forbidden' || type === 'InvalidAction' || type === 'ExtensionRefused')
      return new AppError(type, error.cause.message);
  }
  const message = error instanceof Error ? error.message : '';
  // Checked before "not found": the server answers a completed workflow with NOT_FOUND. Feature clients say which case.
  if (/workflow execution already completed/i.test(message))
    return new AppError('Conflict', 'the case is closed; no further action is possible / hồ sơ đã đóng');
  if (error instanceof WorkflowNotFoundError) return new AppError('NotFound', 'no running workflow for this case');
  const dependency = unavailableDependency(error);
  if (dependency === 'temporal')
    return new AppError(
      'Unavailable',
      'the workflow service is unavailable; try again shortly / dịch vụ quy trình tạm thời không khả dụng',
    );
  if (dependency === 'database')
    return new AppError(
      'Unavailable',
      'the database is unavailable; try again shortly / cơ sở dữ liệu tạm thời không khả dụng',
    );
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
    else
      appError =
        requestErrorOf(error) ??
        fromTemporal(error) ??
        new AppError('Internal', 'internal error; the request id identifies it in the logs');
    const status = STATUS[appError.code];
    if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (status >= 500) logger.error({ err: error, requestId }, 'request failed');
    res
      .status(status)
      .json({
        error: {
          code: appError.code,
          message: appError.message,
          requestId,
          ...(appError.details ? { details: appError.details } : {}),
        },
      });
  };
}
