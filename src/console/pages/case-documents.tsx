// The documents block of the case page: the case's documents with a download for each (a sealed one asks
// why it is opened, and only of those entitled), the extension decisions' printed PDFs, and an upload form
// (multipart, no JavaScript) for the officers and leaders who may attach (uploadDocument checks again).
import type { listDocuments } from '../../petitions/documents/documents';
import type { ExtensionDecisionFacts } from '../../petitions/decisions/extension-decisions';
import { formatDate, formatDateTime, formatNumber } from '../../web/format';
import { CSRF_FIELD } from '../../web/csrf';
import { casefileWords } from '../casefile-messages';
import { caseHref } from '../components';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

export interface CaseDocumentsView {
  petitionId: string;
  documents: Awaited<ReturnType<typeof listDocuments>>['items'];
  decisions: Pick<ExtensionDecisionFacts, 'eventId' | 'number' | 'date' | 'signer'>[];
  /** Whether the caller may open sealed documents (as the denouncer's identity). */
  sealedEntitled: boolean;
  /** Whether the caller may attach (an officer or leader over the case's unit). */
  canUpload: boolean;
  maxBytes: number;
}

export const documentHref = (petitionId: string, documentId: string) =>
  `${caseHref(petitionId)}/documents/${encodeURIComponent(documentId)}`;

export const decisionPdfHref = (petitionId: string, decisionId: string) =>
  `${caseHref(petitionId)}/decisions/${encodeURIComponent(decisionId)}/pdf`;

const sizeText = (bytes: number, lang: PageContext['lang']) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;

function Download({ ctx, docs, d, i }: { ctx: PageContext; docs: CaseDocumentsView; d: CaseDocumentsView['documents'][number]; i: number }) {
  const w = casefileWords(ctx);
  if (!d.sealed) {
    return (
      <a href={documentHref(docs.petitionId, d.id)} aria-label={w('docsDownloadLabel', { name: d.fileName })}>
        {w('docsDownload')}
      </a>
    );
  }
  if (!docs.sealedEntitled) return <span class="hint">{w('docsSealedNotEntitled')}</span>;
  // A sealed opening is recorded with its reason, as the identity's is: a post, with the form's token.
  return (
    <form method="post" action={documentHref(docs.petitionId, d.id)}>
      <CsrfField ctx={ctx} />
      <label for={`doc-reason-${i}`}>{w('docsReason')}</label>{' '}
      <input id={`doc-reason-${i}`} name="reason" required minLength={3} size={30} />{' '}
      <button type="submit">{w('docsOpenSealed')}</button>
    </form>
  );
}

export function CaseDocuments({ ctx, docs }: { ctx: PageContext; docs: CaseDocumentsView }) {
  const w = casefileWords(ctx);
  return (
    <section aria-labelledby="documents-heading" id="documents">
      <h2 id="documents-heading">{w('docsHeading')}</h2>
      {docs.documents.length === 0 ? (
        <p>{w('docsNone')}</p>
      ) : (
        <table data-testid="documents">
          <caption>{w('docsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{w('docsColName')}</th>
              <th scope="col">{w('docsColType')}</th>
              <th scope="col">{w('docsColSize')}</th>
              <th scope="col">{w('docsColWhen')}</th>
              <th scope="col">{w('docsColOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.documents.map((d, i) => (
              <tr>
                <td>
                  {d.fileName}
                  {d.sealed ? <span class="hint"> ({w('docsSealed')})</span> : null}
                </td>
                <td>{d.contentType}</td>
                <td>{sizeText(d.byteSize, ctx.lang)}</td>
                <td>{formatDateTime(d.createdAt, ctx.lang)}</td>
                <td>
                  <Download ctx={ctx} docs={docs} d={d} i={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {docs.decisions.length ? (
        <ul data-testid="decision-pdfs">
          {docs.decisions.map((d) => (
            <li>
              <a href={decisionPdfHref(docs.petitionId, d.eventId)}>{w('decisionPdf', { number: d.number })}</a>{' '}
              <span class="hint">
                ({formatDate(d.date, ctx.lang)}, {d.signer})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {docs.canUpload ? (
        // The body is a stream the route reads; its CSRF token travels in the action URL (see requireCsrf).
        <form
          class="stack"
          method="post"
          enctype="multipart/form-data"
          action={`${caseHref(docs.petitionId)}/documents?${CSRF_FIELD}=${encodeURIComponent(ctx.csrfToken)}`}
          data-form="uploadDocument"
        >
          <fieldset>
            <legend>{w('docsUploadLegend')}</legend>
            <div>
              <label for="document-file">
                {w('docsFile', { max: formatNumber(Math.floor(docs.maxBytes / 1024 / 1024), ctx.lang) })}
              </label>
              <input
                id="document-file"
                type="file"
                name="file"
                required
                accept=".pdf,.jpg,.jpeg,.png,.docx,.odt"
                aria-describedby="document-file-hint"
              />
              <p class="hint" id="document-file-hint">
                {w('docsFileHint')}
              </p>
            </div>
            <div>
              <button type="submit">{w('docsUpload')}</button>
            </div>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
