import type { listIdentityGrants } from '../../../org/identity-grants';
import { formatDate, formatNumber } from '../../../web/format';
import { caseHref } from '../../components';
import type { PageContext } from '../../page-context';
import { CsrfField } from '../../shell';
import { cyclesT } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import { DataTable } from '../../data-table';
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

type Grant = Awaited<ReturnType<typeof listIdentityGrants>>[number];

export interface GrantRow extends Grant {
  personName: string;
  grantedByName: string;
  scopeLabel: string;
  petitionCode: string | null;
  canRevoke: boolean;
}

function ScopeChoice(props: { value: 'unit' | 'petition'; label: string; checked: boolean }) {
  const id = `grant-scope-${props.value}`;
  return (
    <div>
      <input type="radio" id={id} name="scope" value={props.value} checked={props.checked} />
      <label for={id} class="inline-label">
        {props.label}
      </label>
    </div>
  );
}

export function IdentityGrantsPage(props: {
  ctx: PageContext;
  isLeader: boolean;
  grants: GrantRow[];
  /** Present for a leader: whom and where they may grant. */
  form: { supervisors: PersonOption[]; units: { id: string; name: string }[] } | null;
  outcome?: Outcome | null;
  failed?: Failed;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const { err, val, field } = refusedForm(props.failed);
  // Open when a refused form comes back, or when there is nothing yet but this to do.
  const isFormOpen = Boolean(props.failed) || props.grants.length === 0;
  const state = (g: Grant) => (g.revokedAt ? 'grant_revoked' : g.active ? 'grant_active' : 'grant_expired');
  return (
    <CyclesPage ctx={ctx} title={w('grantsTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <p>{w('grantsIntro')}</p>
      <DataTable
        id="grants-table"
        caption={w('grantsCaption', { count: formatNumber(props.grants.length, ctx.lang) })}
        columns={[
          w('colSupervisor'),
          w('colScope'),
          w('fieldReason'),
          w('colGrantedBy'),
          w('colExpires'),
          w('colStatus'),
        ]}
        empty={w('none')}
        rows={props.grants.map((g) => (
          <tr data-grant={g.id}>
            <td>{g.personName}</td>
            <td>{g.petitionId ? <a href={caseHref(g.petitionId)}>{g.scopeLabel}</a> : g.scopeLabel}</td>
            <td>{g.reason}</td>
            <td>{g.grantedByName}</td>
            <td>{g.expiresAt ? formatDate(g.expiresAt, ctx.lang) : w('noExpiry')}</td>
            <td>
              {w(state(g))}
              {g.active && g.canRevoke ? (
                <form
                  class="inline"
                  method="post"
                  action={href(`/identity-grants/${encodeURIComponent(g.id)}/revoke`)}
                  data-action="revoke"
                >
                  <CsrfField ctx={ctx} />
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={`${w('action_revoke')}: ${g.personName}, ${g.scopeLabel}`}
                  >
                    {w('action_revoke')}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      />
      {props.form ? (
        <SoleAction ctx={ctx} action="grant" label={w('action_grant')} path="/identity-grants" open={isFormOpen}>
          <SelectField
            {...field('personId')}
            id="grant-person"
            label={w('grantPerson')}
            required
            options={props.form.supervisors.map((p) => ({ value: p.id, label: p.fullName }))}
          />
          <fieldset>
            <legend>{w('grantScope')}</legend>
            <ScopeChoice value="unit" label={w('grantScopeUnit')} checked={val('scope') !== 'petition'} />
            <SelectField
              {...field('unitId')}
              id="grant-unit"
              label={w('grantUnit')}
              options={props.form.units.map((u) => ({ value: u.id, label: u.name }))}
            />
            <ScopeChoice value="petition" label={w('grantScopePetition')} checked={val('scope') === 'petition'} />
            <TextField
              {...field('trackingCode')}
              id="grant-code"
              label={w('grantPetitionCode')}
              error={err('trackingCode') ?? err('petitionId')}
            />
          </fieldset>
          <TextField {...field('reason')} id="grant-reason" label={w('grantReason')} required />
          <TextField {...field('expiresAt')} id="grant-expires" type="date" label={w('grantExpiresAt')} />
        </SoleAction>
      ) : null}
    </CyclesPage>
  );
}
