// Petitions: registration, actions, lists, views, history and second-time complaints. The request schemas
// satisfy the use cases' own input types, so the edge and the use case cannot drift apart.
import { z } from 'zod';
import { PETITION_KINDS, STAGES } from '../../domain/petition/petition-stages';
import { CHANNELS, type CreatePetitionInput, type PetitionActionRequest, type PetitionerInput } from '../../petitions/inputs';

export const ZPetitioner = z.object({
  fullName: z.string().trim().min(1).max(200),
  phone: z.string().trim().regex(/^[+0-9 ().-]{6,20}$/, 'phone: digits, spaces and + ( ) . - only').optional(),
  email: z.email().optional(),
  address: z.string().trim().max(500).optional(),
  isRepresentative: z.boolean().optional(),
}) satisfies z.ZodType<PetitionerInput>;

export const ZCreatePetitionRequest = z.object({
  kind: z.enum(PETITION_KINDS),
  receivingUnitId: z.string().min(1),
  channel: z.enum(CHANNELS),
  field: z.string().trim().min(1).max(100).describe('lĩnh vực: land, planning, site_clearance, policy, officials_conduct, …'),
  subject: z.string().trim().min(3).max(300),
  body: z.string().trim().min(1).max(20_000),
  petitioners: z.array(ZPetitioner).min(1).max(500),
  receivedAt: z.iso.datetime({ offset: true }).describe('when the unit received it (ISO-8601)'),
}) satisfies z.ZodType<CreatePetitionInput>;

export const ZCreatePetitionResponse = z.object({
  id: z.string(),
  trackingCode: z.string(),
  trackingSecret: z.string().describe('printed on the citizen receipt; with the tracking code it opens GET /track/{code}'),
  workflowId: z.string(),
  stage: z.enum(STAGES),
});

const reason = z.string().trim().min(3).max(2000);
export const ZActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('refuse'), reason }),
  z.object({ action: z.literal('forward'), toUnitId: z.string().min(1), reason }),
  z.object({ action: z.literal('assign'), assigneeId: z.string().min(1), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('startVerification'), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('resolve'), summary: reason }),
  z.object({ action: z.literal('reportBack'), summary: reason }),
  z.object({ action: z.literal('withdraw'), reason }),
  z.object({
    action: z.literal('setFlags'),
    complex: z.boolean().optional(),
    veryComplex: z.boolean().optional(),
    remote: z.boolean().optional(),
    multiSite: z.boolean().optional(),
    reason,
  }),
  z.object({ action: z.literal('requestExtension'), days: z.number().int().min(1).max(60), reason }),
  z.object({
    action: z.literal('decideExtension'),
    approve: z.boolean(),
    reason,
    decision: z.object({ number: z.string().trim().min(1).max(50), date: z.iso.date(), signer: z.string().trim().min(1).max(200) }).optional(),
  }),
]) satisfies z.ZodType<PetitionActionRequest>;

const ZBoolString = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZListPetitionsQuery = z.object({
  stage: z.enum(STAGES).optional(),
  unitId: z.string().optional(),
  kind: z.enum(PETITION_KINDS).optional(),
  field: z.string().optional(),
  leaderId: z.string().optional().describe("the responsible leader of the petition's current unit"),
  overdue: ZBoolString.optional(),
  escalated: ZBoolString.optional(),
  forwarded: ZBoolString.optional(),
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['dueAt', 'receivedAt']).default('dueAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZTimelineEntry = z.object({
  at: z.string(),
  type: z.string(),
  actor: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  stageFrom: z.string().nullable(),
  stageTo: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
});

export const ZPetitionView = z.object({
  id: z.string(),
  trackingCode: z.string(),
  kind: z.enum(PETITION_KINDS),
  channel: z.string(),
  field: z.string(),
  subject: z.string(),
  body: z.string(),
  stage: z.enum(STAGES),
  unit: z.object({ id: z.string(), name: z.string() }),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  receivedAt: z.string(),
  escalated: z.boolean(),
  forwardCount: z.number(),
  nextDeadline: z
    .object({ clock: z.string(), dueAt: z.string(), overdue: z.boolean(), nextReminder: z.object({ at: z.string() }).nullable() })
    .nullable(),
  petitioners: z.array(z.object({ fullName: z.string(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(), identitySealed: z.boolean().optional() })),
  timeline: z.array(ZTimelineEntry),
  round: z.number(),
  appealOf: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  appeals: z.array(z.object({ id: z.string(), trackingCode: z.string(), unitId: z.string() })),
});

export const ZPetitionListItem = ZPetitionView.omit({ body: true, petitioners: true, timeline: true, receivingUnit: true, round: true, appealOf: true, appeals: true });
export const ZPetitionList = z.object({ items: z.array(ZPetitionListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const ZTemporalEvent = z.object({ eventId: z.string(), time: z.string().nullable(), type: z.string(), summary: z.string() });
export const ZPetitionHistory = z.object({
  petitionId: z.string(),
  workflowId: z.string(),
  timeline: z.array(ZTimelineEntry),
  temporal: z.object({ status: z.string(), events: z.array(ZTemporalEvent) }),
});

export const ZAppealRequest = z.object({
  reason: z.string().trim().min(3).max(5000).describe('why the complainant rejects the first decision, or that the first deadline lapsed'),
  remote: z.boolean().optional().describe('remote area: 45-day filing window'),
});
export const ZAppealResponse = z.object({
  id: z.string(),
  trackingCode: z.string(),
  workflowId: z.string(),
  unitId: z.string(),
  round: z.number(),
  appealOf: z.object({ id: z.string(), trackingCode: z.string() }),
  trigger: z.enum(['decision', 'lapsed']),
  filingWindowEndsAt: z.string(),
});
