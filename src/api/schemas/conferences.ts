// Dialogue conferences and the commitments made at them.
import { z } from 'zod';

export const ZConferenceRequest = z.object({
  unitId: z.string().min(1),
  kind: z.enum(['regular', 'adhoc']).describe('thường xuyên (regular) or đột xuất (ad hoc)'),
  title: z.string().trim().min(3).max(300),
  topic: z.string().trim().max(1000).optional(),
  startsAt: z.iso.datetime({ offset: true }).describe('at least 7 days ahead (policy)'),
  location: z.string().trim().min(3).max(300),
  chairId: z.string().min(1),
  proposalId: z.string().optional().describe('an ad hoc conference answering a hot-spot proposal'),
});
export const ZHoldRequest = z.object({ attendeeCount: z.number().int().min(0).max(1_000_000), minutes: z.string().trim().min(10).max(100_000) });
export const ZOpinionRequest = z.object({
  participantName: z.string().trim().max(200).optional(),
  participantEmail: z.email().optional().describe('to tell them the outcome and the commitment’s progress'),
  field: z.string().trim().min(1).max(100),
  content: z.string().trim().min(3).max(10_000),
  outcome: z.enum(['answered', 'commitment', 'explained', 'referred']),
  answer: z.string().trim().min(3).max(10_000).optional(),
  commitment: z.object({ unitId: z.string().optional(), assigneeId: z.string().optional(), description: z.string().trim().min(3).max(2000), promisedBy: z.iso.date() }).optional(),
  referredToUnitId: z.string().optional().describe('default: the level above'),
});
export const ZPublishRequest = z.object({ summary: z.string().trim().max(20_000).optional() });
export const ZProgressRequest = z.object({ percent: z.number().int().min(0).max(99), note: z.string().trim().min(3).max(2000) });
export const ZFulfilRequest = z.object({ note: z.string().trim().min(3).max(2000) });

