// The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with.
import { z } from 'zod';
import * as S from './schemas/errors';
import * as Auth from './schemas/auth';
import * as P from './schemas/petitions';
import * as O from './schemas/outbox';
import * as Cal from './schemas/calendar';
import * as Pol from './schemas/policy';
import { PolicyFileSchema } from '../petitions/policy/policy-store';
import { ZRatingRequest } from './schemas/tracking';
import { ZReportQuery, ZScorecardQuery } from './schemas/reports';
import * as A from './schemas/admin';
import { ZIdentityGrantRequest } from './schemas/identity-grants';
import * as R from './schemas/reception';
import * as C from './schemas/conferences';
import { ZCreateTokenRequest } from './schemas/tokens';
import * as H from './schemas/health';
import * as D from './schemas/documents';
import * as Dec from './schemas/decisions';
import * as N from './schemas/notes';
import * as Dup from './schemas/duplicates';
import { ZRegisterQuery } from './schemas/registers';
import * as Nat from './schemas/national-sync';
import * as L from './schemas/letters';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  headers?: { name: string; description: string }[];
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

type Responses = Operation['responses'];

const errorResponse = (description: string) => ({ description, schema: S.ZErrorResponse });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, errorResponse(ERROR_TEXT[c] ?? 'error')]));
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input, with field errors',
  401: 'missing or expired token',
  403: 'the caller lacks the named permission',
  404: 'unknown id',
  409: 'illegal in the current stage',
};

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  description: 'a repeated request with the same key returns the first result instead of acting twice',
};

/** An action's answer when its workflow has not answered within ACTION_WAIT_MS (src/api/action-outcome.ts). */
const pending = (description = 'the workflow has not answered within ACTION_WAIT_MS: follow href (Location)') => ({
  description,
  schema: P.ZActionPending,
});

/** A workflow Update: done, or 202 to follow; refused in the wrong stage. */
const actionResponses = (status: 200 | 201, description: string): Responses => ({
  [status]: { description },
  202: pending(),
  ...errors(400, 401, 403, 404, 409),
});

/** Where a 202 points: GET <resource>/updates/{updateId} answers the new state once the workflow has. */
const followUpdate = (resource: string, summary: string, ...errorCodes: number[]): Operation => ({
  method: 'get',
  path: `${resource}/updates/{updateId}`,
  summary,
  auth: true,
  responses: { 200: { description: 'the new state' }, 202: pending('still pending'), ...errors(...errorCodes) },
});

/** A raw file body through the one intake in platform/blob: told by content, size-limited. */
const uploadResponses = (view: z.ZodType): Responses => ({
  201: { description: 'stored', schema: view },
  ...errors(400, 401, 403, 404),
  413: errorResponse('larger than DOCUMENT_MAX_BYTES'),
  415: errorResponse('not a PDF, JPEG, PNG, DOCX or ODT file'),
});
const documentList = (path: string, summary: string, list: z.ZodType): Operation => ({
  method: 'get',
  path,
  summary,
  auth: true,
  responses: { 200: { description: 'documents', schema: list }, ...errors(401, 403, 404) },
});
const DOWNLOAD_HEADERS = 'Content-Disposition: attachment, Cache-Control: no-store, X-Content-Type-Options: nosniff';

