// The documents block of the case page: the case's documents with a download for each (a sealed one asks
// why it is opened, and only of those entitled), the case's decisions (the resolution, each extension
// decision with its printed PDF) each with the documents attached to it, and two upload forms (multipart,
// no JavaScript) for the officers and leaders who may attach: to the petition, or to a decision of the
// case (uploadDocument checks again).
import type { listDocuments } from '../../petitions/documents/documents';
import { RESOLUTION_ALIAS, type CaseDecision } from '../../petitions/decisions/decision-documents';
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, formatNumber } from '../../web/format';
import { CSRF_FIELD } from '../../web/csrf';
import { casefileWords } from '../casefile-messages';
import { caseHref } from '../components';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

type DocumentItem = Awaited<ReturnType<typeof listDocuments>>['items'][number];

export interface CaseDocumentsView {
  petitionId: string;
  /** The petition's own documents (none attached to a decision). */
  documents: DocumentItem[];
  /** The decisions a document may be attached to, each with those attached to it. */
  decisions: (CaseDecision & { documents: DocumentItem[] })[];
  /** Whether the caller may open sealed documents (as the denouncer's identity). */
  sealedEntitled: boolean;
  /** Whether the caller may attach (an officer or leader over the case's unit). */
  canUpload: boolean;
  maxBytes: number;
}

export const documentHref = (petitionId: string, documentId: string) =>
  `${caseHref(petitionId)}/documents/${encodeURIComponent(documentId)}`;

/** Where the decision upload form posts; its CSRF token rides in the URL, as the petition upload's does. */
export const decisionDocumentsHref = (petitionId: string) => `${caseHref(petitionId)}/decision-documents`;

export const decisionPdfHref = (petitionId: string, decisionId: string) =>
  `${caseHref(petitionId)}/decisions/${encodeURIComponent(decisionId)}/pdf`;

const sizeText = (bytes: number, lang: PageContext['lang']) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;

function Download({ ctx, docs, d, i }: { ctx: PageContext; docs: CaseDocumentsView; d: DocumentItem; i: string }) {
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
                  <Download ctx={ctx} docs={docs} d={d} i={String(i)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {docs.decisions.length ? <Decisions ctx={ctx} docs={docs} /> : null}
      {docs.canUpload ? (
        <UploadForm
          ctx={ctx}
          docs={docs}
          action={`${caseHref(docs.petitionId)}/documents`}
          form="uploadDocument"
          idPrefix="document"
          legend={w('docsUploadLegend')}
          submit={w('docsUpload')}
        />
      ) : null}
      {docs.canUpload && docs.decisions.length ? <DecisionUpload ctx={ctx} docs={docs} /> : null}
    </section>
  );
}

export function decisionLabel(ctx: PageContext, d: CaseDecision): string {
  const w = casefileWords(ctx);
  if (d.kind === 'extension') return w('decisionExtension', { number: d.number, date: formatDate(d.date, ctx.lang) });
  return d.record
    ? w('decisionResolutionRecord', { number: d.record.number, date: formatDate(d.record.date, ctx.lang) })
    : w('decisionResolution', { date: formatDate(d.decidedAt, ctx.lang) });
}

/** Each decision, its print where it has one, and the documents attached to it listed under it. */
function Decisions({ ctx, docs }: { ctx: PageContext; docs: CaseDocumentsView }) {
  const w = casefileWords(ctx);
  return (
    <>
      <h3 id="decisions-heading">{w('decisionsHeading')}</h3>
      <ul data-testid="decisions" aria-labelledby="decisions-heading">
        {docs.decisions.map((d, n) => (
          <li data-decision={d.eventId}>
            <strong>{decisionLabel(ctx, d)}</strong>
            {d.kind === 'extension' ? (
              <>
                {' '}
                <span class="hint">({d.signer})</span>{' '}
                <a href={decisionPdfHref(docs.petitionId, d.eventId)}>{w('decisionPdf', { number: d.number })}</a>
              </>
            ) : d.record ? (
              <>
                {' '}
                <span class="hint">
                  ({d.record.signerTitle} {d.record.signer})
                </span>{' '}
                <a href={decisionPdfHref(docs.petitionId, RESOLUTION_ALIAS)}>
                  {w('resolutionPdf', { number: d.record.number })}
                </a>
              </>
            ) : null}
            {d.documents.length ? (
              <ul>
                {d.documents.map((doc, i) => (
                  <li>
                    {doc.fileName}
                    {doc.sealed ? <span class="hint"> ({w('docsSealed')})</span> : null}{' '}
                    <span class="hint">
                      ({sizeText(doc.byteSize, ctx.lang)}, {formatDateTime(doc.createdAt, ctx.lang)})
                    </span>{' '}
                    <Download ctx={ctx} docs={docs} d={doc} i={`${n}-${i}`} />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="hint">{w('decisionNoDocuments')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A multipart form with one file (and any fields before it). The body is a stream the route reads, so its
 * CSRF token travels in the action URL (see requireCsrf).
 */
function UploadForm(props: {
  ctx: PageContext;
  docs: CaseDocumentsView;
  action: string;
  form: string;
  idPrefix: string;
  legend: string;
  submit: string;
  children?: ComponentChildren;
}) {
  const { ctx, docs, idPrefix } = props;
  const w = casefileWords(ctx);
  return (
    <form
      class="stack"
      method="post"
      enctype="multipart/form-data"
      action={`${props.action}?${CSRF_FIELD}=${encodeURIComponent(ctx.csrfToken)}`}
      data-form={props.form}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        {props.children}
        <div>
          <label for={`${idPrefix}-file`}>
            {w('docsFile', { max: formatNumber(Math.floor(docs.maxBytes / 1024 / 1024), ctx.lang) })}
          </label>
          <input
            id={`${idPrefix}-file`}
            type="file"
            name="file"
            required
            accept=".pdf,.jpg,.jpeg,.png,.docx,.odt"
            aria-describedby={`${idPrefix}-file-hint`}
          />
          <p class="hint" id={`${idPrefix}-file-hint`}>
            {w('docsFileHint')}
          </p>
        </div>
        <div>
          <button type="submit">{props.submit}</button>
        </div>
      </fieldset>
    </form>
  );
}

/** The decision comes before the file in the form, so the route has it before the file's bytes arrive. */
function DecisionUpload({ ctx, docs }: { ctx: PageContext; docs: CaseDocumentsView }) {
  const w = casefileWords(ctx);
  return (
    <UploadForm
      ctx={ctx}
      docs={docs}
      action={decisionDocumentsHref(docs.petitionId)}
      form="uploadDecisionDocument"
      idPrefix="decision-document"
      legend={w('decisionUploadLegend')}
      submit={w('decisionUpload')}
    >
      <div>
        <label for="decision-document-decision">{w('decisionUploadWhich')}</label>
        <select id="decision-document-decision" name="decisionId" required>
          {docs.decisions.map((d) => (
            <option value={d.eventId}>{decisionLabel(ctx, d)}</option>
          ))}
        </select>
      </div>
    </UploadForm>
  );
}
