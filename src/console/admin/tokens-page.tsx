// API tokens: the list (never the token itself), create with scopes (the token shown on this one answer), revoke.
import { formatDateTime } from '../../web/format';
import type { PageContext } from '../page-context';
import { CsrfField, Notice } from '../shell';
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
      <table>
        <caption>{a('tokensCaption', { count: props.tokens.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{a('colTokenName')}</th>
            <th scope="col">{a('colPrefix')}</th>
            <th scope="col">{a('colUnit')}</th>
            <th scope="col">{a('colScopes')}</th>
            <th scope="col">{a('colCreated')}</th>
            <th scope="col">{a('colLastUsed')}</th>
            <th scope="col">{a('colStatus')}</th>
            <th scope="col">{a('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.length === 0 ? (
            <tr>
              <td colSpan={8}>{a('noTokens')}</td>
            </tr>
          ) : (
            props.tokens.map((t) => (
              <tr data-token={t.id}>
                <td>{t.name}</td>
                <td>{t.prefix ? <code>{t.prefix}…</code> : a('none')}</td>
                <td>{unitName.get(t.unitId) ?? t.unitId}</td>
                <td>{t.scopes.map(scopeLabel).join('; ')}</td>
                <td>{formatDateTime(t.createdAt, ctx.lang)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, ctx.lang) : a('neverUsed')}</td>
                <td>
                  {t.revokedAt ? a('tokenRevoked', { at: formatDateTime(t.revokedAt, ctx.lang) }) : a('tokenActive')}
                </td>
                <td>
                  {t.revokedAt ? (
                    a('none')
                  ) : (
                    <form method="post" action={`${ADMIN_BASE}/tokens/${encodeURIComponent(t.id)}/revoke`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" aria-label={a('revoke', { name: t.name })}>
                        {a('revokeShort')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <form class="stack" method="post" action={`${ADMIN_BASE}/tokens`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{a('createTokenLegend')}</legend>
          <div>
            <label for="token-name">{a('fieldTokenName')}</label>
            <input id="token-name" name="name" required maxLength={100} />
          </div>
          <div>
            <label for="token-unit">{a('colUnit')}</label>
            <select id="token-unit" name="unitId">
              {props.units.map((u) => (
                <option value={u.id}>
                  {unitLabel(ctx, u)} ({u.id})
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{a('fieldScopes')}</legend>
            {props.scopes.map((s, i) => (
              <div>
                <input type="checkbox" id={`scope-${i}`} name="scopes" value={s} />
                <label for={`scope-${i}`}>{scopeLabel(s)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{a('createTokenSubmit')}</button>
        </fieldset>
      </form>
    </AdminPage>
  );
}
