// Petitions: registration, actions, lists, views, history and second-time complaints. The request schemas
// satisfy the use cases' own input types, so the edge and the use case cannot drift apart.
import { z } from 'zod';
import { day, str } from './text';
import { ZResolutionDocument } from './decisions';
import { ACTIONS, PETITION_KINDS, STAGES } from '../../domain/petition/petition-stages';
import { RESOLUTION_NUMBER_MAX, RESOLUTION_TEXT_MAX } from '../../domain/petition/resolution-decision';
import {
  CHANNELS,
  type CreatePetitionInput,
  type PetitionActionRequest,
  type PetitionerInput,
} from '../../petitions/inputs';

export const ZPetitioner = z.object({
  fullName: str().trim().min(1).max(200),
  phone: str()
    .trim()
    .regex(/^[+0-9 ().-]{6,20}$/, 'phone: digits, spaces and + ( ) . - only')
    .optional(),
  email: z.email().optional(),
  address: str().trim().max(500).optional(),
  isRepresentative: z.boolean().optional(),
}) satisfies z.ZodType<PetitionerInput>;

export const ZCreatePetitionRequest = z.object({
  kind: z.enum(PETITION_KINDS),
  receivingUnitId: str().min(1),
  channel: z.enum(CHANNELS),
  field: str()
    .trim()
    .min(1)
    .max(100)
    .describe('lĩnh vực: land, planning, site_clearance, policy, officials_conduct, …'),
  subject: str().trim().min(3).max(300),
  body: str().trim().min(1).max(20_000),
  petitioners: z.array(ZPetitioner).min(1).max(500),
  receivedAt: z.iso.datetime({ offset: true }).describe('when the unit received it (ISO-8601)'),
}) satisfies z.ZodType<CreatePetitionInput>;

export const ZCreatePetitionResponse = z.object({
  id: str(),
  trackingCode: str(),
  trackingSecret: str().describe('printed on the citizen receipt; with the tracking code it opens GET /track/{code}'),
  workflowId: str(),
  stage: z.enum(STAGES),
  nextDeadline: z
    .object({
      clock: z.string(),
      dueAt: z.string(),
      overdue: z.boolean(),
      nextReminder: z.object({ at: z.string() }).nullable(),
    })
    .nullable()
    .describe(
      'the first deadline, from the rules the workflow starts with: written with the petition, confirmed by the workflow’s first write',
    ),
  possibleDuplicates: z
    .number()
    .describe('likely duplicates across the province (đơn trùng): read them at GET /petitions/{id}/duplicates'),
});

export const ZActionPending = z.object({
  status: z.literal('pending'),
  updateId: z
    .string()
    .describe('the Update carrying the action; a repeat with the same Idempotency-Key is the same Update'),
  href: z.string().describe('GET it for the result: 200 with the new state, 202 while still pending'),
  message: z.string(),
});

const reason = str().trim().min(3).max(2000);
export const ZActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: str().max(2000).optional() }),
  z.object({ action: z.literal('refuse'), reason }),
  z.object({ action: z.literal('forward'), toUnitId: str().min(1), reason }),
  z.object({ action: z.literal('assign'), assigneeId: str().min(1), note: str().max(2000).optional() }),
  z.object({ action: z.literal('startVerification'), note: str().max(2000).optional() }),
  z.object({
    action: z.literal('resolve'),
    summary: reason,
    decision: z
      .object({
        number: str().trim().min(1).max(RESOLUTION_NUMBER_MAX).describe('số văn bản, e.g. "125/QĐ-UBND"'),
        date: day().describe('the day it was signed (YYYY-MM-DD): not in the future, not before the receipt'),
        signer: str().trim().min(1).max(RESOLUTION_TEXT_MAX).describe('người ký: the signer’s full name'),
        signerTitle: str().trim().min(1).max(RESOLUTION_TEXT_MAX).describe('chức vụ, e.g. "Chủ tịch"'),
      })
      .optional()
      .describe(
        'the written resolution (số, ngày ký, người ký, chức vụ): required for a complaint (quyết định giải quyết khiếu nại, Luật Khiếu nại 2011 Đ.31/Đ.40), optional otherwise; printed at GET /petitions/{id}/decisions/resolution/pdf',
      ),
  }),
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
    decision: z
      .object({ number: str().trim().min(1).max(50), date: day(), signer: str().trim().min(1).max(200) })
      .optional(),
  }),
]) satisfies z.ZodType<PetitionActionRequest>;

