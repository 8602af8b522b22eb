// The cycle pages' form posts (flat urlencoded fields) mapped onto the JSON requests the API validates, so
// a page and the API accept exactly the same sessions, conferences, opinions, commitments and grants.
import type { z } from 'zod';
import { ZCloseRequest, ZDelegateRequest, ZMatterRequest, ZPostponeRequest } from '../../api/schemas/reception';
import {
  ZConferenceRequest,
  ZFulfilRequest,
  ZHoldRequest,
  ZOpinionRequest,
  ZProgressRequest,
  ZPublishRequest,
} from '../../api/schemas/conferences';
import { ZIdentityGrantRequest } from '../../api/schemas/identity-grants';
import { fromLocalDateTime } from '../../web/format';

export type Fields = Record<string, string | string[] | undefined>;

const one = (fields: Fields, name: string): string => {
  const v = fields[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
const text = (fields: Fields, name: string): string | undefined => {
  const v = one(fields, name).trim();
  return v === '' ? undefined : v;
};
const integer = (fields: Fields, name: string): number | string | undefined => {
  const v = text(fields, name);
  return v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : v;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function parse<S extends z.ZodType>(schema: S, candidate: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'form'] = issue.message;
  return { ok: false, errors };
}

export const postponeForm = (f: Fields) => parse(ZPostponeRequest, { day: text(f, 'day'), reason: text(f, 'reason') });

export const delegateForm = (f: Fields) =>
  parse(ZDelegateRequest, { deputyId: text(f, 'deputyId'), reason: text(f, 'reason') });

export function matterForm(f: Fields) {
  const outcome = text(f, 'outcome');
  const phone = text(f, 'petition.phone');
  return parse(ZMatterRequest, {
    citizenName: text(f, 'citizenName'),
    summary: text(f, 'summary'),
    field: text(f, 'field'),
    outcome,
    answer: outcome === 'petition' ? undefined : text(f, 'answer'),
    petitionTrackingCode: outcome === 'petition' ? undefined : text(f, 'petitionTrackingCode'),
    petition:
      outcome === 'petition'
        ? {
            kind: text(f, 'petition.kind'),
            subject: text(f, 'petition.subject'),
            body: text(f, 'petition.body'),
            // The citizen at the desk is the petitioner; a denunciation's name is sealed by createPetition.
            petitioners: [{ fullName: text(f, 'citizenName') ?? '', ...(phone ? { phone } : {}) }],
          }
        : undefined,
  });
}

export const closeForm = (f: Fields) =>
  parse(ZCloseRequest, { minutes: text(f, 'minutes'), attendeeCount: integer(f, 'attendeeCount') });

export function conferenceForm(f: Fields) {
  const startsAt = text(f, 'startsAt');
  return parse(ZConferenceRequest, {
    unitId: text(f, 'unitId'),
    kind: text(f, 'kind'),
    title: text(f, 'title'),
    topic: text(f, 'topic'),
    startsAt: startsAt ? (fromLocalDateTime(startsAt) ?? startsAt) : undefined,
    location: text(f, 'location'),
    chairId: text(f, 'chairId'),
    proposalId: text(f, 'proposalId'),
  });
}

export const holdForm = (f: Fields) =>
  parse(ZHoldRequest, { attendeeCount: integer(f, 'attendeeCount'), minutes: text(f, 'minutes') });

export function opinionForm(f: Fields) {
  const outcome = text(f, 'outcome');
  return parse(ZOpinionRequest, {
    participantName: text(f, 'participantName'),
    participantEmail: text(f, 'participantEmail'),
    field: text(f, 'field'),
    content: text(f, 'content'),
    outcome,
    answer: outcome === 'answered' || outcome === 'explained' ? text(f, 'answer') : undefined,
    commitment:
      outcome === 'commitment'
        ? {
            description: text(f, 'commitment.description'),
            promisedBy: text(f, 'commitment.promisedBy'),
            assigneeId: text(f, 'commitment.assigneeId'),
          }
        : undefined,
  });
}

export const publishForm = (f: Fields) => parse(ZPublishRequest, { summary: text(f, 'summary') });

export const progressForm = (f: Fields) =>
  parse(ZProgressRequest, { percent: integer(f, 'percent'), note: text(f, 'note') });

export const fulfilForm = (f: Fields) => parse(ZFulfilRequest, { note: text(f, 'note') });

/** The scope is a unit, or one petition named by its tracking code (resolved to its id by the route). */
export function grantForm(f: Fields, petitionId: string | undefined) {
  const scope = one(f, 'scope');
  const expires = text(f, 'expiresAt');
  return parse(ZIdentityGrantRequest, {
    personId: text(f, 'personId'),
    unitId: scope === 'unit' ? text(f, 'unitId') : undefined,
    petitionId: scope === 'petition' ? petitionId : undefined,
    reason: text(f, 'reason'),
    // A day's grant lasts to the end of that day in Vietnam.
    expiresAt: expires ? (/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T23:59:59+07:00` : expires) : undefined,
  });
}

export { one, text };
