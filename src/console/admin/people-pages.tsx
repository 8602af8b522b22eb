// People of the administered units, adding one, and one person's role bindings and account.
import type { PageContext } from '../page-context';
import { DataTable } from '../data-table';
import { AdminForm, Labelled, RowAction } from './admin-forms';
import { adminWords, type AdminKey } from './admin-messages';
import { ADMIN_BASE, AdminPage, unitLabel, type FormProblem } from './admin-shell';
import type { UnitRow } from './units-pages';

export const ROLES = ['officer', 'leader', 'supervisor', 'admin'] as const;

export interface PersonRow {
  id: string;
  username: string;
  fullName: string;
  email: string;
  unitId: string;
  active: boolean;
  post: string | null;
  roleBindings: { id: string; role: string; unitId: string }[];
}

export const personHref = (id: string) => `${ADMIN_BASE}/people/${encodeURIComponent(id)}`;

export interface NewPersonForm {
  username: string;
  fullName: string;
  email: string;
  unitId: string;
  post: string;
  role: string;
}

function UnitOptions({ ctx, units, selected }: { ctx: PageContext; units: UnitRow[]; selected: string }) {
  return (
    <>
      {units.map((u) => (
        <option value={u.id} selected={u.id === selected}>
          {unitLabel(ctx, u)} ({u.id})
        </option>
      ))}
    </>
  );
}

export function PeoplePage(props: {
  ctx: PageContext;
  people: PersonRow[];
  units: UnitRow[];
  form: NewPersonForm;
  done?: string;
  problem?: FormProblem | null;
}) {
  const { ctx, units } = props;
  const a = adminWords(ctx);
  const unitName = new Map(units.map((u) => [u.id, unitLabel(ctx, u)]));
  return (
    <AdminPage ctx={ctx} title={a('peopleTitle')} done={props.done} problem={props.problem}>
      <DataTable
        caption={a('peopleCaption', { count: props.people.length })}
        columns={[a('colFullName'), a('colUsername'), a('colUnit'), a('colRoles'), a('colStatus')]}
        rows={props.people.map((p) => (
          <tr data-person={p.id}>
            <td>
              <a href={personHref(p.id)}>{p.fullName}</a>
            </td>
            <td>{p.username}</td>
            <td>{unitName.get(p.unitId) ?? p.unitId}</td>
            <td>
              {p.roleBindings.length === 0
                ? a('none')
                : p.roleBindings
                    .map((b) => `${a(`role_${b.role}` as AdminKey)} (${unitName.get(b.unitId) ?? b.unitId})`)
                    .join('; ')}
            </td>
            <td>{p.active ? a('statusActive') : a('statusInactive')}</td>
          </tr>
        ))}
      />
      <AdminForm ctx={ctx} action={`${ADMIN_BASE}/people`} legend={a('addPersonLegend')} submit={a('addPersonSubmit')}>
        <Labelled for="username" label={a('fieldUsername')}>
          <input id="username" name="username" required autocomplete="off" value={props.form.username} />
        </Labelled>
        <Labelled for="fullName" label={a('fieldFullName')}>
          <input id="fullName" name="fullName" required value={props.form.fullName} />
        </Labelled>
        <Labelled for="email" label={a('fieldEmail')}>
          <input id="email" name="email" type="email" required value={props.form.email} />
        </Labelled>
        <Labelled for="password" label={a('fieldPassword')}>
          <input id="password" name="password" type="password" required minLength={10} autocomplete="new-password" />
        </Labelled>
        <Labelled for="unitId" label={a('fieldUnit')}>
          <select id="unitId" name="unitId">
            <UnitOptions ctx={ctx} units={units} selected={props.form.unitId} />
          </select>
        </Labelled>
        <Labelled for="role" label={a('fieldFirstRole')}>
          <select id="role" name="role">
            <option value="">{a('noRole')}</option>
            {ROLES.map((r) => (
              <option value={r} selected={r === props.form.role}>
                {a(`role_${r}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled
          for="post"
          label={
            <>
              {a('fieldPost')} <span class="hint">— {a('fieldPostHint')}</span>
            </>
          }
        >
          <input id="post" name="post" value={props.form.post} />
        </Labelled>
      </AdminForm>
    </AdminPage>
  );
}

export function PersonPage(props: {
  ctx: PageContext;
  person: PersonRow;
  units: UnitRow[];
  done?: string;
  problem?: FormProblem | null;
}) {
  const { ctx, person, units } = props;
  const a = adminWords(ctx);
  const unitName = new Map(units.map((u) => [u.id, unitLabel(ctx, u)]));
  const base = personHref(person.id);
  return (
    <AdminPage ctx={ctx} title={a('personTitle', { name: person.fullName })} done={props.done} problem={props.problem}>
      <dl>
        <dt>{a('colUsername')}</dt>
        <dd>{person.username}</dd>
        <dt>{a('colEmail')}</dt>
        <dd>{person.email}</dd>
        <dt>{a('colUnit')}</dt>
        <dd>{unitName.get(person.unitId) ?? person.unitId}</dd>
        <dt>{a('colStatus')}</dt>
        <dd>{person.active ? a('statusActive') : a('statusInactive')}</dd>
      </dl>
      <DataTable
        caption={a('bindingsCaption', { name: person.fullName })}
        columns={[a('colRole'), a('colUnit'), a('colActions')]}
        empty={a('noBindings')}
        rows={person.roleBindings.map((b) => {
          const role = a(`role_${b.role}` as AdminKey);
          const unit = unitName.get(b.unitId) ?? b.unitId;
          return (
            <tr data-binding={`${b.role}:${b.unitId}`}>
              <td>{role}</td>
              <td>{unit}</td>
              <td>
                <RowAction
                  ctx={ctx}
                  action={`${base}/roles/${encodeURIComponent(b.id)}/remove`}
                  label={a('unbindShort')}
                  ariaLabel={a('unbind', { role, unit })}
                />
              </td>
            </tr>
          );
        })}
      />
      <AdminForm ctx={ctx} action={`${base}/roles`} legend={a('bindLegend')} submit={a('bindSubmit')}>
        <Labelled for="bind-role" label={a('colRole')}>
          <select id="bind-role" name="role">
            {ROLES.map((r) => (
              <option value={r}>{a(`role_${r}`)}</option>
            ))}
          </select>
        </Labelled>
        <Labelled for="bind-unit" label={a('colUnit')}>
          <select id="bind-unit" name="unitId">
            <UnitOptions ctx={ctx} units={units} selected={person.unitId} />
          </select>
        </Labelled>
      </AdminForm>
      <AdminForm
        ctx={ctx}
        action={`${base}/active`}
        legend={a('accountLegend')}
        submit={person.active ? a('deactivate') : a('activate')}
      >
        <input type="hidden" name="active" value={person.active ? 'false' : 'true'} />
        {person.active ? <p class="hint">{a('deactivateHint')}</p> : null}
      </AdminForm>
      <p>
        <a href={`${ADMIN_BASE}/people`}>{a('backToPeople')}</a>
      </p>
    </AdminPage>
  );
}
