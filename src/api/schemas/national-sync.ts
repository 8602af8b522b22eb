// The national sync's report (runs and what each sent) and a case's national record.
import { z } from 'zod';
import { str } from './text';

export const ZSyncRunsQuery = z.object({
  unitId: str()
    .min(1)
    .optional()
    .describe('the province (top unit) whose runs to list; default: every unit the caller may read'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZSyncRun = z.object({
  id: z.string().describe('national-sync-<unit>:<run>'),
  unitId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable().describe('null while the run is still pushing (the receiver may be down)'),
  found: z.number().describe('new record versions made in the run (new and changed cases)'),
  accepted: z.number().describe('record versions the receiver took (2xx)'),
  rejected: z.number().describe('record versions the receiver refused as invalid (400, 409, 413, 422)'),
  invalid: z.number().describe('record versions that broke schemas/national-record.v1.schema.json and were not sent'),
  retried: z.number().describe('deliveries that needed more than one attempt'),
});

export const ZSyncRunList = z.object({ items: z.array(ZSyncRun) });

export const ZSyncDelivery = z.object({
  idempotencyKey: z.string().describe('<petitionId>:v<version>, sent as the Idempotency-Key header'),
  petitionId: z.string(),
  trackingCode: z.string(),
  version: z.number(),
  contentHash: z.string().describe('SHA-256 of the record as sent (canonical JSON, without its version)'),
  outcome: z.enum(['accepted', 'rejected', 'invalid']).describe('invalid: broke the schema, never sent'),
  httpStatus: z.number().describe('0 for an invalid record (nothing was sent)'),
  attempts: z.number(),
  error: z
    .string()
    .nullable()
    .describe(
      "the start of the receiver's answer to a rejected record; for an invalid one, the path of its first fault",
    ),
  deliveredAt: z.string(),
});

export const ZSyncRunDetail = ZSyncRun.extend({ deliveries: z.array(ZSyncDelivery) });

export const ZNationalRecordPreview = z.object({
  record: z
    .record(z.string(), z.unknown())
    .describe('the record without its version (schemas/national-record.v1.schema.json)'),
  version: z.number().nullable().describe('the latest version made; null before the first sync run saw the case'),
  sentVersion: z.number().nullable().describe('the version the receiver last took'),
});
