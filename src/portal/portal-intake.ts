// Online filing: the portal's form checked field by field (in the citizen's words), then handed to the
// same createPetition use case the JSON API and Open311 use, as the portal's intake desk of the chosen unit.
import type { Principal } from '../org/access';
import { createPetition, type PetitionServiceDeps } from '../petitions/petitions';
import { calendarYearsFrom, workingCalendarFor } from '../calendar/calendar-store';
import { formatDay, localDayOf, parseDay, yearOf } from '../domain/calendar/day';
import { dueAtFor, type ClockSpec } from '../domain/petition/deadline-ladder';
import { complaintWindow, type ComplaintWindow } from './complaint-window';
import { FIELD_LABELS, type PortalKey } from './messages';

export const ONLINE_KINDS = ['feedback', 'recommendation', 'complaint'] as const;
export type OnlineKind = (typeof ONLINE_KINDS)[number];
export const BODY_MAX = 5000;
export const HONEYPOT_FIELD = 'website';

/** Who registers a petition filed on the portal: an intake desk of the chosen unit, like an Open311 key. */
export function portalIntake(unitId: string): Principal {
  return {
    personId: 'portal:online',
    fullName: 'Cổng trực tuyến / Online portal',
    unitId,
    bindings: [{ role: 'officer', unitId }],
  };
}

export interface FilingForm {
  unitId: string;
  kind: string;
  field: string;
  subject: string;
  body: string;
  decision: string;
  knownOn: string;
  lateReason: string;
  fullName: string;
  email: string;
  phone: string;
  address: string;
}

const text = (value: unknown, max = 20_000): string => (typeof value === 'string' ? value.slice(0, max).trim() : '');

export function readFilingForm(body: Record<string, unknown>): FilingForm {
  return {
    unitId: text(body.unitId, 100),
    kind: text(body.kind, 30),
    field: text(body.field, 50),
    subject: text(body.subject, 1000),
    body: text(body.body, BODY_MAX * 2),
    decision: text(body.decision, 2000),
    knownOn: text(body.knownOn, 20),
    lateReason: text(body.lateReason, 2000),
    fullName: text(body.fullName, 500),
    email: text(body.email, 500),
    phone: text(body.phone, 100),
    address: text(body.address, 1000),
  };
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const PHONE = /^[+0-9 ().-]{6,20}$/;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// Date.parse('2026-02-31') is 3 March: only a day that reads back the same is a real day.
const isCalendarDay = (text: string): boolean => {
  if (!ISO_DAY.test(text)) return false;
  try {
    return formatDay(parseDay(text)) === text;
  } catch {
    return false;
  }
};

export type FormErrors = Partial<Record<keyof FilingForm, PortalKey>>;

export interface FilingCheck {
  errors: FormErrors;
  window?: ComplaintWindow;
}

export async function checkFilingForm(
  deps: Pick<PetitionServiceDeps, 'prisma'>,
  form: FilingForm,
  nowMs: number,
): Promise<FilingCheck> {
  const errors: FormErrors = {};
  const length = (key: keyof FilingForm, min: number, max: number) => {
    const n = form[key].length;
    if (n === 0) errors[key] = 'errRequired';
    else if (n < min) errors[key] = 'errTooShort';
    else if (n > max) errors[key] = 'errTooLong';
  };
  if (!(ONLINE_KINDS as readonly string[]).includes(form.kind)) errors.kind = 'errKind';
  if (!FIELD_LABELS[form.field]) errors.field = 'errField';
  length('subject', 3, 300);
  length('body', 10, BODY_MAX);
  length('fullName', 2, 200);
  if (form.email && !EMAIL.test(form.email)) errors.email = 'errEmail';
  if (form.phone && !PHONE.test(form.phone)) errors.phone = 'errPhone';
  if (!form.email && !form.phone) errors.email = 'errContact';
  if (form.address.length > 500) errors.address = 'errTooLong';
  let window: ComplaintWindow | undefined;
  if (form.kind === 'complaint') {
    length('decision', 3, 1000);
    if (!form.knownOn) errors.knownOn = 'errRequired';
    else if (!isCalendarDay(form.knownOn)) errors.knownOn = 'errDate';
    else if (form.knownOn > new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10))
      errors.knownOn = 'errFutureDate';
    else {
      const calendar = await workingCalendarFor(deps.prisma, Number(form.knownOn.slice(0, 4)));
      window = complaintWindow(form.knownOn, nowMs, calendar);
      if (!window.open) {
        if (!form.lateReason) errors.lateReason = 'errRequired';
        else if (form.lateReason.length < 10) errors.lateReason = 'errTooShort';
      }
    }
  }
  return { errors, window };
}

export interface Filed {
  trackingCode: string;
  trackingSecret: string;
  kind: OnlineKind;
  receivedAt: Date;
  triage: { spec: ClockSpec; dueAtMs: number };
  resolution: ClockSpec;
}

/** Files a checked form; the complaint's decision, date and any late reason go into the petition's text. */
export async function fileOnline(deps: PetitionServiceDeps, form: FilingForm, now: Date): Promise<Filed> {
  const kind = form.kind as OnlineKind;
  const complaintPart =
    kind === 'complaint'
      ? `\n\nQuyết định/hành vi bị khiếu nại: ${form.decision}\nNgày nhận được hoặc biết: ${form.knownOn}${form.lateReason ? `\nLý do khiếu nại sau thời hiệu 90 ngày (Đ.9): ${form.lateReason}` : ''}`
      : '';
  const created = await createPetition(deps, portalIntake(form.unitId), {
    kind,
    receivingUnitId: form.unitId,
    channel: 'online',
    field: form.field,
    subject: form.subject,
    body: `${form.body}${complaintPart}`,
    receivedAt: now.toISOString(),
    petitioners: [
      {
        fullName: form.fullName,
        ...(form.email ? { email: form.email } : {}),
        ...(form.phone ? { phone: form.phone } : {}),
        ...(form.address ? { address: form.address } : {}),
      },
    ],
  });
  const policy = (await deps.policies.resolve(now.getTime(), form.unitId)).forKind(kind);
  const years = await calendarYearsFrom(deps.prisma, yearOf(localDayOf(now.getTime())));
  return {
    trackingCode: created.trackingCode,
    trackingSecret: created.trackingSecret,
    kind,
    receivedAt: now,
    triage: { spec: policy.clocks.triage, dueAtMs: dueAtFor(policy.clocks.triage, now.getTime(), years) },
    resolution: policy.clocks.resolution,
  };
}
