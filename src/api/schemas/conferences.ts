// Dialogue conferences and the commitments made at them.
import { z } from 'zod';
import { day, str } from './text';

export const ZConferenceRequest = z.object({
  unitId: str().min(1),
  kind: z.enum(['regular', 'adhoc']).describe('thường xuyên (regular) or đột xuất (ad hoc)'),
  title: str().trim().min(3).max(300),
  topic: str().trim().max(1000).optional(),
  startsAt: z.iso.datetime({ offset: true }).describe('at least 7 days ahead (policy)'),
  location: str().trim().min(3).max(300),
  chairId: str().min(1),
  proposalId: str().optional().describe('an ad hoc conference answering a hot-spot proposal'),
});
export const ZHoldRequest = z.object({
  attendeeCount: z.number().int().min(0).max(1_000_000),
  minutes: str().trim().min(10).max(100_000),
});
export const ZOpinionRequest = z.object({
  participantName: str().trim().max(200).optional(),
  participantEmail: z.email().optional().describe('to tell them the outcome and the commitment’s progress'),
  field: str().trim().min(1).max(100),
  content: str().trim().min(3).max(10_000),
  outcome: z.enum(['answered', 'commitment', 'explained', 'referred']),
  answer: str().trim().min(3).max(10_000).optional(),
  commitment: z
    .object({
      unitId: str().optional(),
      assigneeId: str().optional(),
      description: str().trim().min(3).max(2000),
      promisedBy: day(),
    })
    .optional(),
  referredToUnitId: str().optional().describe('default: the level above'),
});
export const ZPublishRequest = z.object({ summary: str().trim().max(20_000).optional() });
export const ZProgressRequest = z.object({
  percent: z.number().int().min(0).max(99),
  note: str().trim().min(3).max(2000),
});
export const ZFulfilRequest = z.object({ note: str().trim().min(3).max(2000) });
