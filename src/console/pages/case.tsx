import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { ACTIONS, type ActionName } from '../../domain/petition/petition-stages';
import { isResolutionDecisionRequired } from '../../domain/petition/resolution-decision';
import type { getPetition } from '../../petitions/petitions';
import type { PetitionClockView } from '../../petitions/petition-clock';
import { formatDate, formatDateTime, localIsoDate } from '../../web/format';
import { caseHref, kindLabel, stageLabel, TimeLeftBadge } from '../components';
import { CONSOLE_WORDS, type ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';
import { TimelineTable } from '../timeline-table';
import { TextField } from '../form-fields';
import { CaseDuplicates, type CaseDuplicatesView } from './case-duplicates';
import { CaseNotes, type CaseNotesView } from './case-notes';
import { CaseDocuments, type CaseDocumentsView } from './case-documents';

export type CaseView = Awaited<ReturnType<typeof getPetition>>;

export interface CaseNotice {
  kind: 'success' | 'error';
  headline: string;
  detail?: string;
}

export interface CasePageProps {
  ctx: PageContext;
  view: CaseView;
  clock: PetitionClockView | null;
  assignees: { id: string; fullName: string }[];
  units: { id: string; name: string }[];
  notice?: CaseNotice;
  /** The action whose form had errors, and the errors by field. */
  failed?: { action: string; errors: Record<string, string> };
  now: Date;
  calendar: WorkingCalendar;
  revealed?: boolean;
  canReadHistory: boolean;
  /** For those who decide on duplicates only. */
  duplicates?: CaseDuplicatesView | null;
  /** Staff-only: the case's internal notes. */
  notes?: CaseNotesView | null;
  documents?: CaseDocumentsView | null;
}

/** The case as this form saw it: a refusal after someone else's change then says so (a reload, not a mistake). */
function SeenState({ view }: { view: CaseView }) {
  return (
    <>
      <input type="hidden" name="seenStage" value={view.stage} />
      <input type="hidden" name="seenEvents" value={String(view.timeline.length)} />
    </>
  );
}

const actionLabel = (ctx: PageContext, action: string) => ctx.t(`action_${action}` as ConsoleKey);

function Petitioners({ ctx, view, revealed }: { ctx: PageContext; view: CaseView; revealed?: boolean }) {
  const sealed = view.petitioners.some((p) => 'identitySealed' in p && p.identitySealed);
  return (
    <section aria-labelledby="petitioners-heading">
      <h2 id="petitioners-heading">{ctx.t('casePetitioners')}</h2>
      {revealed ? (
        <Notice kind="warning" live>
          {ctx.t('revealed')}
        </Notice>
      ) : null}
      <table>
        <caption>{ctx.t('casePetitionersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('petitionerName')}</th>
            <th scope="col">{ctx.t('petitionerPhone')}</th>
            <th scope="col">{ctx.t('petitionerEmail')}</th>
            <th scope="col">{ctx.t('petitionerAddress')}</th>
          </tr>
        </thead>
        <tbody>
          {view.petitioners.map((p) => (
            <tr>
              <td>
                {p.fullName}
                {'identitySealed' in p && p.identitySealed && !revealed ? (
                  <span class="hint"> ({ctx.t('sealedIdentity')})</span>
                ) : null}
              </td>
              <td>{p.phone ?? '—'}</td>
              <td>{p.email ?? '—'}</td>
              <td>{p.address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sealed && !revealed && view.identityEntitled ? (
        <form class="stack" method="post" action={`${caseHref(view.id)}/reveal`}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend>{ctx.t('revealLegend')}</legend>
            <label for="reveal-reason">{ctx.t('revealReason')}</label>
            <input id="reveal-reason" name="reason" required minLength={3} size={50} />{' '}
            <button type="submit">{ctx.t('revealSubmit')}</button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}

function ClockSection({
  ctx,
  view,
  clock,
  now,
  calendar,
}: {
  ctx: PageContext;
  view: CaseView;
  clock: PetitionClockView | null;
  now: Date;
  calendar: WorkingCalendar;
}) {
  const fired = view.timeline.filter((e) => e.type === 'reminder' || e.type === 'escalation' || e.type === 'escalated');
  return (
    <section aria-labelledby="clock-heading">
      <h2 id="clock-heading">{ctx.t('caseClock')}</h2>
      {view.nextDeadline ? (
        <dl class="facts">
          <dt>{ctx.t(`clockName_${view.nextDeadline.clock}` as ConsoleKey)}</dt>
          <dd>
            {ctx.t('clockDue')}: {formatDateTime(view.nextDeadline.dueAt, ctx.lang)}{' '}
            <TimeLeftBadge ctx={ctx} dueAt={view.nextDeadline.dueAt} now={now} calendar={calendar} />
          </dd>
          {clock?.clock ? (
            <>
              <dt>{ctx.t('clockStarted')}</dt>
              <dd>{formatDateTime(clock.clock.startedAt, ctx.lang)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{ctx.t('noClock')}</p>
      )}
      {clock === null && view.nextDeadline ? <p class="hint">{ctx.t('clockUnavailable')}</p> : null}
      <table>
        <caption>{ctx.t('ladderCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('rungKind')}</th>
            <th scope="col">{ctx.t('rungState')}</th>
          </tr>
        </thead>
        <tbody>
          {fired.map((e) => {
            const rung = (e.data as { rung?: string } | null)?.rung ?? e.type;
            return (
              <tr>
                <td>{ctx.t(`rung_${rung}` as ConsoleKey) ?? rung}</td>
                <td>
                  {ctx.t('rungFired')} {formatDateTime(e.at, ctx.lang)}
                </td>
              </tr>
            );
          })}
          {clock?.nextRung ? (
            <tr>
              <td>{ctx.t(`rung_${clock.nextRung.kind}` as ConsoleKey)}</td>
              <td>{ctx.t('rungNext', { at: formatDateTime(clock.nextRung.at, ctx.lang) })}</td>
            </tr>
          ) : null}
          {fired.length === 0 && !clock?.nextRung ? (
            <tr>
              <td colSpan={2}>{ctx.t('noClock')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {clock && (clock.extensions?.length || clock.pendingExtension) ? (
        <>
          <h3>{ctx.t('extensionsHeading')}</h3>
          <ul>
            {(clock.extensions ?? []).map((x) => (
              <li>
                {ctx.t('extensionApproved', {
                  days: x.days,
                  number: x.decision.number,
                  date: formatDate(x.decision.date, ctx.lang),
                  signer: x.decision.signer,
                })}
              </li>
            ))}
            {clock.pendingExtension ? (
              <li>
                {ctx.t('extensionPending', {
                  days: clock.pendingExtension.days,
                  reason: clock.pendingExtension.reason,
                })}
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ActionFields({
  ctx,
  action,
  props,
  errors,
}: {
  ctx: PageContext;
  action: ActionName;
  props: CasePageProps;
  errors: Record<string, string>;
}) {
  const id = (name: string) => `${action}-${name}`;
  const reason = (
    <TextField id={id('reason')} name="reason" label={ctx.t('fieldReason')} required error={errors.reason} />
  );
  const note = <TextField id={id('note')} name="note" label={ctx.t('fieldNote')} error={errors.note} />;
  const summary = (
    <TextField id={id('summary')} name="summary" label={ctx.t('fieldSummary')} required error={errors.summary} />
  );
  switch (action) {
    case 'accept':
    case 'startVerification':
      return note;
    case 'refuse':
    case 'withdraw':
      return reason;
    case 'resolve':
      return (
        <>
          {summary}
          <ResolutionFields ctx={ctx} view={props.view} now={props.now} errors={errors} />
        </>
      );
    case 'reportBack':
      return summary;
    case 'forward':
      return (
        <>
          <div>
            <label for={id('toUnitId')}>{ctx.t('fieldToUnit')}</label>
            <select id={id('toUnitId')} name="toUnitId" required>
              {props.units
                .filter((u) => u.id !== props.view.unit.id)
                .map((u) => (
                  <option value={u.id}>{u.name}</option>
                ))}
            </select>
          </div>
          {reason}
        </>
      );
    case 'assign':
      return (
        <>
          <div>
            <label for={id('assigneeId')}>{ctx.t('fieldAssignee')}</label>
            <select id={id('assigneeId')} name="assigneeId" required>
              {props.assignees.map((p) => (
                <option value={p.id} selected={props.view.assignee?.id === p.id}>
                  {p.fullName}
                </option>
              ))}
            </select>
          </div>
          {note}
        </>
      );
    case 'setFlags': {
      const flags = props.clock?.flags ?? {};
      const box = (name: 'complex' | 'veryComplex' | 'remote' | 'multiSite', key: ConsoleKey) => (
        <div>
          <input
            id={id(name)}
            type="checkbox"
            name={name}
            value="true"
            checked={Boolean((flags as Record<string, boolean | undefined>)[name])}
          />{' '}
          <label for={id(name)} class="inline-label">
            {ctx.t(key)}
          </label>
          <input type="hidden" name={`${name}.present`} value="1" />
        </div>
      );
      return (
        <>
          {box('complex', 'flagComplex')}
          {box('veryComplex', 'flagVeryComplex')}
          {box('remote', 'flagRemote')}
          {box('multiSite', 'flagMultiSite')}
          {reason}
        </>
      );
    }
    case 'requestExtension':
      return (
        <>
          <TextField
            id={id('days')}
            name="days"
            type="number"
            min={1}
            max={60}
            label={ctx.t('fieldDays')}
            required
            error={errors.days}
            value="30"
          />
          {reason}
        </>
      );
    case 'decideExtension':
      return <DecisionFields ctx={ctx} idPrefix={action} errors={errors} />;
  }
}

/**
 * The resolution's written record: required (and marked so for the browser) for a complaint, whose
 * resolution is a decision by law; the date offered is today, bounded by the receipt and today as the API
 * checks it.
 */
function ResolutionFields({
  ctx,
  view,
  now,
  errors,
}: {
  ctx: PageContext;
  view: CaseView;
  now: Date;
  errors: Record<string, string>;
}) {
  const id = (name: string) => `resolve-decision-${name}`;
  const required = isResolutionDecisionRequired(view.kind);
  const today = localIsoDate(now);
  return (
    <fieldset aria-describedby={id('hint')}>
      <legend>{ctx.t('resolutionLegend')}</legend>
      <p class="hint" id={id('hint')}>
        {ctx.t(required ? 'resolutionRequiredHint' : 'resolutionOptionalHint')}
      </p>
      {errors.decision ? (
        <p class="hint">
          <strong>{errors.decision}</strong>
        </p>
      ) : null}
      <TextField
        id={id('number')}
        name="decision.number"
        label={ctx.t('resolutionNumber')}
        hint={ctx.t('resolutionNumberHint')}
        required={required}
        error={errors['decision.number']}
      />
      <TextField
        id={id('date')}
        name="decision.date"
        type="date"
        label={ctx.t('resolutionDate')}
        value={today}
        min={localIsoDate(view.receivedAt)}
        max={today}
        required={required}
        error={errors['decision.date']}
      />
      <TextField
        id={id('signer')}
        name="decision.signer"
        label={ctx.t('resolutionSigner')}
        required={required}
        error={errors['decision.signer']}
      />
      <TextField
        id={id('signerTitle')}
        name="decision.signerTitle"
        label={ctx.t('resolutionSignerTitle')}
        hint={ctx.t('resolutionSignerTitleHint')}
        required={required}
        error={errors['decision.signerTitle']}
      />
    </fieldset>
  );
}

export function DecisionFields({
  ctx,
  idPrefix,
  errors,
}: {
  ctx: PageContext;
  idPrefix: string;
  errors: Record<string, string>;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <fieldset>
        <legend>{ctx.t('fieldChoice')}</legend>
        <div>
          <input id={id('approve-yes')} type="radio" name="approve" value="true" checked />{' '}
          <label for={id('approve-yes')} class="inline-label">
            {ctx.t('decisionApprove')}
          </label>
        </div>
        <div>
          <input id={id('approve-no')} type="radio" name="approve" value="false" />{' '}
          <label for={id('approve-no')} class="inline-label">
            {ctx.t('decisionRefuse')}
          </label>
        </div>
      </fieldset>
      <TextField id={id('reason')} name="reason" label={ctx.t('fieldReason')} required error={errors.reason} />
      <fieldset>
        <legend>{ctx.t('decisionLegend')}</legend>
        <TextField
          id={id('number')}
          name="decision.number"
          label={ctx.t('decisionNumber')}
          error={errors['decision.number']}
        />
        <TextField
          id={id('date')}
          name="decision.date"
          type="date"
          label={ctx.t('decisionDate')}
          value={localIsoDate(new Date())}
          error={errors['decision.date']}
        />
        <TextField
          id={id('signer')}
          name="decision.signer"
          label={ctx.t('decisionSigner')}
          error={errors['decision.signer']}
        />
      </fieldset>
    </>
  );
}

export function CasePage(props: CasePageProps) {
  const { ctx, view } = props;
  const title = ctx.t('caseTitle', { code: view.trackingCode });
  return (
    <ConsolePage ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.notice ? (
        <Notice kind={props.notice.kind} live>
          <p>
            <strong>{props.notice.headline}</strong>
          </p>
          {props.notice.detail ? <p>{ctx.t('lawSays', { message: props.notice.detail })}</p> : null}
        </Notice>
      ) : null}
      <div class="grid-2">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{ctx.t('caseFacts')}</h2>
          <dl class="facts">
            <dt>{ctx.t('fieldSubject')}</dt>
            <dd>{view.subject}</dd>
            <dt>{ctx.t('fieldKind')}</dt>
            <dd>{kindLabel(ctx, view.kind)}</dd>
            <dt>{ctx.t('colStage')}</dt>
            <dd data-testid="stage">{stageLabel(ctx, view.stage)}</dd>
            <dt>{ctx.t('fieldChannel')}</dt>
            <dd>{ctx.t(`channel_${view.channel}` as ConsoleKey)}</dd>
            <dt>{ctx.t('fieldField')}</dt>
            <dd>{view.field}</dd>
            <dt>{ctx.t('colUnit')}</dt>
            <dd>{view.unit.name}</dd>
            <dt>{ctx.t('fieldUnit')}</dt>
            <dd>{view.receivingUnit.name}</dd>
            <dt>{ctx.t('colAssignee')}</dt>
            <dd data-testid="assignee">{view.assignee?.fullName ?? ctx.t('notAssigned')}</dd>
            <dt>{ctx.t('colReceived')}</dt>
            <dd>{formatDateTime(view.receivedAt, ctx.lang)}</dd>
          </dl>
          <h3>{ctx.t('fieldBody')}</h3>
          <p>{view.body}</p>
          {view.appealOf || view.appeals.length || view.receptionSessions.length || view.conferences.length ? (
            <>
              <h3>{ctx.t('caseLinks')}</h3>
              <ul>
                {view.appealOf ? (
                  <li>
                    <a href={caseHref(view.appealOf.id)}>{ctx.t('appealOf', { code: view.appealOf.trackingCode })}</a>
                  </li>
                ) : null}
                {view.appeals.map((a) => (
                  <li>
                    <a href={caseHref(a.id)}>{ctx.t('appealedBy', { code: a.trackingCode })}</a>
                  </li>
                ))}
                {view.receptionSessions.map((session) => (
                  <li>
                    <a href={`${CONSOLE_BASE}/reception/sessions/${encodeURIComponent(session.id)}`}>
                      {ctx.t('atReceptionSession', { day: formatDate(session.day, ctx.lang) })}
                    </a>
                  </li>
                ))}
                {view.conferences.map((c) => (
                  <li>
                    <a href={`${CONSOLE_BASE}/conferences/${encodeURIComponent(c.id)}`}>
                      {ctx.t('atConference', { title: c.title, day: formatDate(c.startsAt, ctx.lang) })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {view.forwards.length ? (
            <table data-testid="case-forwards">
              <caption>{ctx.t('caseForwards')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('colForwardAt')}</th>
                  <th scope="col">{ctx.t('colForwardFrom')}</th>
                  <th scope="col">{ctx.t('colForwardTo')}</th>
                </tr>
              </thead>
              <tbody>
                {view.forwards.map((f) => (
                  <tr>
                    <td>{formatDateTime(f.at, ctx.lang)}</td>
                    <td>{f.fromUnit.name}</td>
                    <td>{f.toUnit.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{ctx.t('caseActions')}</h2>
          {view.allowedActions.length === 0 ? <p>{ctx.t('noActions')}</p> : null}
          <div class="actions">
            {view.allowedActions.map((action) => (
              <details open={props.failed?.action === action || view.allowedActions.length === 1}>
                <summary>{actionLabel(ctx, action)}</summary>
                <form class="stack" method="post" action={`${caseHref(view.id)}/actions`} data-action={action}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="action" value={action} />
                  <input type="hidden" name="idempotencyKey" value={randomUUID()} />
                  <SeenState view={view} />
                  <ActionFields
                    ctx={ctx}
                    action={action}
                    props={props}
                    errors={props.failed?.action === action ? props.failed.errors : {}}
                  />
                  <div>
                    <button type="submit">{actionLabel(ctx, action)}</button>
                  </div>
                </form>
              </details>
            ))}
          </div>
          {props.canReadHistory ? (
            <p>
              <a href={`${caseHref(view.id)}/history`}>{ctx.t('historyLink')}</a>
            </p>
          ) : null}
        </section>
      </div>
      <Petitioners ctx={ctx} view={view} revealed={props.revealed} />
      {props.duplicates ? <CaseDuplicates ctx={ctx} duplicates={props.duplicates} /> : null}
      {props.documents ? <CaseDocuments ctx={ctx} docs={props.documents} /> : null}
      {props.notes ? <CaseNotes ctx={ctx} notes={props.notes} /> : null}
      <ClockSection ctx={ctx} view={view} clock={props.clock} now={props.now} calendar={props.calendar} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{ctx.t('caseTimeline')}</h2>
        <TimelineTable
          ctx={ctx}
          rows={view.timeline}
          what={(type) =>
            `action_${type}` in ACTION_KEYS
              ? actionLabel(ctx, type)
              : `event_${type}` in EVENT_KEYS
                ? ctx.t(`event_${type}` as ConsoleKey)
                : type
          }
        />
      </section>
      <p>
        <a href={CONSOLE_BASE}>{ctx.t('backHome')}</a>
      </p>
    </ConsolePage>
  );
}

const ACTION_KEYS: Record<string, true> = Object.fromEntries(ACTIONS.map((a) => [`action_${a}`, true]));
// The recorded events that are not officer actions; any other type is shown as recorded.
const EVENT_KEYS: Record<string, true> = Object.fromEntries(
  Object.keys(CONSOLE_WORDS.vi)
    .filter((k) => k.startsWith('event_'))
    .map((k) => [k, true]),
);
