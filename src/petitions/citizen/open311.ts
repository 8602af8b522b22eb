// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) mapped onto petitions of kind
// recommendation (kiến nghị) and feedback (phản ánh), so existing civic apps can file and track them.
// A service is a kind × field pair; a service request is a petition, its id the petition's tracking code.
// Every call except the service list needs an api_key: an API token whose unit is the jurisdiction.
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../../errors';
import type { CreatePetitionInput } from '../inputs';
import { readableUnits, rolesOver, UnitTree, type Principal } from '../../org/access';
import { STAGE_LABEL } from './citizen-tracking';
import { createPetition, type PetitionServiceDeps } from '../petitions';
import { DAY_MS } from '../../domain/calendar/day';

const FIELDS: { field: string; vi: string; en: string }[] = [
  { field: 'land', vi: 'Đất đai', en: 'Land' },
  { field: 'planning', vi: 'Quy hoạch, xây dựng', en: 'Planning and construction' },
  { field: 'environment', vi: 'Môi trường', en: 'Environment' },
  { field: 'infrastructure', vi: 'Hạ tầng, giao thông, chiếu sáng', en: 'Roads, lighting, infrastructure' },
  { field: 'public_order', vi: 'Trật tự đô thị, an ninh', en: 'Public order' },
  { field: 'policy', vi: 'Chế độ, chính sách', en: 'Social policy' },
  { field: 'officials_conduct', vi: 'Thái độ, trách nhiệm cán bộ', en: "Officials' conduct" },
];
const KINDS = [
  { kind: 'feedback' as const, prefix: 'PA', vi: 'Phản ánh', en: 'Report' },
  { kind: 'recommendation' as const, prefix: 'KN', vi: 'Kiến nghị', en: 'Recommendation' },
];

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export const SERVICES: (Open311Service & { kind: 'feedback' | 'recommendation'; field: string })[] = KINDS.flatMap(
  (k) =>
    FIELDS.map((f) => ({
      service_code: `${k.prefix}-${f.field.toUpperCase().replace(/_/g, '-')}`,
      service_name: `${k.vi}: ${f.vi} / ${k.en}: ${f.en}`,
      description: `${k.vi} về ${f.vi.toLowerCase()} — ${k.en.toLowerCase()} about ${f.en.toLowerCase()}`,
      metadata: false as const,
      type: 'realtime' as const,
      keywords: `${k.kind},${f.field}`,
      group: k.vi,
      kind: k.kind,
      field: f.field,
    })),
);

export const listServices = (): Open311Service[] => SERVICES.map(({ kind: _kind, field: _field, ...s }) => s);

export interface Open311RequestInput {
  service_code: string;
  description: string;
  address_string?: string;
  lat?: number;
  long?: number;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  requested_datetime?: string;
}

