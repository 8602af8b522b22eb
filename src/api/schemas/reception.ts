// Reception schedules and sessions, and citizens registering for them.
import { z } from 'zod';
import { day, str } from './text';
import { PETITION_KINDS } from '../../domain/petition/petition-stages';
import { periodRefinement, ZPeriodFields } from './period';
import { ZPetitioner } from './petitions';

const ZRule = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('daysOfMonth'), days: z.array(z.number().int().min(1).max(31)).min(1).max(31) })
    .describe('e.g. the 10th, 20th and 30th'),
  z
    .object({
      type: z.literal('nthWeekday'),
      n: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
      weekday: z.number().int().min(0).max(6),
    })
    .describe('e.g. the third Tuesday (n 3, weekday 2); n -1 is the last'),
  z
    .object({ type: z.literal('weekly'), weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7) })
    .describe('e.g. every Thursday (4); 0 = Sunday'),
  z
    .object({ type: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .describe('once a year, e.g. the regular dialogue conference'),
]);
const ZTime = str().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const ZScheduleRequest = z.object({
  kind: z
    .enum(['reception', 'conference'])
    .default('reception')
    .describe('reception days, or the regular dialogue conference (each occurrence becomes a conference)'),
  unitId: str().min(1),
  leaderId: str().min(1).describe('the receiving leader'),
  deputyId: str().min(1).nullable().optional().describe('who receives when the leader delegates'),
  rule: ZRule,
  startTime: ZTime.describe('local time (Asia/Ho_Chi_Minh)'),
  durationMinutes: z.number().int().min(30).max(720).optional(),
  location: str().trim().min(3).max(300),
  registrationCutoffDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .nullable()
    .optional()
    .describe('citizens register at least this many days before'),
  announceDaysBefore: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .describe('public notice and invitations this many days before (default 7)'),
  jointUnitIds: z
    .array(str())
    .max(10)
    .optional()
    .describe('other bodies in a joint session: their responsible leaders are invited'),
  startsFrom: day().optional(),
});
export const ZScheduleUpdate = ZScheduleRequest.omit({ kind: true, unitId: true, startsFrom: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export const ZSessionsQuery = z.object({
  unitId: str().optional(),
  from: day().optional(),
  to: day().optional(),
  status: z.enum(['announced', 'open', 'closed']).optional(),
});
export const ZPostponeRequest = z.object({ day: day(), reason: str().trim().min(3).max(1000) });
export const ZDelegateRequest = z.object({ deputyId: str().min(1).optional(), reason: str().trim().min(3).max(1000) });
export const ZMatterRequest = z.object({
  citizenName: str().trim().max(200).optional(),
  summary: str().trim().min(3).max(4000),
  field: str().trim().min(1).max(100),
  outcome: z.enum(['answered', 'petition', 'explained']),
  answer: str().trim().min(3).max(4000).optional().describe('the answer given, or why the matter does not fit policy'),
  petition: z
    .object({
      kind: z.enum(PETITION_KINDS),
      subject: str().trim().min(3).max(300),
      body: str().trim().min(1).max(20_000),
      petitioners: z.array(ZPetitioner).min(1).max(500),
    })
    .optional(),
  petitionTrackingCode: str()
    .trim()
    .min(4)
    .max(40)
    .optional()
    .describe(
      'a petition already filed that the citizen came about (answered or explained): the matter is linked to it',
    ),
});
export const ZCloseRequest = z.object({
  minutes: str().trim().min(10).max(50_000),
  attendeeCount: z.number().int().min(0).max(100_000),
});
export const ZRegistrationRequest = z.object({
  fullName: str().trim().min(1).max(200),
  email: z.email().optional(),
  phone: str()
    .trim()
    .regex(/^[+0-9 ().-]{6,20}$/)
    .optional(),
  topic: str().trim().max(500).optional(),
});
export const ZObligationsQuery = z.object(ZPeriodFields).refine(...periodRefinement);
