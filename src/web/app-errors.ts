// Any failure of a use case as an AppError with its HTTP status, from the API's one status table, so a page
// and the JSON API answer the same refusal with the same code.
import { AppError } from '../errors';
import { fromTemporal, statusOf } from '../api/errors';

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return fromTemporal(error) ?? new AppError('Internal', 'internal error');
}

export function statusFor(error: AppError): number {
  return statusOf(error.code);
}

/** The field errors a ValidationFailed carries, by field path. */
export function fieldErrorsOf(error: AppError): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(error.details))
    for (const d of error.details as { path?: string; message?: string }[])
      if (d.path && d.message) out[d.path] = d.message;
  return out;
}
