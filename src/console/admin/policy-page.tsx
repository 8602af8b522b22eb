// Deadline policy versions: each version's limits with the legal basis written beside them, and a form
// adding a version (the use case validates it with the same schema as the API and the seed file).
import { formatDate } from '../../web/format';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';
import { adminWords, type AdminKey } from './admin-messages';
import { ADMIN_BASE, AdminPage, unitLabel, type FormProblem } from './admin-shell';
import type { UnitRow } from './units-pages';

export interface PolicyVersionRow {
  version: string;
  effectiveFrom: string;
  unitId: string | null;
  note: string | null;
  document: unknown;
}

export interface PolicyForm {
  version: string;
  effectiveFrom: string;
  unitId: string;
  note: string;
  document: string;
}

interface RuleRow {
  kind: string;
  clock: string;
  variant: string | null;
  spec: unknown;
}

const CLOCKS = ['triage', 'resolution', 'reportBack'] as const;

/** The rows of a stored document: each clock, each of its variants, the notice after reception. */
function rulesOf(document: unknown): RuleRow[] {
  const kinds = ((document ?? {}) as { kinds?: Record<string, Record<string, unknown>> }).kinds ?? {};
  const rows: RuleRow[] = [];
  for (const [kind, policy] of Object.entries(kinds)) {
    const clocks = (policy.clocks ?? {}) as Record<string, unknown>;
    const variants = (policy.variants ?? {}) as Record<string, Record<string, unknown>>;
    for (const clock of CLOCKS) {
      if (clocks[clock] !== undefined) rows.push({ kind, clock, variant: null, spec: clocks[clock] });
      for (const [variant, spec] of Object.entries(variants[clock] ?? {})) rows.push({ kind, clock, variant, spec });
    }
    if (policy.noticeAfterReception)
      rows.push({ kind, clock: 'notice', variant: null, spec: policy.noticeAfterReception });
  }
  return rows;
}

function Limit({ ctx, spec }: { ctx: PageContext; spec: unknown }) {
  const a = adminWords(ctx);
  if (typeof spec === 'string') return <code>{spec}</code>;
  const s = spec as { limit?: number; unit?: string };
  return <>{a(s.unit === 'working_days' ? 'limitWorkingDays' : 'limitDays', { n: s.limit ?? '?' })}</>;
}

function RulesTable({ ctx, row }: { ctx: PageContext; row: PolicyVersionRow }) {
  const a = adminWords(ctx);
  const rules = rulesOf(row.document);
  return (
    <table>
      <caption>{a('rulesCaption', { version: row.version })}</caption>
      <thead>
        <tr>
          <th scope="col">{a('colKind')}</th>
          <th scope="col">{a('colClock')}</th>
          <th scope="col">{a('colCase')}</th>
          <th scope="col">{a('colLimit')}</th>
          <th scope="col">{a('colBasis')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr>
            <td>{a(`kind_${r.kind}` as AdminKey) ?? r.kind}</td>
            <td>{a(`clock_${r.clock}` as AdminKey)}</td>
            <td>{r.variant ?? a('caseNormal')}</td>
            <td>
              <Limit ctx={ctx} spec={r.spec} />
            </td>
            <td lang="vi">
              {typeof r.spec === 'object' ? ((r.spec as { basis?: string }).basis ?? a('none')) : a('none')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PolicyPage(props: {
  ctx: PageContext;
  inForce: string | null;
  versions: PolicyVersionRow[];
  units: UnitRow[];
  form: PolicyForm;
  done?: string;
  problem?: FormProblem | null;
}) {
  const { ctx } = props;
  const a = adminWords(ctx);
  const unitName = new Map(props.units.map((u) => [u.id, unitLabel(ctx, u)]));
  const newestFirst = [...props.versions].reverse();
  return (
    <AdminPage ctx={ctx} title={a('policyTitle')} done={props.done} problem={props.problem}>
      <p>{props.inForce ? a('policyInForce', { version: props.inForce }) : a('policyNoneInForce')}</p>
      {newestFirst.map((v, i) => (
        <details open={v.version === props.inForce || (i === 0 && !props.inForce)} data-version={v.version}>
          <summary>
            {a('versionHeading', { version: v.version })} —{' '}
            {a('versionFacts', {
              from: formatDate(v.effectiveFrom, ctx.lang),
              scope: v.unitId ? a('scopeUnit', { unit: unitName.get(v.unitId) ?? v.unitId }) : a('scopeNational'),
            })}
          </summary>
          {v.note ? <p lang="en">{v.note}</p> : null}
          <RulesTable ctx={ctx} row={v} />
        </details>
      ))}
      <form class="stack" method="post" action={`${ADMIN_BASE}/policy`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{a('addVersionLegend')}</legend>
          <p class="hint">{a('addVersionIntro')}</p>
          <div>
            <label for="version">{a('fieldVersion')}</label>
            <input id="version" name="version" required maxLength={100} value={props.form.version} />
          </div>
          <div>
            <label for="effectiveFrom">{a('fieldEffectiveFrom')}</label>
            <input id="effectiveFrom" name="effectiveFrom" type="date" required value={props.form.effectiveFrom} />
          </div>
          <div>
            <label for="policy-unit">{a('fieldPolicyUnit')}</label>
            <select id="policy-unit" name="unitId">
              <option value="">{a('scopeNational')}</option>
              {props.units.map((u) => (
                <option value={u.id} selected={u.id === props.form.unitId}>
                  {unitLabel(ctx, u)} ({u.id})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="note">{a('fieldPolicyNote')}</label>
            <input id="note" name="note" maxLength={500} value={props.form.note} />
          </div>
          <div>
            <label for="document">
              {a('fieldDocument')} <span class="hint">— {a('fieldDocumentHint')}</span>
            </label>
            <textarea id="document" name="document" rows={16} cols={80} spellcheck={false}>
              {props.form.document}
            </textarea>
          </div>
          <button type="submit">{a('addVersionSubmit')}</button>
        </fieldset>
      </form>
    </AdminPage>
  );
}
