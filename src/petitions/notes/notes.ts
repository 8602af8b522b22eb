// Internal notes on a case (ghi chú nội bộ): written and read by staff who may read the case, never shown
// to the citizen (tracking, Open311), never in a notice, a report or an export. A note may mention
// colleagues; each is e-mailed once, without the note's text (it may quote a denouncer).
import type { PrismaClient } from '../../platform/db/prisma';
import type { Mailer } from '../../platform/mail/mailer';
import { isUniqueViolation } from '../../platform/db/prisma';
import { AppError, invalidField } from '../../errors';
import { readableUnits, UnitTree, type Principal } from '../../org/access';
import { loadReadableCase } from '../documents/case-access';
import { composeLetter, type Letterhead, type RenderedLetter } from '../../platform/mail/letter';
import { loadLetterhead } from '../../org/letterhead';
import { sendStaffMailOnce, type MailStatus } from './staff-mail-once';

export interface NoteDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  /** The service's base URL: the mentioned colleague opens the case's console page under it. */
  appUrl: string;
}

export interface AddNoteInput {
  petitionId: string;
  body: string;
  mentionIds?: string[];
  idempotencyKey?: string;
}

function requireStaff(principal: Principal): void {
  // An integration's token reads petitions for other systems: notes would leave the building with it.
  if (principal.personId.startsWith('apitoken:'))
    throw new AppError('Forbidden', 'internal notes are for signed-in staff, not for API tokens');
}

export async function addNote(deps: NoteDeps, principal: Principal, input: AddNoteInput) {
  requireStaff(principal);
  const c = await loadReadableCase(deps.prisma, principal, input.petitionId);
  const mentionIds = [...new Set(input.mentionIds ?? [])];
  const mentioned = await checkMentions(deps.prisma, c.tree, c.petition.unitId, mentionIds);
  let note = input.idempotencyKey
    ? await deps.prisma.petitionNote.findUnique({
        where: { authorId_idempotencyKey: { authorId: principal.personId, idempotencyKey: input.idempotencyKey } },
      })
    : null;
  if (note && note.petitionId !== input.petitionId)
    throw new AppError('Conflict', 'this Idempotency-Key was used for a note on another petition');
  const created = !note;
  if (!note) {
    try {
      note = await deps.prisma.petitionNote.create({
        data: {
          petitionId: input.petitionId,
          authorId: principal.personId,
          body: input.body,
          mentionIds,
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
    } catch (error) {
      if (!(isUniqueViolation(error) && input.idempotencyKey)) throw error;
      note = await deps.prisma.petitionNote.findUniqueOrThrow({
        where: { authorId_idempotencyKey: { authorId: principal.personId, idempotencyKey: input.idempotencyKey } },
      });
    }
  }
  const people = created
    ? mentioned
    : await deps.prisma.person.findMany({
        where: { id: { in: note.mentionIds } },
        select: { id: true, fullName: true, email: true },
      });
  const status = new Map<string, MailStatus>();
  const head = people.length ? await loadLetterhead(deps.prisma, c.petition.unitId) : null;
  for (const person of people) {
    const link = caseNotesLink(deps.appUrl, c.petition.id);
    const letter = mentionLetter(head!, principal.fullName, c.petition.trackingCode, link);
    status.set(
      person.id,
      await sendStaffMailOnce(deps, {
        key: `note-mention:${note.id}:${person.id}`,
        template: 'note_mention',
        petitionId: c.petition.id,
        recipientId: person.id,
        to: person.email,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
      }),
    );
  }
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  return { created, note: view(note, new Map([[principal.personId, principal.fullName]]), names, status) };
}

/**
 * The case page of the staff console, at its notes: a colleague reads the note in a browser, signed in (the
 * console is mounted at /console, src/console/console-session.ts). The link carries the case's id only,
 * never its subject or a petitioner.
 */
export const caseNotesLink = (appUrl: string, petitionId: string) =>
  `${appUrl.replace(/\/+$/, '')}/console/petitions/${encodeURIComponent(petitionId)}#notes`;

/** The mention names the author and the case only: the note itself stays in the case file. */
function mentionLetter(head: Letterhead, author: string, trackingCode: string, link: string): RenderedLetter {
  const vi = [
    `${author} đã nhắc đến anh/chị trong một ghi chú nội bộ của hồ sơ ${trackingCode}.`,
    `Xem ghi chú: ${link}`,
  ];
  const en = [`${author} mentioned you in an internal note on case ${trackingCode}.`, `Read the note: ${link}`];
  return composeLetter(
    head,
    {
      subject: `Bạn được nhắc đến trong ghi chú hồ sơ ${trackingCode} / You were mentioned in a note on case ${trackingCode}`,
      vi: { greeting: 'Kính gửi đồng chí,', paragraphs: vi },
      en: { greeting: 'Dear colleague,', paragraphs: en },
    },
    [...vi, '', ...en].join('\n'),
  );
}

/** A mentioned colleague must be active and able to read the case, or the e-mail would lead nowhere. */
async function checkMentions(prisma: PrismaClient, tree: UnitTree, unitId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const people = await prisma.person.findMany({
    where: { id: { in: ids }, active: true },
    include: { roleBindings: true },
  });
  for (const id of ids) {
    const person = people.find((p) => p.id === id);
    const canRead =
      person &&
      readableUnits(
        { personId: person.id, fullName: person.fullName, unitId: person.unitId, bindings: person.roleBindings },
        tree,
      ).has(unitId);
    if (!canRead) throw invalidField('mentionIds', `${id} is not an active colleague who may read this case`);
  }
  return people.map((p) => ({ id: p.id, fullName: p.fullName, email: p.email }));
}

export async function listNotes(deps: Pick<NoteDeps, 'prisma'>, principal: Principal, petitionId: string) {
  requireStaff(principal);
  await loadReadableCase(deps.prisma, principal, petitionId);
  const notes = await deps.prisma.petitionNote.findMany({ where: { petitionId }, orderBy: { createdAt: 'asc' } });
  const ids = [...new Set(notes.flatMap((n) => [n.authorId, ...n.mentionIds]))];
  const names = new Map(
    (await deps.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map(
      (p) => [p.id, p.fullName],
    ),
  );
  const sent = await deps.prisma.notification.findMany({
    where: { petitionId, template: 'note_mention' },
    select: { key: true, status: true },
  });
  const status = new Map(sent.map((n) => [n.key, n.status === 'sent' ? 'sent' : 'pending'] as const));
  return {
    items: notes.map((n) =>
      view(
        n,
        names,
        names,
        new Map(n.mentionIds.map((id) => [id, status.get(`note-mention:${n.id}:${id}`) ?? 'pending'])),
      ),
    ),
  };
}

type NoteRow = Awaited<ReturnType<PrismaClient['petitionNote']['findFirstOrThrow']>>;

function view(n: NoteRow, authors: Map<string, string>, names: Map<string, string>, status: Map<string, MailStatus>) {
  return {
    id: n.id,
    petitionId: n.petitionId,
    author: { id: n.authorId, fullName: authors.get(n.authorId) ?? n.authorId },
    body: n.body,
    mentions: n.mentionIds.map((id) => ({ id, fullName: names.get(id) ?? id, mail: status.get(id) ?? 'pending' })),
    createdAt: n.createdAt.toISOString(),
  };
}
