import type { getConference } from '../../../conferences/conferences';
import { formatDate, formatDateTime, formatNumber } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT, type CyclesKey } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import {
  ActionForm,
  CyclesPage,
  Facts,
  href,
  SelectField,
  TextArea,
  TextField,
  Timeline,
  type Outcome,
  type Failed,
} from '../cycles-ui';
import { conferenceKindLabel, conferenceStatusLabel } from './conferences';

export type ConferenceView = Awaited<ReturnType<typeof getConference>>;
export type ConferenceAction = 'hold' | 'opinion' | 'publish';
const OUTCOMES = ['answered', 'explained', 'referred', 'commitment'] as const;

export const opinionOutcomeLabel = (ctx: PageContext, outcome: string) =>
  cyclesT(ctx)(`outcome_${outcome}` as CyclesKey);

export function ConferencePage(props: {
  ctx: PageContext;
  isLeader: boolean;
  conference: ConferenceView;
  unitNames: ReadonlyMap<string, string>;
  names: Map<string, string>;
  allowed: ConferenceAction[];
  /** When the conference may be recorded as held: an hour before it starts. */
  holdFrom: string | null;
  assignees: PersonOption[];
  minPromisedBy: string;
  outcome?: Outcome | null;
  failed?: Failed;
}) {
  const { ctx, conference: c } = props;
  const w = cyclesT(ctx);
  const failed = (a: ConferenceAction) => (props.failed?.action === a ? props.failed : undefined);
  const err = (a: ConferenceAction, path: string) => failed(a)?.errors[path];
  const val = (a: ConferenceAction, name: string) => failed(a)?.values[name];
  const base = `/conferences/${encodeURIComponent(c.id)}`;
  const commitmentOf = new Map(c.commitments.map((k) => [k.opinionId, k]));
  const fields = Object.entries(c.opinionsByField);
  return (
    <CyclesPage
      ctx={ctx}
      title={w('conferenceTitle', { title: c.title })}
      isLeader={props.isLeader}
      outcome={props.outcome}
    >
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{w('conferenceFacts')}</h2>
        <Facts
          rows={[
            [w('colUnit'), props.unitNames.get(c.unitId) ?? c.unitId],
            [w('colKind'), conferenceKindLabel(ctx, c.kind)],
            [w('colStarts'), formatDateTime(c.startsAt, ctx.lang)],
            [w('colLocation'), c.location],
            [w('factChair'), props.names.get(c.chairId) ?? c.chairId],
            [w('colStatus'), <span data-testid="conference-status">{conferenceStatusLabel(ctx, c.status)}</span>],
            ...(c.topic ? ([[w('factTopic'), c.topic]] as [string, string][]) : []),
            ...(c.attendeeCount !== null
              ? ([[w('factAttendeesConf'), formatNumber(c.attendeeCount, ctx.lang)]] as [string, string][])
              : []),
            ...(c.resultsDueAt
              ? ([[w('factResultsDue'), formatDateTime(c.resultsDueAt, ctx.lang)]] as [string, string][])
              : []),
            ...(c.publishedAt
              ? ([[w('factPublishedAt'), formatDateTime(c.publishedAt, ctx.lang)]] as [string, string][])
              : []),
          ]}
        />
        {props.holdFrom ? (
          <p class="hint">{w('holdOpensAt', { at: formatDateTime(props.holdFrom, ctx.lang) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" class="actions">
        <h2 id="actions-heading">{w('actionsHeading')}</h2>
        {props.allowed.length === 0 ? <p>{w('noActions')}</p> : null}
        {props.allowed.includes('hold') ? (
          <ActionForm
            ctx={ctx}
            action="hold"
            label={w('action_hold')}
            path={`${base}/hold`}
            open={Boolean(failed('hold'))}
          >
            <TextField
              id="hold-attendees"
              name="attendeeCount"
              type="number"
              min={0}
              label={w('holdAttendees')}
              required
              value={val('hold', 'attendeeCount')}
              error={err('hold', 'attendeeCount')}
            />
            <TextArea
              id="hold-minutes"
              name="minutes"
              label={w('holdMinutes')}
              required
              rows={8}
              value={val('hold', 'minutes')}
              error={err('hold', 'minutes')}
            />
          </ActionForm>
        ) : null}
        {props.allowed.includes('opinion') ? (
          <ActionForm
            ctx={ctx}
            action="opinion"
            label={w('action_opinion')}
            path={`${base}/opinions`}
            open={Boolean(failed('opinion'))}
          >
            <TextField
              id="opinion-name"
              name="participantName"
              label={w('opinionName')}
              value={val('opinion', 'participantName')}
              error={err('opinion', 'participantName')}
            />
            <TextField
              id="opinion-email"
              name="participantEmail"
              type="email"
              label={w('opinionEmail')}
              value={val('opinion', 'participantEmail')}
              error={err('opinion', 'participantEmail')}
            />
            <TextField
              id="opinion-field"
              name="field"
              label={w('matterField')}
              hint={w('matterFieldHint')}
              required
              value={val('opinion', 'field')}
              error={err('opinion', 'field')}
            />
            <TextArea
              id="opinion-content"
              name="content"
              label={w('opinionContent')}
              required
              value={val('opinion', 'content')}
              error={err('opinion', 'content')}
            />
            <SelectField
              id="opinion-outcome"
              name="outcome"
              label={w('colOutcome')}
              hint={w('referredHint')}
              value={val('opinion', 'outcome')}
              options={OUTCOMES.map((o) => ({ value: o, label: w(`outcome_${o}`) }))}
              error={err('opinion', 'outcome') ?? err('opinion', 'referredToUnitId')}
            />
            <TextArea
              id="opinion-answer"
              name="answer"
              label={w('matterAnswer')}
              hint={w('matterAnswerHint')}
              value={val('opinion', 'answer')}
              error={err('opinion', 'answer')}
            />
            <fieldset>
              <legend>{w('commitmentLegend')}</legend>
              <TextField
                id="opinion-commitment"
                name="commitment.description"
                label={w('commitmentDescription')}
                value={val('opinion', 'commitment.description')}
                error={err('opinion', 'commitment.description') ?? err('opinion', 'commitment')}
              />
              <TextField
                id="opinion-promised"
                name="commitment.promisedBy"
                type="date"
                min={props.minPromisedBy}
                label={w('commitmentPromisedBy')}
                value={val('opinion', 'commitment.promisedBy')}
                error={err('opinion', 'commitment.promisedBy')}
              />
              <SelectField
                id="opinion-assignee"
                name="commitment.assigneeId"
                label={w('commitmentAssignee')}
                value={val('opinion', 'commitment.assigneeId')}
                options={[
                  { value: '', label: w('commitmentUnassigned') },
                  ...props.assignees.map((p) => ({ value: p.id, label: p.fullName })),
                ]}
                error={err('opinion', 'commitment.assigneeId')}
              />
            </fieldset>
          </ActionForm>
        ) : null}
        {props.allowed.includes('publish') ? (
          <ActionForm
            ctx={ctx}
            action="publish"
            label={w('action_publish')}
            path={`${base}/publish`}
            open={Boolean(failed('publish'))}
          >
            <TextArea
              id="publish-summary"
              name="summary"
              label={w('publishSummary')}
              rows={6}
              value={val('publish', 'summary')}
              error={err('publish', 'summary')}
            />
          </ActionForm>
        ) : null}
      </section>

      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">{w('opinionsHeading')}</h2>
        <table id="opinions-table">
          <caption>{w('opinionsCaption', { count: formatNumber(c.opinions.length, ctx.lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{w('colParticipant')}</th>
              <th scope="col">{w('colField')}</th>
              <th scope="col">{w('colContent')}</th>
              <th scope="col">{w('colOutcome')}</th>
              <th scope="col">{w('colAnswer')}</th>
            </tr>
          </thead>
          <tbody>
            {c.opinions.length === 0 ? (
              <tr>
                <td colSpan={5}>{w('none')}</td>
              </tr>
            ) : (
              c.opinions.map((o) => {
                const k = commitmentOf.get(o.id);
                return (
                  <tr>
                    <td>{o.participantName ?? w('none')}</td>
                    <td>{o.field}</td>
                    <td>{o.content}</td>
                    <td>{opinionOutcomeLabel(ctx, o.outcome)}</td>
                    <td>
                      {k ? (
                        <a href={`${href('/commitments')}#${encodeURIComponent(k.id)}`}>
                          {k.description} ({formatDate(`${k.promisedBy}T12:00:00+07:00`, ctx.lang)})
                        </a>
                      ) : o.referredToUnitId ? (
                        (props.unitNames.get(o.referredToUnitId) ?? o.referredToUnitId)
                      ) : (
                        (o.answer ?? '')
                      )}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
        {fields.length ? (
          <table id="by-field-table">
            <caption>{w('byFieldCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{w('colField')}</th>
                {OUTCOMES.map((o) => (
                  <th scope="col" class="num">
                    {w(`outcome_${o}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map(([field, counts]) => (
                <tr>
                  <th scope="row">{field}</th>
                  {OUTCOMES.map((o) => (
                    <td class="num">{formatNumber(counts[o] ?? 0, ctx.lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{w('minutesHeading')}</h2>
        <p data-testid="minutes">{c.minutes ?? w('minutesMissing')}</p>
        {c.resultsSummary ? (
          <>
            <h3>{w('resultsSummaryHeading')}</h3>
            <p>{c.resultsSummary}</p>
          </>
        ) : null}
      </section>

      <Timeline ctx={ctx} entries={c.timeline} names={props.names} />
    </CyclesPage>
  );
}
