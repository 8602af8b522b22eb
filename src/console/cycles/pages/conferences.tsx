import type { listConferences, listProposals } from '../../../conferences/conferences';
import { formatDateTime, formatNumber } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT, type CyclesKey } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import { DataTable, numeric } from '../../data-table';
import {
  CyclesPage,
  href,
  refusedForm,
  SelectField,
  SoleAction,
  TextField,
  type Failed,
  type Outcome,
} from '../cycles-ui';

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
  unitNames: ReadonlyMap<string, string>;
  /** Present when the person may call a conference. */
  call: CallOptions | null;
  outcome?: Outcome | null;
  failed?: Failed;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const { val, field } = refusedForm(props.failed, 'call');
  // Open when a refused form comes back, or when there is nothing yet but this to do.
  const isFormOpen = Boolean(props.failed) || props.conferences.length === 0;
  const open = props.proposals.filter((p) => p.status === 'open');
  return (
    <CyclesPage ctx={ctx} title={w('conferencesTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <DataTable
        id="conferences-table"
        caption={w('conferencesCaption', { count: formatNumber(props.conferences.length, ctx.lang) })}
        columns={[
          w('colTitle'),
          w('colStarts'),
          w('colKind'),
          w('colUnit'),
          w('colStatus'),
          numeric(w('colOpinions')),
          numeric(w('colCommitments')),
        ]}
        empty={w('none')}
        rows={props.conferences.map((c) => (
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
        ))}
      />

      {props.proposals.length ? (
        <DataTable
          id="proposals-table"
          caption={w('proposalsCaption', { count: formatNumber(props.proposals.length, ctx.lang) })}
          columns={[w('colUnit'), w('colField'), w('colProposalReason'), w('colStatus')]}
          rows={props.proposals.map((p) => (
            <tr>
              <td>{props.unitNames.get(p.unitId) ?? p.unitId}</td>
              <td>{p.field}</td>
              <td>{p.reason}</td>
              <td>{w(p.status === 'accepted' ? 'proposal_accepted' : 'proposal_open')}</td>
            </tr>
          ))}
        />
      ) : null}

      {props.call ? (
        <SoleAction ctx={ctx} action="call" label={w('action_call')} path="/conferences" open={isFormOpen}>
          <SelectField
            {...field('unitId')}
            id="call-unit"
            label={w('callUnit')}
            required
            options={props.call.units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <SelectField
            {...field('kind')}
            id="call-kind"
            label={w('callKind')}
            value={val('kind') ?? (open.length ? 'adhoc' : 'regular')}
            options={(['regular', 'adhoc'] as const).map((k) => ({ value: k, label: w(`conf_${k}`) }))}
          />
          <TextField {...field('title')} id="call-title" label={w('callTitle')} required />
          <TextField {...field('topic')} id="call-topic" label={w('callTopic')} />
          <TextField
            {...field('startsAt')}
            id="call-starts"
            type="datetime-local"
            label={w('callStartsAt')}
            hint={w('callStartsAtHint', { days: props.call.announceAtLeastDays, basis: props.call.basis })}
            required
          />
          <TextField {...field('location')} id="call-location" label={w('callLocation')} required />
          <SelectField
            {...field('chairId')}
            id="call-chair"
            label={w('callChair')}
            required
            value={val('chairId') ?? ctx.principal?.personId}
            options={props.call.chairs.map((p) => ({ value: p.id, label: p.fullName }))}
          />
          {open.length ? (
            <SelectField
              {...field('proposalId')}
              id="call-proposal"
              label={w('callProposal')}
              options={[
                { value: '', label: w('callNoProposal') },
                ...open.map((p) => ({ value: p.id, label: p.reason })),
              ]}
            />
          ) : null}
        </SoleAction>
      ) : null}
    </CyclesPage>
  );
}
