// Form posts (flat urlencoded fields) mapped onto the JSON requests the API validates, so a page and the
// API accept exactly the same petitions and actions.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ZActionRequest, ZCreatePetitionRequest } from '../api/schemas/petitions';
import { AppError } from '../errors';
import { fromLocalDateTime, localIsoDateTime } from '../web/format';
import { EMPTY_PETITIONER, MAX_PETITIONER_ROWS, type PetitionerForm, type RegisterForm } from './pages/register';

type Fields = Record<string, string | string[] | undefined>;

const one = (fields: Fields, name: string): string => {
  const v = fields[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export function emptyRegisterForm(unitId: string, now: Date): RegisterForm {
  return {
    kind: 'complaint',
    channel: 'in_person',
    receivingUnitId: unitId,
    field: '',
    subject: '',
    body: '',
    receivedAt: localIsoDateTime(now),
    petitioners: [{ ...EMPTY_PETITIONER }],
    idempotencyKey: randomUUID(),
  };
}

export function readRegisterForm(fields: Fields): RegisterForm {
  const wanted = Math.min(MAX_PETITIONER_ROWS, Math.max(1, Number(one(fields, 'rows')) || 1));
  const posted: PetitionerForm[] = [];
  for (let i = 0; i < MAX_PETITIONER_ROWS; i++) {
    if (fields[`p${i}.fullName`] === undefined) break;
    posted.push({
      fullName: one(fields, `p${i}.fullName`),
      phone: one(fields, `p${i}.phone`),
      email: one(fields, `p${i}.email`),
      address: one(fields, `p${i}.address`),
      isRepresentative: one(fields, `p${i}.isRepresentative`) === 'true',
    });
  }
  const petitioners =
    one(fields, 'intent') === 'rows'
      ? Array.from({ length: wanted }, (_, i) => posted[i] ?? { ...EMPTY_PETITIONER })
      : posted.length
        ? posted
        : [{ ...EMPTY_PETITIONER }];
  return {
    kind: one(fields, 'kind'),
    channel: one(fields, 'channel'),
    receivingUnitId: one(fields, 'receivingUnitId'),
    field: one(fields, 'field'),
    subject: one(fields, 'subject'),
    body: one(fields, 'body'),
    receivedAt: one(fields, 'receivedAt'),
    petitioners,
    idempotencyKey: one(fields, 'idempotencyKey') || randomUUID(),
  };
}

const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

function zodErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join('.') || 'form'] = issue.message;
  return out;
}

export function toCreateRequest(
  form: RegisterForm,
): { ok: true; value: z.infer<typeof ZCreatePetitionRequest> } | { ok: false; errors: Record<string, string> } {
  const receivedAt = fromLocalDateTime(form.receivedAt);
  const candidate = {
    kind: form.kind,
    channel: form.channel,
    receivingUnitId: form.receivingUnitId,
    field: form.field,
    subject: form.subject,
    body: form.body,
    receivedAt: receivedAt ?? form.receivedAt,
    petitioners: form.petitioners
      .filter((p, i) => i === 0 || p.fullName.trim() !== '')
      .map((p) => ({
        fullName: p.fullName,
        phone: blankToUndefined(p.phone),
        email: blankToUndefined(p.email),
        address: blankToUndefined(p.address),
        isRepresentative: p.isRepresentative || undefined,
      })),
  };
  const parsed = ZCreatePetitionRequest.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodErrors(parsed.error) };
}

export function toActionRequest(
  fields: Fields,
): { ok: true; value: z.infer<typeof ZActionRequest> } | { ok: false; action: string; errors: Record<string, string> } {
  const action = one(fields, 'action');
  const text = (name: string) => blankToUndefined(one(fields, name));
  const flag = (name: string) => (fields[`${name}.present`] !== undefined ? one(fields, name) === 'true' : undefined);
  const approve = one(fields, 'approve') === 'true';
  const decision =
    approve && (text('decision.number') || text('decision.signer'))
      ? { number: text('decision.number'), date: text('decision.date'), signer: text('decision.signer') }
      : undefined;
  // The resolution's record when any of it was typed (the date field always comes filled in): the API then
  // refuses what is missing, field by field.
  const resolution =
    text('decision.number') || text('decision.signer') || text('decision.signerTitle')
      ? {
          number: text('decision.number'),
          date: text('decision.date'),
          signer: text('decision.signer'),
          signerTitle: text('decision.signerTitle'),
        }
      : undefined;
  const candidate: Record<string, unknown> = {
    action,
    note: text('note'),
    reason: text('reason'),
    summary: text('summary'),
    toUnitId: text('toUnitId'),
    assigneeId: text('assigneeId'),
    days: text('days') === undefined ? undefined : Number(one(fields, 'days')),
    complex: flag('complex'),
    veryComplex: flag('veryComplex'),
    remote: flag('remote'),
    multiSite: flag('multiSite'),
    ...(action === 'decideExtension' ? { approve, decision } : {}),
    ...(action === 'resolve' ? { decision: resolution } : {}),
  };
  const parsed = ZActionRequest.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, action, errors: zodErrors(parsed.error) };
}

export function idempotencyKeyOf(fields: Fields): string | undefined {
  const key = one(fields, 'idempotencyKey');
  if (key && !/^[A-Za-z0-9-]{8,100}$/.test(key)) throw new AppError('ValidationFailed', 'invalid idempotency key');
  return key || undefined;
}
