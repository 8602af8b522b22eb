import type { ComponentChildren } from 'preact';
import type { PublicUnit } from '../unit-search';
import { BODY_MAX, HONEYPOT_FIELD, ONLINE_KINDS, type FilingForm, type FormErrors } from '../portal-intake';
import type { ComplaintWindow } from '../complaint-window';
import { FIELD_LABELS, type PortalKey } from '../messages';
import { Notice, PortalPage, type PortalContext } from '../portal-shell';
import { unitName } from './unit-name';

export function UnitPickerPage({ ctx, q, units }: { ctx: PortalContext; q: string; units: PublicUnit[] }) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('fileTitle')}>
      <h1>{ctx.t('fileTitle')}</h1>
      <h2>{ctx.t('pickUnitTitle')}</h2>
      <p>{ctx.t('pickUnitIntro')}</p>
      <form class="inline" method="get" action="/file" role="search">
        <label for="q">{ctx.t('unitSearch')}</label>
        <input id="q" name="q" type="search" value={q} maxLength={100} autocomplete="off" />
        <button type="submit">{ctx.t('search')}</button>
      </form>
      <h2 id="units-found">{ctx.t('unitsFound')}</h2>
      {units.length === 0 ? (
        <p role="status">{ctx.t('noUnitFound')}</p>
      ) : (
        <ul aria-labelledby="units-found">
          {units.map((u) => (
            <li>
              <a href={`/file?unit=${encodeURIComponent(u.id)}`}>{unitName(u, ctx.lang)}</a>
            </li>
          ))}
        </ul>
      )}
    </PortalPage>
  );
}

function Field(props: {
  ctx: PortalContext;
  name: keyof FilingForm;
  label: PortalKey;
  hint?: string;
  error?: PortalKey;
  optional?: boolean;
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const { ctx, name } = props;
  const ids =
    [props.hint ? `${name}-hint` : null, props.error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label for={name}>
        {ctx.t(props.label)} {props.optional ? <span class="hint">{ctx.t('optional')}</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(props.error)}
        </p>
      ) : null}
      {props.children(ids)}
    </div>
  );
}

export interface FilingPageProps {
  ctx: PortalContext;
  unit: PublicUnit;
  form?: Partial<FilingForm>;
  errors?: FormErrors;
  window?: ComplaintWindow;
}

