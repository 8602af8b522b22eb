// A unit's own wording of its petition letters (answers, decisions, notices), per template and kind of
// petition or for every kind. An admin manages those of the units they administer; the notification
// activity takes the nearest unit's wording up the tree, else the built-in one. Placeholders are checked
// when saved (an unknown name is a field error), so no letter ever goes out with a hole in it.
import type { PrismaClient } from '../../platform/db/prisma';
import { AppError, type FieldError } from '../../errors';
import { UnitTree, type Principal } from '../../org/access';
import { administeredUnits } from '../../org/org-admin';
import { loadLetterhead } from '../../org/letterhead';
import { MASKED_NAME } from '../../org/identity-seal';
import type { RenderedLetter } from '../../platform/mail/letter';
import type { NotificationTemplate } from '../../domain/petition/notification-types';
import { BUILT_IN_WORDING, renderNotification, type LetterWording } from '../templates';
import { checkPlaceholders, isNotificationTemplate, placeholdersOf } from './letter-placeholders';

export const ALL_KINDS = '*';
export const PETITION_KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback'] as const;

export interface LetterTemplateInput extends LetterWording {
  unitId: string;
  template: string;
  /** A petition kind, or "*" for every kind. */
  kind: string;
}

export interface LetterTemplateView extends LetterWording {
  id: string;
  unitId: string;
  template: NotificationTemplate;
  kind: string;
  version: number;
  updatedAt: string;
}

const LIMITS = { subjectVi: 200, subjectEn: 200, bodyVi: 5000, bodyEn: 5000 } as const;

async function adminOver(prisma: PrismaClient, principal: Principal) {
  const tree = await UnitTree.load(prisma);
  const units = administeredUnits(principal, tree);
  const require = (unitId: string, what: string) => {
    if (!tree.has(unitId)) throw new AppError('NotFound', `no unit ${unitId}`);
    if (!units.has(unitId))
      throw new AppError('Forbidden', `${what} needs role admin on unit ${unitId} or a unit above it`);
  };
  return { tree, units, require };
}

/** Every problem of the input at once, each on its field. */
export function validateLetterTemplate(input: LetterTemplateInput): FieldError[] {
  const problems: FieldError[] = [];
  const known = isNotificationTemplate(input.template);
  if (!known) problems.push({ path: 'template', message: `unknown template ${input.template}` });
  if (input.kind !== ALL_KINDS && !(PETITION_KINDS as readonly string[]).includes(input.kind))
    problems.push({ path: 'kind', message: `a petition kind (${PETITION_KINDS.join(', ')}) or "*" for every kind` });
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const text = input[field] ?? '';
    if (text.trim() === '') problems.push({ path: field, message: 'required' });
    else if (text.length > LIMITS[field])
      problems.push({ path: field, message: `at most ${LIMITS[field]} characters` });
    else if (known) problems.push(...checkPlaceholders(field, text, placeholdersOf(input.template as NotificationTemplate)));
  }
  return problems;
}

function view(row: {
  id: string;
  unitId: string;
  template: string;
  kind: string;
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
  version: number;
  updatedAt: Date;
}): LetterTemplateView {
  return { ...row, template: row.template as NotificationTemplate, updatedAt: row.updatedAt.toISOString() };
}

export async function listLetterTemplates(
  prisma: PrismaClient,
  principal: Principal,
  unitId?: string,
): Promise<LetterTemplateView[]> {
  const { units, require } = await adminOver(prisma, principal);
  if (unitId) require(unitId, 'reading letter templates');
  const rows = await prisma.letterTemplate.findMany({
    where: { unitId: unitId ? unitId : { in: [...units] } },
    orderBy: [{ unitId: 'asc' }, { template: 'asc' }, { kind: 'asc' }],
  });
  return rows.map(view);
}

export async function getLetterTemplate(
  prisma: PrismaClient,
  principal: Principal,
  id: string,
): Promise<LetterTemplateView> {
  const { units } = await adminOver(prisma, principal);
  const row = await prisma.letterTemplate.findUnique({ where: { id } });
  // Another unit's template is as unknown as a missing one.
  if (!row || !units.has(row.unitId)) throw new AppError('NotFound', `no letter template ${id}`);
  return view(row);
}

/** Adds the unit's wording for a template and kind, or replaces it (its version grows). */
export async function saveLetterTemplate(
  prisma: PrismaClient,
  principal: Principal,
  input: LetterTemplateInput,
): Promise<LetterTemplateView> {
  const { require } = await adminOver(prisma, principal);
  const problems = validateLetterTemplate(input);
  if (problems.length) throw new AppError('ValidationFailed', 'invalid letter template', problems);
  require(input.unitId, 'changing letter templates');
  const wording = { subjectVi: input.subjectVi, subjectEn: input.subjectEn, bodyVi: input.bodyVi, bodyEn: input.bodyEn };
  const row = await prisma.letterTemplate.upsert({
    where: { unitId_template_kind: { unitId: input.unitId, template: input.template, kind: input.kind } },
    create: { unitId: input.unitId, template: input.template, kind: input.kind, ...wording, updatedById: principal.personId },
    update: { ...wording, version: { increment: 1 }, updatedById: principal.personId },
  });
  return view(row);
}

