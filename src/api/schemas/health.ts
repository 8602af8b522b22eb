import { z } from 'zod';

export const ZHealth = z.object({ status: z.literal('ok') });

export const ZReadiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z
    .record(z.string(), z.enum(['ok', 'unavailable']))
    .describe('database, temporal, and relay when SMTP_URL is set'),
});
