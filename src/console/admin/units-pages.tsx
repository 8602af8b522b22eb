// Units as a tree, and one unit's forms: rename, move, the responsible leader.
import type { PageContext } from '../page-context';
import { AdminForm, Labelled } from './admin-forms';
import { adminWords, type AdminKey } from './admin-messages';
import { ADMIN_BASE, AdminPage, unitLabel, type FormProblem } from './admin-shell';

export interface UnitRow {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentId: string | null;
  responsibleLeader: { id: string; fullName: string } | null;
}

export const unitHref = (id: string) => `${ADMIN_BASE}/units/${encodeURIComponent(id)}`;

function childrenOf(units: UnitRow[], parentId: string | null, known: Set<string>): UnitRow[] {
  return units.filter((u) => (parentId === null ? !u.parentId || !known.has(u.parentId) : u.parentId === parentId));
}

function Branch(props: { ctx: PageContext; units: UnitRow[]; nodes: UnitRow[]; known: Set<string> }) {
  const a = adminWords(props.ctx);
  if (props.nodes.length === 0) return null;
  return (
    <ul>
      {props.nodes.map((u) => (
        <li data-unit={u.id}>
          <a href={unitHref(u.id)} aria-label={a('unitEdit', { name: unitLabel(props.ctx, u) })}>
            {unitLabel(props.ctx, u)}
          </a>{' '}
          <span class="hint">
            ({a(`level_${u.level}` as AdminKey)} · {u.id} · {a('colLeader')}:{' '}
            {u.responsibleLeader?.fullName ?? a('noLeader')})
          </span>
          <Branch
            ctx={props.ctx}
            units={props.units}
            nodes={childrenOf(props.units, u.id, props.known)}
            known={props.known}
          />
        </li>
      ))}
    </ul>
  );
}

export function UnitsPage({ ctx, units }: { ctx: PageContext; units: UnitRow[] }) {
  const a = adminWords(ctx);
  const known = new Set(units.map((u) => u.id));
  return (
    <AdminPage ctx={ctx} title={a('unitsTitle')}>
      <section aria-labelledby="tree-heading" class="unit-tree">
        <h2 id="tree-heading">{a('unitsTree')}</h2>
        <Branch ctx={ctx} units={units} nodes={childrenOf(units, null, known)} known={known} />
      </section>
    </AdminPage>
  );
}

export interface UnitPageProps {
  ctx: PageContext;
  unit: UnitRow;
  /** Units it may be moved under (its own subtree left out; the use case checks again). */
  parents: UnitRow[];
  /** Leaders of the unit or a unit above it. */
  leaders: { id: string; fullName: string }[];
  done?: string;
  problem?: FormProblem | null;
}

export function UnitPage({ ctx, unit, parents, leaders, done, problem }: UnitPageProps) {
  const a = adminWords(ctx);
  const action = unitHref(unit.id);
  return (
    <AdminPage ctx={ctx} title={a('unitTitle', { name: unitLabel(ctx, unit) })} done={done} problem={problem}>
      <p>
        {a('colId')}: <code>{unit.id}</code> · {a('colLevel')}: {a(`level_${unit.level}` as AdminKey)}
      </p>
      <AdminForm
        ctx={ctx}
        action={action}
        hidden={{ intent: 'rename' }}
        legend={a('renameLegend')}
        submit={a('renameSubmit')}
      >
        <Labelled for="name" label={a('fieldName')}>
          <input id="name" name="name" required maxLength={200} value={unit.name} />
        </Labelled>
        <Labelled for="nameEn" label={a('fieldNameEn')}>
          <input id="nameEn" name="nameEn" maxLength={200} value={unit.nameEn ?? ''} lang="en" />
        </Labelled>
      </AdminForm>
      <AdminForm
        ctx={ctx}
        action={action}
        hidden={{ intent: 'move' }}
        legend={a('moveLegend')}
        submit={a('moveSubmit')}
      >
        <Labelled for="parentId" label={a('fieldParent')}>
          <select id="parentId" name="parentId">
            {parents.map((p) => (
              <option value={p.id} selected={p.id === unit.parentId}>
                {unitLabel(ctx, p)} ({p.id})
              </option>
            ))}
          </select>
        </Labelled>
      </AdminForm>
      <AdminForm
        ctx={ctx}
        action={action}
        hidden={{ intent: 'leader' }}
        legend={a('leaderLegend')}
        submit={a('leaderSubmit')}
      >
        <p class="hint">{a('leaderHint')}</p>
        <Labelled for="personId" label={a('fieldLeader')}>
          <select id="personId" name="personId">
            <option value="">{a('noLeader')}</option>
            {leaders.map((p) => (
              <option value={p.id} selected={p.id === unit.responsibleLeader?.id}>
                {p.fullName} ({p.id})
              </option>
            ))}
          </select>
        </Labelled>
      </AdminForm>
      <p>
        <a href={`${ADMIN_BASE}/units`}>{a('backToUnits')}</a>
      </p>
    </AdminPage>
  );
}
