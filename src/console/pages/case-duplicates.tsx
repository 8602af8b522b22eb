// The duplicates block of the case page (đơn trùng): the likely duplicates with their reasons, each with a
// form linking this petition to it, for the officers and leaders who decide; what was decided, once it was.
import type { proposeDuplicates } from '../../petitions/duplicates/duplicates';
import { formatDate } from '../../web/format';
import { casefileWords } from '../casefile-messages';
import { caseHref, stageLabel } from '../components';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

export type CaseDuplicatesView = Awaited<ReturnType<typeof proposeDuplicates>>;

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
      {decision?.decision === 'newMatter' ? <p>{w('dupNewMatter')}</p> : null}
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
    </section>
  );
}
