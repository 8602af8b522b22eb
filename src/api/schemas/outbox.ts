import { z } from 'zod';
import { str } from './text';

export const ZOutboxSummary = z.object({
  id: str(),
  receivedAt: str(),
  from: str(),
  to: z.array(str()),
  subject: str(),
  messageId: str().nullable(),
});
export const ZOutboxList = z.object({ items: z.array(ZOutboxSummary) });
export const ZOutboxMessage = ZOutboxSummary.extend({ text: str(), html: str().nullable() });
