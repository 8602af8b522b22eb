// API tokens: the list (never the token itself), create with scopes (the token shown on this one answer), revoke.
import { formatDateTime } from '../../web/format';
import type { PageContext } from '../page-context';
import { DataTable } from '../data-table';
import { Notice } from '../shell';
import { AdminForm, Labelled, RowAction } from './admin-forms';
import { adminWords, type AdminKey } from './admin-messages';
import { ADMIN_BASE, AdminPage, unitLabel, type FormProblem } from './admin-shell';
import type { UnitRow } from './units-pages';

export interface TokenRow {
  id: string;
  name: string;
  prefix?: string | null;
  scopes: string[];
  unitId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  units: UnitRow[];
  scopes: readonly string[];
  created?: { name: string; token: string } | null;
  done?: string;
  problem?: FormProblem | null;
}) {
  const { ctx } = props;
  const a = adminWords(ctx);
  const unitName = new Map(props.units.map((u) => [u.id, unitLabel(ctx, u)]));
  const scopeLabel = (s: string) => a(`scope_${s}` as AdminKey);
  return (
    <AdminPage ctx={ctx} title={a('tokensTitle')} done={props.done} problem={props.problem}>
      <p>{a('tokensIntro')}</p>
      {props.created ? (
        <Notice kind="success" live>
          <p>{a('tokenCreated', { name: props.created.name })}</p>
          <p>
            <label for="new-token">{a('tokenValue')}</label>
            <input id="new-token" class="token" readOnly value={props.created.token} size={60} />
          </p>
        </Notice>
      ) : null}
      <DataTable
        caption={a('tokensCaption', { count: props.tokens.length })}
        columns={[
          a('colTokenName'),
          a('colPrefix'),
          a('colUnit'),
          a('colScopes'),
          a('colCreated'),
          a('colLastUsed'),
          a('colStatus'),
          a('colActions'),
        ]}
        empty={a('noTokens')}
        rows={props.tokens.map((t) => (
          <tr data-token={t.id}>
            <td>{t.name}</td>
            <td>{t.prefix ? <code>{t.prefix}…</code> : a('none')}</td>
            <td>{unitName.get(t.unitId) ?? t.unitId}</td>
            <td>{t.scopes.map(scopeLabel).join('; ')}</td>
            <td>{formatDateTime(t.createdAt, ctx.lang)}</td>
            <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, ctx.lang) : a('neverUsed')}</td>
            <td>{t.revokedAt ? a('tokenRevoked', { at: formatDateTime(t.revokedAt, ctx.lang) }) : a('tokenActive')}</td>
            <td>
              {t.revokedAt ? (
                a('none')
              ) : (
                <RowAction
                  ctx={ctx}
                  action={`${ADMIN_BASE}/tokens/${encodeURIComponent(t.id)}/revoke`}
                  label={a('revokeShort')}
                  ariaLabel={a('revoke', { name: t.name })}
                />
              )}
            </td>
          </tr>
        ))}
      />
      <AdminForm
        ctx={ctx}
        action={`${ADMIN_BASE}/tokens`}
        legend={a('createTokenLegend')}
        submit={a('createTokenSubmit')}
      >
        <Labelled for="token-name" label={a('fieldTokenName')}>
          <input id="token-name" name="name" required maxLength={100} />
        </Labelled>
        <Labelled for="token-unit" label={a('colUnit')}>
          <select id="token-unit" name="unitId">
            {props.units.map((u) => (
              <option value={u.id}>
                {unitLabel(ctx, u)} ({u.id})
              </option>
            ))}
          </select>
        </Labelled>
        <fieldset>
          <legend>{a('fieldScopes')}</legend>
          {props.scopes.map((s, i) => (
            <div>
              <input type="checkbox" id={`scope-${i}`} name="scopes" value={s} />
              <label for={`scope-${i}`}>{scopeLabel(s)}</label>
            </div>
          ))}
        </fieldset>
      </AdminForm>
    </AdminPage>
  );
}
