import type { listIdentityGrants } from '../../../org/identity-grants';
import { formatDate, formatNumber } from '../../../web/format';
import { caseHref } from '../../components';
import type { PageContext } from '../../page-context';
import { CsrfField } from '../../shell';
import { cyclesT } from '../cycles-messages';
import type { PersonOption } from '../cycles-people';
import { ActionForm, CyclesPage, href, SelectField, TextField, type Outcome } from '../cycles-ui';
import type { Failed } from './reception-session';

type Grant = Awaited<ReturnType<typeof listIdentityGrants>>[number];

export interface GrantRow extends Grant {
  personName: string;
  grantedByName: string;
  scopeLabel: string;
  petitionCode: string | null;
  canRevoke: boolean;
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
  const err = (path: string) => props.failed?.errors[path];
  const val = (name: string) => props.failed?.values[name];
  const state = (g: Grant) => (g.revokedAt ? 'grant_revoked' : g.active ? 'grant_active' : 'grant_expired');
  return (
    <CyclesPage ctx={ctx} title={w('grantsTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <p>{w('grantsIntro')}</p>
      <table id="grants-table">
        <caption>{w('grantsCaption', { count: formatNumber(props.grants.length, ctx.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{w('colSupervisor')}</th>
            <th scope="col">{w('colScope')}</th>
            <th scope="col">{w('fieldReason')}</th>
            <th scope="col">{w('colGrantedBy')}</th>
            <th scope="col">{w('colExpires')}</th>
            <th scope="col">{w('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {props.grants.length === 0 ? (
            <tr>
              <td colSpan={6}>{w('none')}</td>
            </tr>
          ) : (
            props.grants.map((g) => (
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
            ))
          )}
        </tbody>
      </table>
      {props.form ? (
        <section aria-labelledby="grant-heading" class="actions">
          <h2 id="grant-heading">{w('actionsHeading')}</h2>
          <ActionForm
            ctx={ctx}
            action="grant"
            label={w('action_grant')}
            path="/identity-grants"
            open={Boolean(props.failed) || props.grants.length === 0}
          >
            <SelectField
              id="grant-person"
              name="personId"
              label={w('grantPerson')}
              required
              value={val('personId')}
              options={props.form.supervisors.map((p) => ({ value: p.id, label: p.fullName }))}
              error={err('personId')}
            />
            <fieldset>
              <legend>{w('grantScope')}</legend>
              <div>
                <input
                  type="radio"
                  id="grant-scope-unit"
                  name="scope"
                  value="unit"
                  checked={val('scope') !== 'petition'}
                />
                <label for="grant-scope-unit" class="inline-label">
                  {w('grantScopeUnit')}
                </label>
              </div>
              <SelectField
                id="grant-unit"
                name="unitId"
                label={w('grantUnit')}
                value={val('unitId')}
                options={props.form.units.map((u) => ({ value: u.id, label: u.name }))}
                error={err('unitId')}
              />
              <div>
                <input
                  type="radio"
                  id="grant-scope-petition"
                  name="scope"
                  value="petition"
                  checked={val('scope') === 'petition'}
                />
                <label for="grant-scope-petition" class="inline-label">
                  {w('grantScopePetition')}
                </label>
              </div>
              <TextField
                id="grant-code"
                name="trackingCode"
                label={w('grantPetitionCode')}
                value={val('trackingCode')}
                error={err('trackingCode') ?? err('petitionId')}
              />
            </fieldset>
            <TextField
              id="grant-reason"
              name="reason"
              label={w('grantReason')}
              required
              value={val('reason')}
              error={err('reason')}
            />
            <TextField
              id="grant-expires"
              name="expiresAt"
              type="date"
              label={w('grantExpiresAt')}
              value={val('expiresAt')}
              error={err('expiresAt')}
            />
          </ActionForm>
        </section>
      ) : null}
    </CyclesPage>
  );
}
