// Đơn trùng: the proposals for a petition and the officer's decision.
import { z } from 'zod';
import { str } from './text';
import { STAGES } from '../../domain/petition/petition-stages';

const ZUnitRef = z.object({ id: z.string(), name: z.string() });

export const ZDuplicateReason = z.object({
  code: z.enum(['samePetitioner', 'similarSubject', 'sameField']),
  facets: z
    .array(z.enum(['phone', 'email', 'name-address']))
    .optional()
    .describe('samePetitioner: the facets whose keyed hashes matched (never their values)'),
  similarity: z.number().optional().describe('similarSubject: Jaccard similarity of the folded subjects, 0..1'),
  vi: z.string(),
  en: z.string(),
});

export const ZDuplicateProposal = z.object({
  petitionId: z.string(),
  trackingCode: z.string(),
  kind: z.string(),
  subject: z.string(),
  field: z.string(),
  stage: z.enum(STAGES),
  unit: ZUnitRef,
  receivedAt: z.string(),
  decided: z.boolean().describe('already resolved or closed: linking gives the legal answer, no new case'),
  reasons: z.array(ZDuplicateReason),
  score: z.number(),
});

export const ZDuplicateProposals = z.object({
  petitionId: z.string(),
  decision: z
    .union([
      z.object({
        decision: z.literal('duplicate'),
        duplicateOf: z.object({ id: z.string(), trackingCode: z.string(), unit: ZUnitRef }),
      }),
      z.object({
        decision: z.literal('newMatter'),
        at: z.string(),
        actorId: z.string().nullable(),
        note: z.string().nullable().describe("the deciding officer's note, staff-only"),
      }),
    ])
    .nullable(),
  proposals: z.array(ZDuplicateProposal),
});

export const ZDuplicateDecisionRequest = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('duplicate'),
    ofPetitionId: str().min(1).describe('the open case that handles the matter, or the one that decided it'),
    hasNewFacts: z
      .boolean()
      .optional()
      .describe('for a decided case: new facts or evidence make it a new matter, and the link is refused'),
    note: str().trim().max(2000).optional(),
  }),
  z.object({ decision: z.literal('newMatter'), note: str().trim().max(2000).optional() }),
]);

export const ZDuplicateDecisionResponse = z.union([
  z.object({ decision: z.literal('newMatter'), petitionId: z.string() }),
  z.object({
    decision: z.enum(['duplicate', 'alreadyDecided']),
    petitionId: z.string(),
    duplicateOf: z.object({ id: z.string(), trackingCode: z.string(), unit: ZUnitRef }),
    answer: z.object({ basis: z.string(), vi: z.string(), en: z.string() }).nullable(),
    stage: z.enum(STAGES).optional(),
  }),
]);