const ZBoolString = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZListPetitionsQuery = z.object({
  stage: z.enum(STAGES).optional(),
  unitId: str().optional(),
  kind: z.enum(PETITION_KINDS).optional(),
  field: str().optional(),
  leaderId: str().optional().describe("the responsible leader of the petition's current unit"),
  overdue: ZBoolString.optional(),
  escalated: ZBoolString.optional(),
  forwarded: ZBoolString.optional(),
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  open: ZBoolString.optional().describe('true: only cases not yet closed, refused or withdrawn'),
  mine: ZBoolString.optional().describe('true: only cases assigned to the caller'),
  assigneeId: z.string().optional(),
  unassigned: ZBoolString.optional().describe('true: open cases nobody is assigned to'),
  dueWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .optional()
    .describe('open cases due by the end of the n-th working day from today (working calendar)'),
  awaitingDecision: ZBoolString.optional().describe(
    "true: cases with an extension request waiting for the leader's decision",
  ),
  escalatedToMe: ZBoolString.optional().describe(
    'true: cases whose reminder ladder escalated a breach to the caller, or to a unit the caller leads (add open=true for the work queue)',
  ),
  remindedMe: ZBoolString.optional().describe(
    'true: cases whose reminder ladder sent the caller a reminder (add open=true for the work queue)',
  ),
  text: z.string().trim().max(200).optional().describe('a tracking code, or words of the subject'),
  petitioner: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .describe(
      "part of a petitioner's name, accents optional (Nguyen finds Nguyễn). A denouncer's sealed identity is never matched in plain text: only by its whole name, and only on cases the caller handles (assigned, registering officer, leader of the unit); supervisors' identity grants do not extend to search",
    ),
  sort: z
    .enum(['dueAt', 'receivedAt', 'trackingCode'])
    .default('dueAt')
    .describe('the page order; ties are broken by id, so offset pages are stable'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZTimelineEntry = z.object({
  at: str(),
  type: str(),
  actor: z.object({ id: str(), fullName: str() }).nullable(),
  stageFrom: str().nullable(),
  stageTo: str().nullable(),
  note: str().nullable(),
  data: z.unknown(),
});

export const ZPetitionView = z.object({
  id: str(),
  trackingCode: str(),
  kind: z.enum(PETITION_KINDS),
  channel: str(),
  field: str(),
  subject: str(),
  body: str(),
  stage: z.enum(STAGES),
  unit: z.object({ id: str(), name: str() }),
  receivingUnit: z.object({ id: str(), name: str() }),
  assignee: z.object({ id: str(), fullName: str() }).nullable(),
  receivedAt: str(),
  escalated: z.boolean(),
  forwardCount: z.number(),
  isMass: z.boolean().describe('khiếu kiện đông người: five or more petitioners on one matter'),
  nextDeadline: z
    .object({ clock: str(), dueAt: str(), overdue: z.boolean(), nextReminder: z.object({ at: str() }).nullable() })
    .nullable(),
  petitioners: z.array(
    z.object({
      fullName: str(),
      phone: str().nullable(),
      email: str().nullable(),
      address: str().nullable(),
      identitySealed: z.boolean().optional(),
    }),
  ),
  timeline: z.array(ZTimelineEntry),
  round: z.number(),
  appealOf: z.object({ id: str(), trackingCode: str() }).nullable(),
  appeals: z.array(z.object({ id: str(), trackingCode: str(), unitId: str() })),
  receptionSessions: z
    .array(z.object({ id: str(), day: str() }))
    .describe('citizen reception sessions where it was registered or where the citizen came about it'),
  forwards: z
    .array(
      z.object({
        at: str(),
        fromUnit: z.object({ id: str(), name: str() }),
        toUnit: z.object({ id: str(), name: str() }),
      }),
    )
    .describe('the forwards of the case to the competent unit, in order: from which unit to which, when'),
  conferences: z
    .array(z.object({ id: str(), title: str(), startsAt: str() }))
    .describe('ad hoc dialogue conferences called on a hot-spot proposal that counted this case'),
  allowedActions: z
    .array(z.enum(ACTIONS))
    .describe('the actions the caller may take in this stage, from the state machine (the workflow still checks each)'),
  pendingExtension: z.boolean().describe("an extension request waits for the leader's decision"),
  identityEntitled: z.boolean().describe('the caller may open a sealed identity (with a reason, recorded)'),
  resolution: ZResolutionDocument.nullable().describe(
    'the resolution with its written record (number, date signed, signer, title) and its PDF; null while not resolved',
  ),
});

export const ZPetitionListItem = ZPetitionView.omit({
  body: true,
  petitioners: true,
  timeline: true,
  receivingUnit: true,
  round: true,
  appealOf: true,
  appeals: true,
  receptionSessions: true,
  forwards: true,
  conferences: true,
  allowedActions: true,
  pendingExtension: true,
  identityEntitled: true,
  resolution: true,
});
export const ZPetitionList = z.object({
  items: z.array(ZPetitionListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZTemporalEvent = z.object({ eventId: str(), time: str().nullable(), type: str(), summary: str() });
export const ZPetitionHistory = z.object({
  petitionId: str(),
  workflowId: str(),
  timeline: z.array(ZTimelineEntry),
  temporal: z.object({ status: str(), events: z.array(ZTemporalEvent) }),
  identityAccess: z
    .array(
      z.object({
        at: str(),
        person: z.object({ id: str(), fullName: str() }),
        reason: str(),
        documentId: str().nullable().describe('set when a sealed document was opened, not the identity'),
      }),
    )
    .optional()
    .describe(
      "every opening of a denouncer's sealed identity or sealed document (who, when, why; never what was seen); present only for the assigned and registering officer, leaders and supervisors over the case's unit",
    ),
});

export const ZAppealRequest = z.object({
  reason: str()
    .trim()
    .min(3)
    .max(5000)
    .describe('why the complainant rejects the first decision, or that the first deadline lapsed'),
  remote: z.boolean().optional().describe('remote area: 45-day filing window'),
});
export const ZAppealResponse = z.object({
  id: str(),
  trackingCode: str(),
  workflowId: str(),
  unitId: str(),
  round: z.number(),
  appealOf: z.object({ id: str(), trackingCode: str() }),
  trigger: z.enum(['decision', 'lapsed']),
  filingWindowEndsAt: str(),
});

export const ZBulkAssignRequest = z.object({
  petitionIds: z.array(str().min(1)).min(1).max(100).describe('up to 100 cases; a repeated id counts once'),
  assigneeId: str().min(1).describe('an active officer or leader of each case’s current unit'),
  note: str().max(2000).optional(),
});

const ZBulkItemBase = z.object({ petitionId: str(), trackingCode: str().nullable() });
export const ZBulkAssignResponse = z.object({
  items: z
    .array(
      z.discriminatedUnion('outcome', [
        ZBulkItemBase.extend({ outcome: z.literal('assigned'), stage: z.enum(STAGES) }),
        ZBulkItemBase.extend({
          outcome: z.literal('pending'),
          updateId: str().describe('follow GET /petitions/{petitionId}/updates/{updateId}'),
        }),
        ZBulkItemBase.extend({ outcome: z.literal('notFound') }),
        ZBulkItemBase.extend({
          outcome: z.enum(['refused', 'failed']),
          code: str().describe('the error code the single action would answer (Forbidden, IllegalTransition, …)'),
          message: str(),
        }),
      ]),
    )
    .describe('one per distinct id, in the order asked'),
  counts: z.object({
    assigned: z.number(),
    pending: z.number(),
    notFound: z.number(),
    refused: z.number(),
    failed: z.number(),
  }),
});
