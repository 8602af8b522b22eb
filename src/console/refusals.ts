// A refusal from a use case or the workflow, in the reader's words: a sentence for the code, plus the
// rule's own message (which names the article of law where there is one).
import type { AppError } from '../errors';
import type { ConsoleKey } from './messages';
import type { PageContext } from './page-context';

const WORDED = new Set([
  'IllegalTransition',
  'Forbidden',
  'InvalidAction',
  'ExtensionRefused',
  'PetitionClosed',
  'Conflict',
  'ValidationFailed',
  'NotFound',
  'Unavailable',
  'PayloadTooLarge',
  'UnsupportedMediaType',
]);

export function refusalWords(ctx: PageContext, error: AppError): { headline: string; detail?: string } {
  const key = (WORDED.has(error.code) ? `refusal_${error.code}` : 'refusal_Other') as ConsoleKey;
  const detail = error.code === 'Internal' ? undefined : error.message;
  return { headline: ctx.t(key), detail };
}