export async function deleteLetterTemplate(prisma: PrismaClient, principal: Principal, id: string): Promise<void> {
  const row = await getLetterTemplate(prisma, principal, id);
  await prisma.letterTemplate.delete({ where: { id: row.id } });
}

/** The wording a letter of this unit and kind is sent with: the nearest unit's own, specific kind first. */
export async function findLetterWording(
  prisma: PrismaClient,
  unitId: string,
  template: NotificationTemplate,
  kind: string,
): Promise<{ wording: LetterWording; id: string; version: number; unitId: string; kind: string } | null> {
  const chain = (await UnitTree.load(prisma)).ancestorsOf(unitId);
  const rows = await prisma.letterTemplate.findMany({
    where: { unitId: { in: chain }, template, kind: { in: [kind, ALL_KINDS] } },
  });
  const rank = (r: { unitId: string; kind: string }) => chain.indexOf(r.unitId) * 2 + (r.kind === kind ? 0 : 1);
  const best = rows.sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return null;
  const { subjectVi, subjectEn, bodyVi, bodyEn } = best;
  return {
    wording: { subjectVi, subjectEn, bodyVi, bodyEn },
    id: best.id,
    version: best.version,
    unitId: best.unitId,
    kind: best.kind,
  };
}

const SAMPLE_SUBJECT = 'Tranh chấp ranh giới đất (thư mẫu / sample)';

/**
 * The letter as it would go out, with sample values and the unit's letterhead; refused like a save when a
 * placeholder is wrong, so what the preview shows is what saving would keep.
 */
export async function previewLetter(
  prisma: PrismaClient,
  principal: Principal,
  input: LetterTemplateInput,
  appUrl: string,
): Promise<RenderedLetter> {
  const { require } = await adminOver(prisma, principal);
  const problems = validateLetterTemplate(input);
  if (problems.length) throw new AppError('ValidationFailed', 'invalid letter template', problems);
  require(input.unitId, 'previewing letter templates');
  const template = input.template as NotificationTemplate;
  const kind = input.kind === ALL_KINDS ? 'complaint' : input.kind;
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: input.unitId } });
  return renderNotification(
    template,
    {
      trackingCode: 'DV-MAU2-THU5',
      kind,
      subject: SAMPLE_SUBJECT,
      unitName: unit.name,
      recipientName: 'Nguyễn Văn Mẫu',
      appUrl,
      petitionId: 'mau',
      petitionerName: kind === 'denunciation' ? MASKED_NAME : 'Nguyễn Văn Mẫu',
      data: {
        reason: 'Lý do mẫu / sample reason',
        summary: 'Nội dung trả lời mẫu / sample answer',
        dueAt: '2026-12-15T10:00:00.000Z',
        clock: 'resolution',
        days: '30',
        decision: '12/QĐ-UBND',
        ofTrackingCode: 'DV-MAU3-HOSO',
        handledBy: unit.name,
        answerVi: 'Câu trả lời mẫu.',
        answerEn: 'A sample answer.',
      },
    },
    await loadLetterhead(prisma, input.unitId),
    input,
  );
}

export function builtInWording(template: NotificationTemplate): LetterWording {
  return BUILT_IN_WORDING[template];
}

/** The lines under a unit's name on its letters (address, telephone, e-mail); empty lines dropped. */
export async function saveLetterhead(
  prisma: PrismaClient,
  principal: Principal,
  unitId: string,
  lines: string[],
): Promise<{ unitId: string; lines: string[] }> {
  const { require } = await adminOver(prisma, principal);
  require(unitId, 'changing a letterhead');
  const kept = lines.map((l) => l.trim()).filter(Boolean);
  const problems: FieldError[] = [];
  if (kept.length > 5) problems.push({ path: 'lines', message: 'at most 5 lines' });
  kept.forEach((l, i) => {
    if (l.length > 200) problems.push({ path: `lines.${i}`, message: 'at most 200 characters' });
  });
  if (problems.length) throw new AppError('ValidationFailed', 'invalid letterhead', problems);
  await prisma.unitLetterhead.upsert({
    where: { unitId },
    create: { unitId, lines: kept, updatedById: principal.personId },
    update: { lines: kept, updatedById: principal.personId },
  });
  return { unitId, lines: kept };
}

export async function readLetterhead(prisma: PrismaClient, principal: Principal, unitId: string) {
  const { require } = await adminOver(prisma, principal);
  require(unitId, 'reading a letterhead');
  const row = await prisma.unitLetterhead.findUnique({ where: { unitId } });
  return { unitId, lines: row?.lines ?? [], letterhead: await loadLetterhead(prisma, unitId) };
}
