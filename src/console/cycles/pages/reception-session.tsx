import { randomUUID } from 'node:crypto';
import { PETITION_KINDS } from '../../../domain/petition/petition-stages';
import type { getSession } from '../../../reception/reception-sessions';
import { formatDate, formatDateTime, formatNumber } from '../../../web/format';
import { caseHref, kindLabel } from '../../components';
import type { PageContext } from '../../page-context';
import { cyclesT } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import {
  ActionForm,
  CyclesPage,
  Facts,
  SelectField,
  TextArea,
  TextField,
  Timeline,
  type Failed,
  type Outcome,
} from '../cycles-ui';
import { sessionStatusLabel, timeOf } from './reception-calendar';

export type SessionView = Awaited<ReturnType<typeof getSession>>;
export type SessionAction = 'postpone' | 'delegate' | 'matter' | 'close';

export function ReceptionSessionPage(props: {
  ctx: PageContext;
  isLeader: boolean;
  session: SessionView;
  unitName: string;
  names: Map<string, string>;
  petitionCodes: Map<string, string>;
  allowed: SessionAction[];
  deputies: PersonOption[];
  outcome?: Outcome | null;
  failed?: Failed;
}) {
  const { ctx, session } = props;
  const w = cyclesT(ctx);
  const failed = (action: SessionAction) => (props.failed?.action === action ? props.failed : undefined);
  const err = (action: SessionAction, path: string) => failed(action)?.errors[path];
  const val = (action: SessionAction, name: string) => failed(action)?.values[name];
  const base = `/reception/sessions/${encodeURIComponent(session.id)}`;
  const delegated = session.receivingLeaderId !== session.leaderId;
  const startsAt = session.startsAt.toISOString();
  return (
    <CyclesPage
      ctx={ctx}
      title={w('sessionTitle', { day: formatDate(startsAt, ctx.lang) })}
      isLeader={props.isLeader}
      outcome={props.outcome}
    >
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{w('sessionFacts')}</h2>
        <Facts
          rows={[
            [w('colUnit'), props.unitName],
            [w('colDay'), `${formatDate(startsAt, ctx.lang)} ${timeOf(startsAt, ctx.lang)}`],
            [w('colLocation'), session.location],
            [w('colStatus'), <span data-testid="session-status">{sessionStatusLabel(ctx, session.status)}</span>],
            [w('colReceiving'), props.names.get(session.leaderId) ?? session.leaderId],
            ...(delegated
              ? ([[w('factDelegated'), props.names.get(session.receivingLeaderId) ?? session.receivingLeaderId]] as [
                  string,
                  string,
                ][])
              : []),
            [
              w('factPostponements'),
              formatNumber(session.timeline.filter((e) => e.type === 'postponed').length, ctx.lang),
            ],
            ...(session.attendeeCount !== null && session.attendeeCount !== undefined
              ? ([[w('factAttendees'), formatNumber(session.attendeeCount, ctx.lang)]] as [string, string][])
              : []),
          ]}
        />
        {session.status === 'announced' ? (
          <p class="hint">{w('opensAt', { at: formatDateTime(startsAt, ctx.lang) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" class="actions">
        <h2 id="actions-heading">{w('actionsHeading')}</h2>
        {props.allowed.length === 0 ? <p>{w('noActions')}</p> : null}
        {props.allowed.includes('matter') ? (
          <ActionForm
            ctx={ctx}
            action="matter"
            label={w('action_matter')}
            path={`${base}/matters`}
            open={Boolean(failed('matter'))}
          >
            <input type="hidden" name="idempotencyKey" value={val('matter', 'idempotencyKey') ?? randomUUID()} />
            <TextField
              id="matter-citizen"
              name="citizenName"
              label={w('matterCitizen')}
              value={val('matter', 'citizenName')}
              error={err('matter', 'citizenName') ?? err('matter', 'petition.petitioners.0.fullName')}
            />
            <TextArea
              id="matter-summary"
              name="summary"
              label={w('matterSummary')}
              required
              value={val('matter', 'summary')}
              error={err('matter', 'summary')}
            />
            <TextField
              id="matter-field"
              name="field"
              label={w('matterField')}
              hint={w('matterFieldHint')}
              required
              value={val('matter', 'field')}
              error={err('matter', 'field')}
            />
            <SelectField
              id="matter-outcome"
              name="outcome"
              label={w('matterOutcome')}
              value={val('matter', 'outcome')}
              options={(['answered', 'explained', 'petition'] as const).map((o) => ({
                value: o,
                label: w(`matter_${o}`),
              }))}
              error={err('matter', 'outcome')}
            />
            <TextArea
              id="matter-answer"
              name="answer"
              label={w('matterAnswer')}
              hint={w('matterAnswerHint')}
              value={val('matter', 'answer')}
              error={err('matter', 'answer')}
            />
            <TextField
              id="matter-petition-code"
              name="petitionTrackingCode"
              label={w('matterLinkedPetition')}
              hint={w('matterLinkedPetitionHint')}
              value={val('matter', 'petitionTrackingCode')}
              error={err('matter', 'petitionTrackingCode')}
            />
            <fieldset>
              <legend>{w('petitionLegend')}</legend>
              <p class="hint">{w('petitionHint')}</p>
              <SelectField
                id="matter-kind"
                name="petition.kind"
                label={w('petitionKind')}
                value={val('matter', 'petition.kind')}
                options={PETITION_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
              />
              <p class="hint">{w('matterSealed')}</p>
              <TextField
                id="matter-subject"
                name="petition.subject"
                label={w('petitionSubject')}
                value={val('matter', 'petition.subject')}
                error={err('matter', 'petition.subject') ?? err('matter', 'petition')}
              />
              <TextArea
                id="matter-body"
                name="petition.body"
                label={w('petitionBody')}
                value={val('matter', 'petition.body')}
                error={err('matter', 'petition.body')}
              />
              <TextField
                id="matter-phone"
                name="petition.phone"
                type="tel"
                label={w('petitionPhone')}
                value={val('matter', 'petition.phone')}
                error={err('matter', 'petition.petitioners.0.phone')}
              />
            </fieldset>
          </ActionForm>
        ) : null}
        {props.allowed.includes('close') ? (
          <ActionForm
            ctx={ctx}
            action="close"
            label={w('action_close')}
            path={`${base}/close`}
            open={Boolean(failed('close'))}
          >
            <TextArea
              id="close-minutes"
              name="minutes"
              label={w('closeMinutes')}
              required
              rows={8}
              value={val('close', 'minutes')}
              error={err('close', 'minutes')}
            />
            <TextField
              id="close-attendees"
              name="attendeeCount"
              type="number"
              min={0}
              label={w('closeAttendees')}
              required
              value={val('close', 'attendeeCount') ?? String(session.registrations.length || '')}
              error={err('close', 'attendeeCount')}
            />
          </ActionForm>
        ) : null}
        {props.allowed.includes('postpone') ? (
          <ActionForm
            ctx={ctx}
            action="postpone"
            label={w('action_postpone')}
            path={`${base}/postpone`}
            open={Boolean(failed('postpone'))}
          >
            <TextField
              id="postpone-day"
              name="day"
              type="date"
              label={w('postponeDay')}
              required
              value={val('postpone', 'day')}
              error={err('postpone', 'day')}
            />
            <TextField
              id="postpone-reason"
              name="reason"
              label={w('fieldReason')}
              required
              value={val('postpone', 'reason')}
              error={err('postpone', 'reason')}
            />
          </ActionForm>
        ) : null}
        {props.allowed.includes('delegate') ? (
          <ActionForm
            ctx={ctx}
            action="delegate"
            label={w('action_delegate')}
            path={`${base}/delegate`}
            open={Boolean(failed('delegate'))}
          >
            <SelectField
              id="delegate-deputy"
              name="deputyId"
              label={w('delegateTo')}
              required
              value={val('delegate', 'deputyId')}
              options={props.deputies.map((p) => ({ value: p.id, label: p.fullName }))}
              error={err('delegate', 'deputyId')}
            />
            <TextField
              id="delegate-reason"
              name="reason"
              label={w('fieldReason')}
              required
              value={val('delegate', 'reason')}
              error={err('delegate', 'reason')}
            />
          </ActionForm>
        ) : null}
      </section>

      <section aria-labelledby="matters-heading">
        <h2 id="matters-heading">{w('mattersHeading')}</h2>
        <table id="matters-table">
          <caption>{w('mattersCaption', { count: formatNumber(session.matters.length, ctx.lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{w('colCitizen')}</th>
              <th scope="col">{w('colSummary')}</th>
              <th scope="col">{w('colField')}</th>
              <th scope="col">{w('colOutcome')}</th>
              <th scope="col">{w('colAnswer')}</th>
              <th scope="col">{w('colPetition')}</th>
            </tr>
          </thead>
          <tbody>
            {session.matters.length === 0 ? (
              <tr>
                <td colSpan={6}>{w('none')}</td>
              </tr>
            ) : (
              session.matters.map((m) => (
                <tr>
                  <td>{m.citizenName ?? w('none')}</td>
                  <td>{m.summary}</td>
                  <td>{m.field}</td>
                  <td>{w(`matter_${m.outcome as 'answered' | 'explained' | 'petition'}`)}</td>
                  <td>{m.answer ?? ''}</td>
                  <td>
                    {m.petitionId ? (
                      <a href={caseHref(m.petitionId)}>{props.petitionCodes.get(m.petitionId) ?? m.petitionId}</a>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table>
          <caption>
            {w('registrationsCaption', { count: formatNumber(session.registrations.length, ctx.lang) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{w('colCitizen')}</th>
              <th scope="col">{w('colTopic')}</th>
              <th scope="col">{w('colWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {session.registrations.length === 0 ? (
              <tr>
                <td colSpan={3}>{w('none')}</td>
              </tr>
            ) : (
              session.registrations.map((r) => (
                <tr>
                  <td>{r.fullName}</td>
                  <td>{r.topic ?? ''}</td>
                  <td>{formatDateTime(r.createdAt, ctx.lang)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      {session.minutes ? (
        <section aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">{w('minutesHeading')}</h2>
          <p class="minutes" data-testid="minutes">
            {session.minutes}
          </p>
        </section>
      ) : null}

      <Timeline ctx={ctx} entries={session.timeline} names={props.names} />
    </CyclesPage>
  );
}
