import { z } from 'zod';

export const ZOutboxSummary = z.object({ id: z.string(), receivedAt: z.string(), from: z.string(), to: z.array(z.string()), subject: z.string(), messageId: z.string().nullable() });
export const ZOutboxList = z.object({ items: z.array(ZOutboxSummary) });
export const ZOutboxMessage = ZOutboxSummary.extend({ text: z.string() });
