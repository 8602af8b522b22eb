// The internal notes block of the case page (ghi chú nội bộ): the notes (who, when, what, whom it
// mentioned) and a form adding one, for the staff who may read the case. Nothing here is ever rendered on a
// citizen's page: the portal has no route that reads notes.
import type { listNotes } from '../../petitions/notes/notes';
import { formatDateTime, formatNumber } from '../../web/format';
import { casefileWords } from '../casefile-messages';
import { caseHref } from '../components';
import { TextArea } from '../form-fields';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

/** As the API's request schema (ZAddNoteRequest). */
export const NOTE_MAX = 10_000;

export interface CaseNotesView {
  petitionId: string;
  notes: Awaited<ReturnType<typeof listNotes>>['items'];
  /** Colleagues who may read the case (addNote refuses anyone else), by name. */
  colleagues: { id: string; fullName: string }[];
  /** The form as posted, when it came back refused. */
  form?: { body: string; mentionIds: string[]; error?: string };
}

export const noteLengthWords = (ctx: PageContext) =>
  casefileWords(ctx)('notesEmpty', { max: formatNumber(NOTE_MAX, ctx.lang) });

export function CaseNotes({ ctx, notes }: { ctx: PageContext; notes: CaseNotesView }) {
  const w = casefileWords(ctx);
  const form = notes.form;
  return (
    <section aria-labelledby="notes-heading" id="notes">
      <h2 id="notes-heading">{w('notesHeading')}</h2>
      <p class="hint">{w('notesIntro')}</p>
      {notes.notes.length === 0 ? (
        <p>{w('notesNone')}</p>
      ) : (
        <table data-testid="notes">
          <caption>{w('notesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{w('notesColWho')}</th>
              <th scope="col">{w('notesColWhen')}</th>
              <th scope="col">{w('notesColText')}</th>
            </tr>
          </thead>
          <tbody>
            {notes.notes.map((n) => (
              <tr>
                <td>{n.author.fullName}</td>
                <td>{formatDateTime(n.createdAt, ctx.lang)}</td>
                <td>
                  <p class="note-body">{n.body}</p>
                  {n.mentions.length ? (
                    <p class="hint">{w('notesMentioned', { names: n.mentions.map((m) => m.fullName).join(', ') })}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="stack" method="post" action={`${caseHref(notes.petitionId)}/notes`} data-form="addNote">
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{w('notesAddLegend')}</legend>
          <TextArea
            id="note-body"
            name="body"
            label={w('notesBody')}
            required
            rows={4}
            value={form?.body}
            error={form?.error}
          />
          {notes.colleagues.length ? (
            <fieldset>
              <legend>{w('notesMentions')}</legend>
              {notes.colleagues.map((c, i) => (
                <div>
                  <input
                    type="checkbox"
                    id={`note-mention-${i}`}
                    name="mentionIds"
                    value={c.id}
                    checked={form?.mentionIds.includes(c.id)}
                  />{' '}
                  <label for={`note-mention-${i}`}>{c.fullName}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <div>
            <button type="submit">{w('notesSubmit')}</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