export async function fileServiceRequest(
  deps: PetitionServiceDeps,
  principal: Principal,
  input: Open311RequestInput,
  idempotencyKey?: string,
) {
  const service = SERVICES.find((s) => s.service_code === input.service_code);
  if (!service)
    throw new AppError('ValidationFailed', `unknown service_code ${input.service_code}`, [
      { path: 'service_code', message: 'see services.json' },
    ]);
  if (!input.address_string && (input.lat === undefined || input.long === undefined)) {
    throw new AppError('ValidationFailed', 'a location is required: address_string, or lat and long', [
      { path: 'address_string', message: 'required without lat/long' },
    ]);
  }
  const name = [input.first_name, input.last_name].filter(Boolean).join(' ').trim();
  const location = [
    input.address_string,
    input.lat !== undefined && input.long !== undefined ? `(${input.lat}, ${input.long})` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const body: CreatePetitionInput = {
    kind: service.kind,
    receivingUnitId: principal.unitId,
    channel: 'online',
    field: service.field,
    subject: firstLine(input.description),
    body: `${input.description}${LOCATION_MARK}${location}\n(Open311 ${service.service_code})`,
    receivedAt: input.requested_datetime ?? new Date().toISOString(),
    petitioners: [
      {
        fullName: name || 'Người dân (Open311)',
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
      },
    ],
  };
  const created = await createPetition(deps, principal, body, idempotencyKey ? `open311:${idempotencyKey}` : undefined);
  return [
    {
      service_request_id: created.trackingCode,
      service_notice: `Mã theo dõi / tracking code ${created.trackingCode}`,
      account_id: null,
    },
  ];
}

const PETITION_SELECT = {
  trackingCode: true,
  kind: true,
  field: true,
  stage: true,
  body: true,
  receivedAt: true,
  updatedAt: true,
  dueAt: true,
  closedAt: true,
  unit: { select: { name: true } },
} satisfies Prisma.PetitionSelect;
type Row = Prisma.PetitionGetPayload<{ select: typeof PETITION_SELECT }>;

const LOCATION_MARK = '\n\nĐịa điểm / Location: ';
const CLOSED = ['resolved', 'closed', 'refused', 'withdrawn'];

export interface Open311Query {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: 'open' | 'closed';
}

export async function findServiceRequests(
  deps: Pick<PetitionServiceDeps, 'prisma'>,
  principal: Principal,
  query: Open311Query,
) {
  const tree = await UnitTree.load(deps.prisma);
  const units = [...readableUnits(principal, tree)];
  const codes = query.service_request_id
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const service = query.service_code ? SERVICES.find((s) => s.service_code === query.service_code) : undefined;
  if (query.service_code && !service)
    throw new AppError('ValidationFailed', `unknown service_code ${query.service_code}`);
  // Without dates the standard asks for the last 90 days, at most 1000 requests.
  const end = query.end_date ? new Date(query.end_date) : new Date();
  const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 90 * DAY_MS);
  const rows = await deps.prisma.petition.findMany({
    where: {
      unitId: { in: units },
      kind: service ? service.kind : { in: ['feedback', 'recommendation'] },
      ...(service ? { field: service.field } : {}),
      ...(codes ? { trackingCode: { in: codes } } : { receivedAt: { gte: start, lte: end } }),
      ...(query.status === 'closed'
        ? { stage: { in: CLOSED as never } }
        : query.status === 'open'
          ? { stage: { notIn: CLOSED as never } }
          : {}),
    },
    select: PETITION_SELECT,
    orderBy: { receivedAt: 'desc' },
    take: 1000,
  });
  return rows.map(toServiceRequest);
}

export async function getServiceRequest(deps: Pick<PetitionServiceDeps, 'prisma'>, principal: Principal, code: string) {
  const row = await deps.prisma.petition.findUnique({
    where: { trackingCode: code },
    select: { ...PETITION_SELECT, unitId: true },
  });
  const tree = await UnitTree.load(deps.prisma);
  if (
    !row ||
    !['feedback', 'recommendation'].includes(row.kind) ||
    rolesOver(principal, row.unitId, tree).length === 0
  ) {
    throw new AppError('NotFound', `no service request ${code}`);
  }
  return [toServiceRequest(row)];
}

function toServiceRequest(p: Row) {
  const service = SERVICES.find((s) => s.kind === p.kind && s.field === p.field);
  const closed = CLOSED.includes(p.stage);
  const [description, rest] = p.body.split(LOCATION_MARK);
  return {
    service_request_id: p.trackingCode,
    status: closed ? ('closed' as const) : ('open' as const),
    status_notes: `${STAGE_LABEL[p.stage].vi} / ${STAGE_LABEL[p.stage].en}`,
    service_name: service?.service_name ?? p.field,
    service_code: service?.service_code ?? null,
    description,
    agency_responsible: p.unit.name,
    service_notice: null,
    requested_datetime: p.receivedAt.toISOString(),
    updated_datetime: p.updatedAt.toISOString(),
    expected_datetime: closed ? null : (p.dueAt?.toISOString() ?? null),
    address: rest?.split('\n')[0] ?? null,
  };
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  const subject = line.length > 120 ? `${line.slice(0, 117)}…` : line;
  return subject.length >= 3 ? subject : `${subject} (Open311)`;
}
