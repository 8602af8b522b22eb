// The duplicates block of the case page (đơn trùng): the likely duplicates with their reasons, each with a
// form linking this petition to it, and one form deciding it is a new matter, for the officers and leaders
// who decide; what was decided, once it was.
import type { proposeDuplicates } from '../../petitions/duplicates/duplicates';
import { formatDate, formatDateTime, formatNumber } from '../../web/format';
import { casefileWords } from '../casefile-messages';
import { caseHref, stageLabel } from '../components';
import { TextArea } from '../form-fields';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

/** As the API's request schema (ZDuplicateDecisionRequest): a longer note is refused. */
export const DUPLICATE_NOTE_MAX = 2000;

export type CaseDuplicatesView = Awaited<ReturnType<typeof proposeDuplicates>> & {
  /** Who decided "a new matter", by name. */
  deciderName?: string | null;
  /** Whether "a new matter" may still be decided: the case is open (decideDuplicate refuses a closed one). */
  canDecideNewMatter: boolean;
  /** The new-matter form as posted, when it came back refused. */
  newMatterForm?: { note: string; error?: string };
};

function NewMatterDecided({ ctx, duplicates }: { ctx: PageContext; duplicates: CaseDuplicatesView }) {
  const w = casefileWords(ctx);
  const { decision } = duplicates;
  if (decision?.decision !== 'newMatter') return null;
  const who = duplicates.deciderName ?? decision.actorId ?? '—';
  return (
    <div data-testid="duplicate-new-matter">
      <p>
        {w('dupNewMatter')}{' '}
        <span class="hint">({w('dupDecidedBy', { who, at: formatDateTime(decision.at, ctx.lang) })})</span>
      </p>
      {decision.note ? <p>{w('dupNoteShown', { note: decision.note })}</p> : null}
    </div>
  );
}

function NewMatterForm({ ctx, duplicates }: { ctx: PageContext; duplicates: CaseDuplicatesView }) {
  const w = casefileWords(ctx);
  const form = duplicates.newMatterForm;
  return (
    <form class="stack" method="post" action={`${caseHref(duplicates.petitionId)}/duplicates`} data-form="newMatter">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="decision" value="newMatter" />
      <fieldset>
        <legend>{w('dupNewMatterLegend')}</legend>
        <TextArea
          id="duplicate-note"
          name="note"
          label={w('dupNote')}
          hint={w('dupNewMatterHint')}
          rows={3}
          value={form?.note}
          error={form?.error}
        />
        <div>
          <button type="submit">{w('dupNewMatterSubmit')}</button>
        </div>
      </fieldset>
    </form>
  );
}

export const noteTooLong = (ctx: PageContext) =>
  casefileWords(ctx)('dupNoteTooLong', { max: formatNumber(DUPLICATE_NOTE_MAX, ctx.lang) });

export function CaseDuplicates({ ctx, duplicates }: { ctx: PageContext; duplicates: CaseDuplicatesView }) {
  const w = casefileWords(ctx);
  const { decision, proposals } = duplicates;
  return (
    <section aria-labelledby="duplicates-heading" id="duplicates">
      <h2 id="duplicates-heading">{w('dupHeading')}</h2>
      {decision?.decision === 'duplicate' ? (
        <p data-testid="duplicate-of">
          <a href={caseHref(decision.duplicateOf.id)}>
            {w('dupLinkedTo', { code: decision.duplicateOf.trackingCode, unit: decision.duplicateOf.unit.name })}
          </a>
        </p>
      ) : null}
      <NewMatterDecided ctx={ctx} duplicates={duplicates} />
      {decision?.decision !== 'duplicate' && proposals.length === 0 ? <p>{w('dupNone')}</p> : null}
      {proposals.length ? (
        <table data-testid="duplicate-proposals">
          <caption>{w('dupCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{w('dupColCase')}</th>
              <th scope="col">{w('dupColSubject')}</th>
              <th scope="col">{w('dupColUnit')}</th>
              <th scope="col">{w('dupColStage')}</th>
              <th scope="col">{w('dupColReasons')}</th>
              <th scope="col">{w('dupColAction')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr>
                <th scope="row">
                  <a href={caseHref(p.petitionId)}>{p.trackingCode}</a>
                  <br />
                  <span class="hint">{formatDate(p.receivedAt, ctx.lang)}</span>
                </th>
                <td>{p.subject}</td>
                <td>{p.unit.name}</td>
                <td>
                  {stageLabel(ctx, p.stage)}
                  {p.decided ? <span class="hint"> ({w('dupDecided')})</span> : null}
                </td>
                <td>
                  <ul>
                    {p.reasons.map((r) => (
                      <li>{r[ctx.lang]}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <form method="post" action={`${caseHref(duplicates.petitionId)}/duplicates`}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="ofPetitionId" value={p.petitionId} />
                    <button type="submit" aria-label={w('dupLinkLabel', { code: p.trackingCode })}>
                      {w('dupLink')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {decision === null && proposals.length > 0 && duplicates.canDecideNewMatter ? (
        <NewMatterForm ctx={ctx} duplicates={duplicates} />
      ) : null}
    </section>
  );
}