export function FilingPage({ ctx, unit, form = {}, errors = {}, window }: FilingPageProps) {
  const kind = form.kind ?? 'feedback';
  const errorList = Object.entries(errors) as [keyof FilingForm, PortalKey][];
  const input = (
    name: keyof FilingForm,
    label: PortalKey,
    attrs: Record<string, unknown> = {},
    hint?: string,
    optional?: boolean,
  ) => (
    <Field ctx={ctx} name={name} label={label} hint={hint} error={errors[name]} optional={optional}>
      {(describedBy) => (
        <input
          id={name}
          name={name}
          value={form[name] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={errors[name] ? 'true' : undefined}
          {...attrs}
        />
      )}
    </Field>
  );
  return (
    <PortalPage ctx={ctx} title={ctx.t('fileTitle')}>
      <h1>{ctx.t('fileTitle')}</h1>
      <p>
        {ctx.t('sendTo', { unit: unitName(unit, ctx.lang) })} <a href="/file">{ctx.t('changeUnit')}</a>
      </p>
      {errorList.length ? (
        <Notice kind="error" live>
          <p>{ctx.t('errorsIntro')}</p>
          <ul>
            {errorList.map(([name, key]) => (
              <li>
                <a href={`#${name}`}>{`${labelOf(ctx, name)}: ${ctx.t(key)}`}</a>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {window ? (
        <Notice kind={window.open ? 'info' : 'warning'} live>
          <p>{ctx.t(window.open ? 'windowOpen' : 'windowClosed', { known: window.knownDay, end: window.lastDay })}</p>
        </Notice>
      ) : null}
      <form class="stack" method="post" action="/file" novalidate>
        <input type="hidden" name="unitId" value={unit.id} />
        <fieldset>
          <legend>{ctx.t('kindLegend')}</legend>
          {ONLINE_KINDS.map((k) => (
            <div class="choice">
              <input
                type="radio"
                id={`kind-${k}`}
                name="kind"
                value={k}
                checked={kind === k}
                aria-describedby={`kind-${k}-hint`}
              />
              <label for={`kind-${k}`}>{ctx.t(`kind_${k}`)}</label>
              <p class="hint" id={`kind-${k}-hint`}>
                {ctx.t(`kind_${k}_hint`)}
              </p>
            </div>
          ))}
          <p class="hint">
            <strong>{ctx.t('kind_denunciation')}:</strong> {ctx.t('kind_denunciation_hint')}{' '}
            <a href={`/denunciation?unit=${encodeURIComponent(unit.id)}`}>{ctx.t('denunciationTitle')}</a>
          </p>
          {errors.kind ? (
            <p class="field-error" id="kind">
              {ctx.t(errors.kind)}
            </p>
          ) : null}
        </fieldset>
        <Field ctx={ctx} name="field" label="field" error={errors.field}>
          {(describedBy) => (
            <select id="field" name="field" aria-describedby={describedBy}>
              {Object.entries(FIELD_LABELS).map(([code, label]) => (
                <option value={code} selected={form.field === code}>
                  {label[ctx.lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('subject', 'subject', { maxLength: 300, required: true }, ctx.t('subjectHint'))}
        <Field ctx={ctx} name="body" label="body" hint={ctx.t('bodyHint', { max: BODY_MAX })} error={errors.body}>
          {(describedBy) => (
            <textarea
              id="body"
              name="body"
              rows={8}
              maxLength={BODY_MAX}
              required
              aria-describedby={describedBy}
              aria-invalid={errors.body ? 'true' : undefined}
            >
              {form.body ?? ''}
            </textarea>
          )}
        </Field>
        <fieldset>
          <legend>{ctx.t('complaintLegend')}</legend>
          {input('decision', 'decision', { maxLength: 1000 }, ctx.t('decisionHint'))}
          {input('knownOn', 'knownOn', { type: 'date' }, ctx.t('knownOnHint'))}
          {input('lateReason', 'lateReason', { maxLength: 2000 }, ctx.t('lateReasonHint'), true)}
        </fieldset>
        <fieldset>
          <legend>{ctx.t('contactLegend')}</legend>
          <p class="hint">{ctx.t('contactIntro')}</p>
          {input('fullName', 'fullName', { autocomplete: 'name', maxLength: 200, required: true })}
          {input('email', 'email', { type: 'email', autocomplete: 'email', maxLength: 200 })}
          {input('phone', 'phone', { type: 'tel', autocomplete: 'tel', maxLength: 20 }, undefined, true)}
          {input('address', 'address', { autocomplete: 'street-address', maxLength: 500 }, undefined, true)}
        </fieldset>
        {/* Invisible to people and skipped by keyboard and screen readers; bots fill every field. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for={HONEYPOT_FIELD}>{ctx.t('honeypot')}</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
        </div>
        <div>
          <button type="submit">{ctx.t('submit')}</button>
        </div>
      </form>
    </PortalPage>
  );
}

const LABELS: Partial<Record<keyof FilingForm, PortalKey>> = {
  kind: 'kindLegend',
  field: 'field',
  subject: 'subject',
  body: 'body',
  decision: 'decision',
  knownOn: 'knownOn',
  lateReason: 'lateReason',
  fullName: 'fullName',
  email: 'email',
  phone: 'phone',
  address: 'address',
};

function labelOf(ctx: PortalContext, name: keyof FilingForm): string {
  const key = LABELS[name];
  return key ? ctx.t(key) : name;
}
