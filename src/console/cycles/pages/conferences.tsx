import type { listConferences, listProposals } from '../../../conferences/conferences';
import { formatDateTime, formatNumber } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT, type CyclesKey } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import { ActionForm, CyclesPage, href, SelectField, TextField, type Outcome } from '../cycles-ui';
import type { Failed } from './reception-session';

type ConferenceItem = Awaited<ReturnType<typeof listConferences>>['items'][number];
type ProposalItem = Awaited<ReturnType<typeof listProposals>>['items'][number];

export const conferenceStatusLabel = (ctx: PageContext, status: string) =>
  cyclesT(ctx)(`confStatus_${status}` as CyclesKey);
export const conferenceKindLabel = (ctx: PageContext, kind: string) => cyclesT(ctx)(`conf_${kind}` as CyclesKey);

export interface CallOptions {
  units: { id: string; name: string }[];
  chairs: PersonOption[];
  announceAtLeastDays: number;
  basis: string;
}

export function ConferencesPage(props: {
  ctx: PageContext;
  isLeader: boolean;
  conferences: ConferenceItem[];
  proposals: ProposalItem[];
  unitNames: Map<string, string>;
  /** Present when the person may call a conference. */
  call: CallOptions | null;
  outcome?: Outcome | null;
  failed?: Failed;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const err = (path: string) => (props.failed?.action === 'call' ? props.failed.errors[path] : undefined);
  const val = (name: string) => (props.failed?.action === 'call' ? props.failed.values[name] : undefined);
  const open = props.proposals.filter((p) => p.status === 'open');
  return (
    <CyclesPage ctx={ctx} title={w('conferencesTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <table id="conferences-table">
        <caption>{w('conferencesCaption', { count: formatNumber(props.conferences.length, ctx.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{w('colTitle')}</th>
            <th scope="col">{w('colStarts')}</th>
            <th scope="col">{w('colKind')}</th>
            <th scope="col">{w('colUnit')}</th>
            <th scope="col">{w('colStatus')}</th>
            <th scope="col" class="num">
              {w('colOpinions')}
            </th>
            <th scope="col" class="num">
              {w('colCommitments')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.conferences.length === 0 ? (
            <tr>
              <td colSpan={7}>{w('none')}</td>
            </tr>
          ) : (
            props.conferences.map((c) => (
              <tr>
                <td>
                  <a href={href(`/conferences/${encodeURIComponent(c.id)}`)}>{c.title}</a>
                </td>
                <td>{formatDateTime(c.startsAt, ctx.lang)}</td>
                <td>{conferenceKindLabel(ctx, c.kind)}</td>
                <td>{props.unitNames.get(c.unitId) ?? c.unitId}</td>
                <td>{conferenceStatusLabel(ctx, c.status)}</td>
                <td class="num">{formatNumber(c.opinions, ctx.lang)}</td>
                <td class="num">{formatNumber(c.commitments, ctx.lang)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {props.proposals.length ? (
        <table id="proposals-table">
          <caption>{w('proposalsCaption', { count: formatNumber(props.proposals.length, ctx.lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{w('colUnit')}</th>
              <th scope="col">{w('colField')}</th>
              <th scope="col">{w('colProposalReason')}</th>
              <th scope="col">{w('colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {props.proposals.map((p) => (
              <tr>
                <td>{props.unitNames.get(p.unitId) ?? p.unitId}</td>
                <td>{p.field}</td>
                <td>{p.reason}</td>
                <td>{w(p.status === 'accepted' ? 'proposal_accepted' : 'proposal_open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {props.call ? (
        <section aria-labelledby="call-heading" class="actions">
          <h2 id="call-heading">{w('actionsHeading')}</h2>
          <ActionForm
            ctx={ctx}
            action="call"
            label={w('action_call')}
            path="/conferences"
            open={Boolean(props.failed) || props.conferences.length === 0}
          >
            <SelectField
              id="call-unit"
              name="unitId"
              label={w('callUnit')}
              required
              value={val('unitId')}
              options={props.call.units.map((u) => ({ value: u.id, label: u.name }))}
              error={err('unitId')}
            />
            <SelectField
              id="call-kind"
              name="kind"
              label={w('callKind')}
              value={val('kind') ?? (open.length ? 'adhoc' : 'regular')}
              options={(['regular', 'adhoc'] as const).map((k) => ({ value: k, label: w(`conf_${k}`) }))}
              error={err('kind')}
            />
            <TextField
              id="call-title"
              name="title"
              label={w('callTitle')}
              required
              value={val('title')}
              error={err('title')}
            />
            <TextField id="call-topic" name="topic" label={w('callTopic')} value={val('topic')} error={err('topic')} />
            <TextField
              id="call-starts"
              name="startsAt"
              type="datetime-local"
              label={w('callStartsAt')}
              hint={w('callStartsAtHint', { days: props.call.announceAtLeastDays, basis: props.call.basis })}
              required
              value={val('startsAt')}
              error={err('startsAt')}
            />
            <TextField
              id="call-location"
              name="location"
              label={w('callLocation')}
              required
              value={val('location')}
              error={err('location')}
            />
            <SelectField
              id="call-chair"
              name="chairId"
              label={w('callChair')}
              required
              value={val('chairId') ?? ctx.principal?.personId}
              options={props.call.chairs.map((p) => ({ value: p.id, label: p.fullName }))}
              error={err('chairId')}
            />
            {open.length ? (
              <SelectField
                id="call-proposal"
                name="proposalId"
                label={w('callProposal')}
                value={val('proposalId')}
                options={[
                  { value: '', label: w('callNoProposal') },
                  ...open.map((p) => ({ value: p.id, label: p.reason })),
                ]}
                error={err('proposalId')}
              />
            ) : null}
          </ActionForm>
        </section>
      ) : null}
    </CyclesPage>
  );
}