/** The documents of a reception session's minutes or a conference's results: upload, list, download. */
function recordDocuments(resource: string, of: string, owner: string): Operation[] {
  const path = `${resource}/documents`;
  return [
    {
      method: 'post',
      path,
      summary: `Attach a document to ${of} (officer or leader of the ${owner}'s unit; staff only): the raw body is the file, PDF, JPEG, PNG, DOCX or ODT told by content, at most DOCUMENT_MAX_BYTES, streamed, SHA-256 recorded`,
      auth: true,
      query: D.ZUploadDocumentQuery,
      responses: uploadResponses(D.ZRecordDocumentView),
    },
    documentList(path, `The documents of ${of} (read by whoever may read the ${owner})`, D.ZRecordDocumentList),
    {
      method: 'get',
      path: `${path}/{documentId}/content`,
      summary: `Download one (${DOWNLOAD_HEADERS})`,
      auth: true,
      responses: { 200: { description: 'the file' }, ...errors(401, 403, 404) },
    },
  ];
}

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in; returns a bearer token',
    auth: false,
    body: Auth.ZLoginRequest,
    responses: { 200: { description: 'signed in', schema: Auth.ZLoginResponse }, ...errors(400, 401) },
  },
  {
    method: 'post',
    path: '/petitions',
    summary: 'Register a petition and start its workflow',
    auth: true,
    body: P.ZCreatePetitionRequest,
    headers: [IDEMPOTENCY],
    responses: {
      201: { description: 'registered', schema: P.ZCreatePetitionResponse },
      200: {
        description: 'the same Idempotency-Key was used before: the earlier petition',
        schema: P.ZCreatePetitionResponse,
      },
      ...errors(400, 401, 403),
    },
  },
  {
    method: 'get',
    path: '/petitions',
    summary: 'List petitions the caller may read',
    auth: true,
    query: P.ZListPetitionsQuery,
    responses: { 200: { description: 'a page', schema: P.ZPetitionList }, ...errors(400, 401) },
  },
  {
    method: 'get',
    path: '/petitions/{id}',
    summary:
      "A petition: stage, assignee, next deadline, timeline. A denouncer's sealed identity opens with ?revealIdentity=true&reason=… for the assigned or registering officer, the unit's leaders and supervisors holding a grant; each opening is recorded",
    auth: true,
    responses: { 200: { description: 'the petition', schema: P.ZPetitionView }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness: the process answers',
    auth: false,
    responses: { 200: { description: 'alive', schema: H.ZHealth } },
  },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness: PostgreSQL, Temporal and (with SMTP_URL) the relay can be reached',
    auth: false,
    responses: {
      200: { description: 'ready', schema: H.ZReadiness },
      503: { description: 'a dependency cannot be reached (Retry-After)', schema: H.ZReadiness },
    },
  },
  {
    method: 'post',
    path: '/petitions/{id}/actions',
    summary:
      'Move a petition: accept, refuse, forward, assign, startVerification, resolve, reportBack, withdraw. resolve carries the written record in `decision` (number, date signed, signer, signerTitle): required for a complaint, optional otherwise; a number not like "125/QĐ-UBND", a date in the future or before the receipt is 400. Waits ACTION_WAIT_MS for the workflow, then answers 202 with a URL to follow; a closed petition is 409 PetitionClosed',
    auth: true,
    body: P.ZActionRequest,
    headers: [IDEMPOTENCY],
    responses: {
      200: { description: 'the new state' },
      202: pending('the workflow has not answered yet: follow href (Location)'),
      ...errors(400, 401, 403, 404, 409),
      503: errorResponse('Temporal or PostgreSQL cannot be reached (Retry-After)'),
    },
  },
  {
    method: 'post',
    path: '/petitions/bulk-assign',
    summary:
      'Assign up to 100 cases to one officer or leader: the assign action for each, with the same access checks; each case answered on its own (assigned, pending, refused with the code and reason, notFound)',
    auth: true,
    body: P.ZBulkAssignRequest,
    headers: [IDEMPOTENCY],
    responses: {
      200: { description: 'one outcome per case', schema: P.ZBulkAssignResponse },
      ...errors(400, 401, 403),
    },
  },
  followUpdate('/petitions/{id}', 'The result of an action answered 202', 401, 403, 404, 409),
  {
    method: 'post',
    path: '/petitions/{id}/appeal',
    summary:
      'File a second-time complaint at the level above, linked to this first-time complaint (Luật Khiếu nại 2011, Đ.33)',
    auth: true,
    body: P.ZAppealRequest,
    responses: {
      201: { description: 'the new linked case', schema: P.ZAppealResponse },
      ...errors(400, 401, 403, 404, 409),
    },
  },
  {
    method: 'post',
    path: '/petitions/{petitionId}/documents',
    summary:
      "Attach a document to the case (officer or leader of its unit): the raw request body is the file, streamed to storage; PDF, JPEG, PNG, DOCX or ODT told by content (415 otherwise), at most DOCUMENT_MAX_BYTES (413), SHA-256 recorded; a denunciation's documents are sealed (encrypted at rest, name included)",
    auth: true,
    query: D.ZUploadDocumentQuery,
    responses: uploadResponses(D.ZDocumentView),
  },
  documentList(
    '/petitions/{petitionId}/documents',
    'The documents of a case (same read access as the petition)',
    D.ZDocumentList,
  ),
  {
    method: 'get',
    path: '/petitions/{petitionId}/documents/{documentId}/content',
    summary: `Download a document (${DOWNLOAD_HEADERS}). A sealed document opens only for those who may open the denouncer's identity, with ?reason=…; each opening is recorded`,
    auth: true,
    query: D.ZOpenDocumentQuery,
    responses: { 200: { description: 'the file' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/petitions/{petitionId}/decisions/{decisionId}/documents',
    summary:
      "Attach the signed text of a decision of the case — an extension decision, or the resolution (decisionId `resolution`) — (officer or leader of the case's unit): a document of the case like POST …/documents (content-checked, size-limited, streamed, SHA-256, sealed for a denunciation), marked with the decision; download it at its downloadUrl",
    auth: true,
    query: D.ZUploadDocumentQuery,
    responses: uploadResponses(D.ZDocumentView),
  },
  documentList(
    '/petitions/{petitionId}/decisions/{decisionId}/documents',
    'The documents attached to one decision, an extension decision or the resolution (decisionId `resolution`; same read access as the petition)',
    D.ZDocumentList,
  ),
  ...recordDocuments('/reception/sessions/{sessionId}/minutes', "a reception session's minutes", 'session'),
  ...recordDocuments('/conferences/{conferenceId}/results', "a dialogue conference's results", 'conference'),
  {
    method: 'get',
    path: '/petitions/{petitionId}/decisions',
    summary:
      "The case's written decisions: each extension decision (number, date, signer, days, new due time) and the resolution (number, date signed, signer and title, summary; null while not resolved), each with its PDF; same read access as the petition",
    auth: true,
    responses: { 200: { description: 'decisions', schema: Dec.ZExtensionDecisionList }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/petitions/{petitionId}/decisions/{decisionId}/pdf',
    summary:
      'A decision printed as PDF in the administrative layout of Nghị định 30/2020 (A4: issuing unit and số, Quốc hiệu and motto, place and date, title, body, signer; no petitioner named: a denouncer is "công dân"): an extension decision by its id, or the resolution (decisionId `resolution`: quyết định giải quyết khiếu nại, kết luận nội dung tố cáo or văn bản trả lời; 404 while not resolved or resolved without its record); Cache-Control: no-store',
    auth: true,
    responses: { 200: { description: 'application/pdf' }, ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/petitions/{petitionId}/notes',
    summary:
      "Add an internal note to the case (staff who may read it; not API tokens): never in the citizen's view, a notice or an export; each colleague in mentionIds is e-mailed once (without the note's text)",
    auth: true,
    body: N.ZAddNoteRequest,
    headers: [IDEMPOTENCY],
    responses: {
      201: { description: 'added', schema: N.ZNoteView },
      200: {
        description: 'the same Idempotency-Key was used before: the earlier note (unsent mentions retried)',
        schema: N.ZNoteView,
      },
      ...errors(400, 401, 403, 404),
    },
  },
  {
    method: 'get',
    path: '/petitions/{petitionId}/notes',
    summary: 'The internal notes of a case, oldest first, with who wrote them and when',
    auth: true,
    responses: { 200: { description: 'notes', schema: N.ZNoteList }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/registers/reception',
    summary:
      'Sổ tiếp công dân of a unit over a period, XLSX in the twelve columns of Mẫu số 03, Thông tư 04/2021/TT-TTCP: the matters raised at its reception sessions and the petitions handed in person; a denouncer reads “công dân”',
    auth: true,
    query: ZRegisterQuery,
    responses: { 200: { description: 'the workbook' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/registers/petitions',
    summary:
      'Sổ theo dõi xử lý đơn of a unit over a period, XLSX in the layout of Thông tư 05/2021/TT-TTCP: every petition received and what became of it; a denouncer reads “công dân” unless the caller is entitled and gives a reason (each opening recorded)',
    auth: true,
    query: ZRegisterQuery,
    responses: { 200: { description: 'the workbook' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/national-sync/runs',
    summary:
      'The national complaints database sync (CSDL quốc gia, NĐ 55/2022): its runs, newest first, with what each found, what the receiver accepted or rejected and how many deliveries needed retries; admins and supervisors (people, not tokens)',
    auth: true,
    query: Nat.ZSyncRunsQuery,
    responses: { 200: { description: 'runs', schema: Nat.ZSyncRunList }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/national-sync/runs/{runId}',
    summary: 'One sync run and every record version it delivered (Idempotency-Key, version, HTTP status, attempts)',
    auth: true,
    responses: { 200: { description: 'the run', schema: Nat.ZSyncRunDetail }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/national-sync/records/{petitionId}',
    summary:
      'The record a case is sent to the national database as (schemas/national-record.v1.schema.json; a denouncer is “công dân”), with its latest and last-sent versions; Cache-Control: no-store',
    auth: true,
    responses: { 200: { description: 'the record', schema: Nat.ZNationalRecordPreview }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/petitions/{petitionId}/duplicates',
    summary:
      'Likely duplicates (đơn trùng) across the province: the same petitioner by keyed hash (sealed identities compared without opening them) and similar subjects (diacritics folded), with the reasons; and what was decided',
    auth: true,
    responses: { 200: { description: 'proposals', schema: Dup.ZDuplicateProposals }, ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/petitions/{petitionId}/duplicates',
    summary:
      'Decide: a duplicate of an open case (closed at once, no clock of its own, the citizen told where it is handled, counted once in reports), of a decided one with no new facts (the legal answer, no new case), or a new matter',
    auth: true,
    body: Dup.ZDuplicateDecisionRequest,
    responses: {
      200: { description: 'decided', schema: Dup.ZDuplicateDecisionResponse },
      202: pending('the link waits for the workflow; follow href'),
      ...errors(400, 401, 403, 404, 409),
    },
  },
  {
    method: 'get',
    path: '/petitions/{id}/history',
    summary: 'Full history for supervisors: domain timeline and Temporal events',
    auth: true,
    responses: { 200: { description: 'history', schema: P.ZPetitionHistory }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/outbox',
    summary: 'E-mails received by the local SMTP sink (development)',
    auth: true,
    responses: { 200: { description: 'messages', schema: O.ZOutboxList }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/outbox/{id}',
    summary: 'One e-mail from the local SMTP sink',
    auth: true,
    responses: { 200: { description: 'message', schema: O.ZOutboxMessage }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/calendar/{year}',
    summary: 'The working calendar of a year: holidays and swapped working weekends',
    auth: true,
    responses: { 200: { description: 'the year', schema: Cal.ZCalendarYear }, ...errors(400, 401) },
  },
  {
    method: 'put',
    path: '/calendar/{year}',
    summary: "Replace a year's table (admin); open petitions re-arm their deadlines",
    auth: true,
    body: Cal.ZCalendarYearBody,
    responses: { 200: { description: 'saved', schema: Cal.ZCalendarYear }, ...errors(400, 401, 403) },
  },
  {
    method: 'post',
    path: '/deadlines/compute',
    summary: 'Deadline calculator (Civil Code arts. 147–148, Vietnamese working days)',
    auth: true,
    body: Cal.ZComputeDeadlineRequest,
    responses: {
      200: {
        description: 'the due date and the end of that day in Asia/Ho_Chi_Minh',
        schema: Cal.ZComputeDeadlineResponse,
      },
      ...errors(400, 401),
    },
  },
  {
    method: 'get',
    path: '/policy',
    summary: 'Deadline policy versions (limits, units, variants, extensions, ladder, legal bases) and the one in force',
    auth: true,
    responses: { 200: { description: 'versions', schema: Pol.ZPolicyList }, ...errors(401) },
  },
  {
    method: 'post',
    path: '/policy',
    summary:
      'Add a policy version in force from effectiveFrom (admin); with unitId, local rules for that unit and below',
    auth: true,
    body: PolicyFileSchema,
    responses: { 201: { description: 'added', schema: Pol.ZPolicyVersionView }, ...errors(400, 401, 403, 409) },
  },
  {
    method: 'get',
    path: '/track/{code}',
    summary:
      "The citizen's view: stage, expected answer date, decisions (no login; secret from the receipt in X-Tracking-Secret or ?secret=; rate-limited)",
    auth: false,
    responses: {
      200: { description: 'the petition as the citizen sees it' },
      ...errors(404),
      429: errorResponse('too many lookups'),
    },
  },
  {
    method: 'post',
    path: '/track/{code}/rating',
    summary: 'The citizen rates the answer; a dissatisfied complainant is shown the second-time path',
    auth: false,
    body: ZRatingRequest,
    responses: {
      201: { description: 'recorded' },
      ...errors(400, 404, 409),
      429: errorResponse('too many lookups'),
    },
  },
  {
    method: 'get',
    path: '/reports/petitions',
    summary:
      'Periodic report (month, quarter, 6/9 months, year or a range) by level, unit, kind, field or responsible leader; JSON, CSV or XLSX, Vietnamese headings by default',
    auth: true,
    query: ZReportQuery,
    responses: { 200: { description: 'the report' }, ...errors(400, 401, 403) },
  },
  {
    method: 'post',
    path: '/tokens',
    summary:
      'Create an API token for an integration (admin): scopes petitions:read, petitions:write, reports:read on one unit and below; the token is shown once',
    auth: true,
    body: ZCreateTokenRequest,
    responses: { 201: { description: 'the token, shown once' }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/tokens',
    summary: 'List API tokens (admin; never the tokens themselves, only their first 10 characters as `prefix`)',
    auth: true,
    responses: { 200: { description: 'tokens' }, ...errors(401, 403) },
  },
  {
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke an API token (admin)',
    auth: true,
    responses: { 204: { description: 'revoked' }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/reports/leaders',
    summary:
      'Leader scorecard: per responsible leader, cases due, resolved on time, overdue now, reminders received, cases acted on after a reminder, escalations; JSON, CSV or XLSX',
    auth: true,
    query: ZScorecardQuery,
    responses: { 200: { description: 'the scorecard' }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/admin/units',
    summary: 'Units in the admin’s subtree, with their responsible leaders (admin)',
    auth: true,
    responses: { 200: { description: 'units' }, ...errors(401, 403) },
  },
  {
    method: 'post',
    path: '/admin/units',
    summary: 'Add a unit under a parent in the admin’s subtree (admin)',
    auth: true,
    body: A.ZCreateUnitRequest,
    responses: { 201: { description: 'created' }, ...errors(400, 401, 403, 409) },
  },
  {
    method: 'patch',
    path: '/admin/units/{id}',
    summary: 'Rename a unit, change its e-mail, or move it under another parent (admin)',
    auth: true,
    body: A.ZUpdateUnitRequest,
    responses: { 200: { description: 'updated' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'put',
    path: '/admin/units/{id}/responsible-leader',
    summary:
      'Assign the leader answerable for a locality: leader reminders and escalations from below go to them (admin)',
    auth: true,
    body: A.ZResponsibleLeaderRequest,
    responses: { 200: { description: 'assigned' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/admin/letters/wording',
    summary: 'The built-in wording of every petition letter, with the placeholders each template may use (admin)',
    auth: true,
    responses: { 200: { description: 'templates', schema: L.ZBuiltInWording }, ...errors(401, 403) },
  },
  {
    method: 'get',
    path: '/admin/letters/templates',
    summary: 'The units’ own letter templates in the admin’s subtree, or of one unit (admin)',
    auth: true,
    query: L.ZLetterTemplateQuery,
    responses: { 200: { description: 'templates', schema: L.ZLetterTemplateList }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'put',
    path: '/admin/letters/templates',
    summary:
      'Add or replace a unit’s wording of a letter for one kind or every kind ("*"); an unknown {{placeholder}} is a field error; the nearest unit up the tree with one is used when sending (admin)',
    auth: true,
    body: L.ZLetterTemplateRequest,
    responses: { 200: { description: 'saved', schema: L.ZLetterTemplate }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/admin/letters/preview',
    summary:
      'The letter as it would be sent (subject, text, HTML with the unit’s letterhead), with sample values (admin)',
    auth: true,
    body: L.ZLetterTemplateRequest,
    responses: {
      200: { description: 'the rendered letter', schema: L.ZRenderedLetter },
      ...errors(400, 401, 403, 404),
    },
  },
  {
    method: 'get',
    path: '/admin/letters/templates/{id}',
    summary: 'One letter template (admin)',
    auth: true,
    responses: { 200: { description: 'template', schema: L.ZLetterTemplate }, ...errors(401, 403, 404) },
  },
  {
    method: 'delete',
    path: '/admin/letters/templates/{id}',
    summary: 'Remove a unit’s wording: its letters go out in the wording above it again (admin)',
    auth: true,
    responses: { 204: { description: 'removed' }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/admin/letters/letterheads/{unitId}',
    summary: 'A unit’s letterhead lines and the letterhead its letters carry (admin)',
    auth: true,
    responses: { 200: { description: 'letterhead' }, ...errors(401, 403, 404) },
  },
  {
    method: 'put',
    path: '/admin/letters/letterheads/{unitId}',
    summary: 'Set the lines under a unit’s name on its letters: address, telephone, e-mail (admin)',
    auth: true,
    body: L.ZLetterheadRequest,
    responses: { 200: { description: 'saved' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/admin/people',
    summary: 'People of the admin’s subtree with their role bindings (admin)',
    auth: true,
    query: A.ZPeopleQuery,
    responses: { 200: { description: 'people' }, ...errors(401, 403) },
  },
  {
    method: 'post',
    path: '/admin/people',
    summary: 'Add a person, with role bindings (admin)',
    auth: true,
    body: A.ZCreatePersonRequest,
    responses: { 201: { description: 'created' }, ...errors(400, 401, 403, 409) },
  },
  {
    method: 'patch',
    path: '/admin/people/{id}',
    summary: 'Change a person; active: false or a new password ends their sessions (admin)',
    auth: true,
    body: A.ZUpdatePersonRequest,
    responses: { 200: { description: 'updated' }, ...errors(400, 401, 403, 404, 409) },
  },
  {
    method: 'post',
    path: '/admin/people/{id}/roles',
    summary: 'Bind a role on a unit (admin)',
    auth: true,
    body: A.ZRoleBinding,
    responses: { 201: { description: 'bound' }, ...errors(400, 401, 403, 404, 409) },
  },
  {
    method: 'delete',
    path: '/admin/people/{id}/roles/{bindingId}',
    summary: 'Remove a role binding (admin; not one’s own admin role, not the leader role of a responsible leader)',
    auth: true,
    responses: { 204: { description: 'removed' }, ...errors(401, 403, 404, 409) },
  },
  {
    method: 'post',
    path: '/identity-grants',
    summary:
      "Let a supervisor open denouncers' identities, for one petition or a unit's subtree (a leader over it); each opening is still recorded",
    auth: true,
    body: ZIdentityGrantRequest,
    responses: { 201: { description: 'granted' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/identity-grants',
    summary: 'Grants the caller gave, received, or that concern units they lead',
    auth: true,
    responses: { 200: { description: 'grants' }, ...errors(401) },
  },
  {
    method: 'delete',
    path: '/identity-grants/{id}',
    summary: 'Revoke a grant (its grantor or a leader over the unit)',
    auth: true,
    responses: { 204: { description: 'revoked' }, ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/reception/schedules',
    summary: 'Reception-day schedules of the caller’s units',
    auth: true,
    responses: { 200: { description: 'schedules' }, ...errors(401) },
  },
  {
    method: 'post',
    path: '/reception/schedules',
    summary:
      'Add a reception schedule (admin or leader of the unit): days of the month, nth weekday or weekly; a date on a day off moves to the next working day; its cycle workflow starts',
    auth: true,
    body: R.ZScheduleRequest,
    responses: { 201: { description: 'created' }, ...errors(400, 401, 403) },
  },
  {
    method: 'patch',
    path: '/reception/schedules/{id}',
    summary: 'Edit a schedule (applies to sessions not yet announced) or deactivate it (active: false stops its cycle)',
    auth: true,
    body: R.ZScheduleUpdate,
    responses: { 200: { description: 'updated' }, ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/reception/sessions',
    summary: 'Reception sessions of the caller’s units',
    auth: true,
    query: R.ZSessionsQuery,
    responses: { 200: { description: 'sessions' }, ...errors(400, 401) },
  },
  {
    method: 'get',
    path: '/reception/sessions/{id}',
    summary: 'One session: timeline, matters, registrations, minutes',
    auth: true,
    responses: { 200: { description: 'the session' }, ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/reception/sessions/{id}/postpone',
    summary: 'Postpone to a later working day (leader), with a public notice and updated invitations',
    auth: true,
    body: R.ZPostponeRequest,
    responses: actionResponses(200, 'postponed'),
  },
  {
    method: 'post',
    path: '/reception/sessions/{id}/delegate',
    summary: 'Delegate to a deputy (leader; the schedule’s deputy by default)',
    auth: true,
    body: R.ZDelegateRequest,
    responses: actionResponses(200, 'delegated'),
  },
  {
    method: 'post',
    path: '/reception/sessions/{id}/matters',
    summary:
      'Record a matter raised: answered on the spot, registered as a petition (channel reception_day, linked to the session), or explained',
    auth: true,
    body: R.ZMatterRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(201, 'recorded'),
  },
  {
    method: 'post',
    path: '/reception/sessions/{id}/close',
    summary: 'Close the session with minutes and the number of citizens received',
    auth: true,
    body: R.ZCloseRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(200, 'closed'),
  },
  followUpdate('/reception/sessions/{id}', 'The result of a session action answered 202', 401, 403, 404),
  {
    method: 'get',
    path: '/reception/obligations',
    summary:
      'Reception duties (commune chairman 1 day a week, …) checked per week or month; leaders who fall short are flagged',
    auth: true,
    query: R.ZObligationsQuery,
    responses: { 200: { description: 'per leader, the windows short of the duty' }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/public/notices',
    summary: 'Public notices of reception sessions (announcements, postponements); no login',
    auth: false,
    responses: { 200: { description: 'notices' } },
  },
  {
    method: 'post',
    path: '/public/reception-sessions/{id}/registrations',
    summary:
      'A citizen registers for an announced session before its cut-off (no login); an invitation (.ics) goes to their e-mail',
    auth: false,
    body: R.ZRegistrationRequest,
    responses: {
      201: { description: 'registered' },
      ...errors(400, 404, 409),
      429: errorResponse('too many requests'),
    },
  },
  {
    method: 'get',
    path: '/conferences',
    summary: 'Dialogue conferences of the caller’s units',
    auth: true,
    responses: { 200: { description: 'conferences' }, ...errors(401) },
  },
  {
    method: 'post',
    path: '/conferences',
    summary:
      'Call a dialogue conference (leader or admin): regular or ad hoc, at least 7 days ahead; its workflow announces it (public notice, .ics to the chair)',
    auth: true,
    body: C.ZConferenceRequest,
    responses: { 201: { description: 'announced' }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/conferences/proposals',
    summary:
      'Ad hoc conferences proposed by hot spots: many similar petitions about one subject, field and place in a short time (thresholds in policy)',
    auth: true,
    responses: { 200: { description: 'proposals' }, ...errors(401) },
  },
  {
    method: 'get',
    path: '/conferences/{id}',
    summary: 'One conference: timeline, opinions (and by field), commitments with their events',
    auth: true,
    responses: { 200: { description: 'the conference' }, ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/conferences/{id}/hold',
    summary: 'Record that it was held: attendees and minutes; the results deadline (10 days) starts',
    auth: true,
    body: C.ZHoldRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(200, 'held'),
  },
  {
    method: 'post',
    path: '/conferences/{id}/opinions',
    summary:
      'Record an opinion and its outcome: answered, commitment (an agency or officer with a promised date, tracked by its own workflow), explained, or referred to the level above',
    auth: true,
    body: C.ZOpinionRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(201, 'recorded'),
  },
  {
    method: 'post',
    path: '/conferences/{id}/publish',
    summary:
      'Publish the results (leader): a public notice with the opinions by field; each participant with an address is told the outcome of their opinion',
    auth: true,
    body: C.ZPublishRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(200, 'published'),
  },
  followUpdate('/conferences/{id}', 'The result of a conference action answered 202', 401, 403, 404),
  {
    method: 'post',
    path: '/commitments/{id}/progress',
    summary: 'Report progress on a commitment (0–99%); the participant is told',
    auth: true,
    body: C.ZProgressRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(200, 'recorded'),
  },
  {
    method: 'post',
    path: '/commitments/{id}/fulfil',
    summary: 'Mark a commitment fulfilled (on time or late); the participant is told',
    auth: true,
    body: C.ZFulfilRequest,
    headers: [IDEMPOTENCY],
    responses: actionResponses(200, 'fulfilled'),
  },
  followUpdate('/commitments/{id}', 'The result of a commitment report answered 202', 401, 403, 404),
  {
    method: 'get',
    path: '/reports/conferences',
    summary:
      'Conference report: held (regular, ad hoc), attendees, opinions by field and outcome, settled here vs sent up (%), commitments kept, results published on time, communes owing their yearly regular conference; JSON, CSV or XLSX',
    auth: true,
    query: ZScorecardQuery,
    responses: { 200: { description: 'the report' }, ...errors(400, 401, 403) },
  },
  { method: 'get', path: '/health', summary: 'Liveness', auth: false, responses: { 200: { description: 'ok' } } },
];

const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function buildOpenApiDocument(serverUrl = '/api/v1') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters: unknown[] = [];
    for (const match of op.path.matchAll(/\{(\w+)\}/g))
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    if (op.query) {
      const props = (schemaOf(op.query) as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, schema] of Object.entries(props))
        parameters.push({ name, in: 'query', required: false, schema });
    }
    for (const h of op.headers ?? [])
      parameters.push({
        name: h.name,
        in: 'header',
        required: false,
        description: h.description,
        schema: { type: 'string' },
      });
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema
              ? {
                  content: {
                    'application/json': { schema: z.toJSONSchema(r.schema, { io: 'output', unrepresentable: 'any' }) },
                  },
                }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'danvan API',
      version: '0.1.0',
      description: 'Petitions (khiếu nại, tố cáo, kiến nghị, phản ánh) with legal deadlines, reminders and escalation.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
