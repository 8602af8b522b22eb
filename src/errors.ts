// The one error model of every use case, below every feature and free of HTTP: the edge maps each code to a
// status (src/api/errors.ts), the console and the portal to a message. Workflow refusal types are reused as
// codes, so a refusal reads the same on every path.
export type ErrorCode =
  | 'ValidationFailed'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'NotFound'
  | 'IllegalTransition'
  | 'InvalidAction'
  | 'PetitionClosed'
  | 'ExtensionRefused'
  | 'Conflict'
  | 'IdempotencyMismatch'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'Unavailable'
  | 'Internal';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** zod's failures as field errors: one per issue, the path dotted. */
export function zodFieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** A request refused for one field, in the same shape zod's failures are answered with. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('ValidationFailed', 'invalid request body', [{ path, message } satisfies FieldError]);
}
