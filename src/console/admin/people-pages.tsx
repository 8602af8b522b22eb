// People of the administered units, adding one, and one person's role bindings and account.
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';
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
      <table>
        <caption>{a('peopleCaption', { count: props.people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{a('colFullName')}</th>
            <th scope="col">{a('colUsername')}</th>
            <th scope="col">{a('colUnit')}</th>
            <th scope="col">{a('colRoles')}</th>
            <th scope="col">{a('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
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
        </tbody>
      </table>
      <form class="stack" method="post" action={`${ADMIN_BASE}/people`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{a('addPersonLegend')}</legend>
          <div>
            <label for="username">{a('fieldUsername')}</label>
            <input id="username" name="username" required autocomplete="off" value={props.form.username} />
          </div>
          <div>
            <label for="fullName">{a('fieldFullName')}</label>
            <input id="fullName" name="fullName" required value={props.form.fullName} />
          </div>
          <div>
            <label for="email">{a('fieldEmail')}</label>
            <input id="email" name="email" type="email" required value={props.form.email} />
          </div>
          <div>
            <label for="password">{a('fieldPassword')}</label>
            <input id="password" name="password" type="password" required minLength={10} autocomplete="new-password" />
          </div>
          <div>
            <label for="unitId">{a('fieldUnit')}</label>
            <select id="unitId" name="unitId">
              <UnitOptions ctx={ctx} units={units} selected={props.form.unitId} />
            </select>
          </div>
          <div>
            <label for="role">{a('fieldFirstRole')}</label>
            <select id="role" name="role">
              <option value="">{a('noRole')}</option>
              {ROLES.map((r) => (
                <option value={r} selected={r === props.form.role}>
                  {a(`role_${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="post">
              {a('fieldPost')} <span class="hint">— {a('fieldPostHint')}</span>
            </label>
            <input id="post" name="post" value={props.form.post} />
          </div>
          <button type="submit">{a('addPersonSubmit')}</button>
        </fieldset>
      </form>
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
      <table>
        <caption>{a('bindingsCaption', { name: person.fullName })}</caption>
        <thead>
          <tr>
            <th scope="col">{a('colRole')}</th>
            <th scope="col">{a('colUnit')}</th>
            <th scope="col">{a('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {person.roleBindings.length === 0 ? (
            <tr>
              <td colSpan={3}>{a('noBindings')}</td>
            </tr>
          ) : (
            person.roleBindings.map((b) => {
              const role = a(`role_${b.role}` as AdminKey);
              const unit = unitName.get(b.unitId) ?? b.unitId;
              return (
                <tr data-binding={`${b.role}:${b.unitId}`}>
                  <td>{role}</td>
                  <td>{unit}</td>
                  <td>
                    <form method="post" action={`${base}/roles/${encodeURIComponent(b.id)}/remove`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" aria-label={a('unbind', { role, unit })}>
                        {a('unbindShort')}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      <form class="stack" method="post" action={`${base}/roles`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{a('bindLegend')}</legend>
          <div>
            <label for="bind-role">{a('colRole')}</label>
            <select id="bind-role" name="role">
              {ROLES.map((r) => (
                <option value={r}>{a(`role_${r}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="bind-unit">{a('colUnit')}</label>
            <select id="bind-unit" name="unitId">
              <UnitOptions ctx={ctx} units={units} selected={person.unitId} />
            </select>
          </div>
          <button type="submit">{a('bindSubmit')}</button>
        </fieldset>
      </form>
      <form class="stack" method="post" action={`${base}/active`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{a('accountLegend')}</legend>
          <input type="hidden" name="active" value={person.active ? 'false' : 'true'} />
          {person.active ? <p class="hint">{a('deactivateHint')}</p> : null}
          <button type="submit">{person.active ? a('deactivate') : a('activate')}</button>
        </fieldset>
      </form>
      <p>
        <a href={`${ADMIN_BASE}/people`}>{a('backToPeople')}</a>
      </p>
    </AdminPage>
  );
}
