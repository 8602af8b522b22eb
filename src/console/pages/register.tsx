import { PETITION_KINDS } from '../../domain/petition/petition-stages';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';

export const CHANNELS = ['in_person', 'post', 'online', 'phone', 'reception_day', 'dialogue', 'forwarded'] as const;
export const FIELDS = [
  'land',
  'planning',
  'site_clearance',
  'resettlement',
  'policy',
  'officials_conduct',
  'environment',
  'other',
];
// A site-clearance complaint often carries forty signatures (khiếu kiện đông người): the form takes a
// hundred rows (≈600 fields, well inside the console's 5 000-parameter body limit); more go by the API.
export const MAX_PETITIONER_ROWS = 100;

export interface PetitionerForm {
  fullName: string;
  phone: string;
  email: string;
  address: string;
  isRepresentative: boolean;
}

export interface RegisterForm {
  kind: string;
  channel: string;
  receivingUnitId: string;
  field: string;
  subject: string;
  body: string;
  receivedAt: string;
  petitioners: PetitionerForm[];
  idempotencyKey: string;
}

export const EMPTY_PETITIONER: PetitionerForm = {
  fullName: '',
  phone: '',
  email: '',
  address: '',
  isRepresentative: false,
};

function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div>
      <label for={props.id}>
        {props.label}
        {props.hint ? <span class="hint"> — {props.hint}</span> : null}
      </label>
      {props.children}
      {props.error ? (
        <p class="hint" id={`${props.id}-error`}>
          <strong>{props.error}</strong>
        </p>
      ) : null}
    </div>
  );
}

const invalid = (errors: Record<string, string>, path: string, id: string) =>
  errors[path] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};

export function RegisterPage(props: {
  ctx: PageContext;
  form: RegisterForm;
  units: { id: string; name: string }[];
  errors: Record<string, string>;
}) {
  const { ctx, form, errors } = props;
  const errorList = Object.entries(errors);
  return (
    <ConsolePage ctx={ctx} title={ctx.t('registerTitle')}>
      <h1>{ctx.t('registerTitle')}</h1>
      {errorList.length ? (
        <Notice kind="error" live>
          <p>{ctx.t('formHasErrors')}</p>
          <ul>
            {errorList.map(([path, message]) => (
              <li>
                {path}: {message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form class="stack" method="post" action={`${CONSOLE_BASE}/petitions`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
        <Field id="kind" label={ctx.t('fieldKind')} error={errors.kind}>
          <select id="kind" name="kind" required {...invalid(errors, 'kind', 'kind')}>
            {PETITION_KINDS.map((k) => (
              <option value={k} selected={form.kind === k}>
                {ctx.t(`kind_${k}` as ConsoleKey)}
              </option>
            ))}
          </select>
        </Field>
        <Notice kind="warning">{ctx.t('denouncerWarning')}</Notice>
        <Field id="channel" label={ctx.t('fieldChannel')} error={errors.channel}>
          <select id="channel" name="channel" required>
            {CHANNELS.map((c) => (
              <option value={c} selected={form.channel === c}>
                {ctx.t(`channel_${c}` as ConsoleKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="receivingUnitId" label={ctx.t('fieldUnit')} error={errors.receivingUnitId}>
          <select
            id="receivingUnitId"
            name="receivingUnitId"
            required
            {...invalid(errors, 'receivingUnitId', 'receivingUnitId')}
          >
            {props.units.map((u) => (
              <option value={u.id} selected={form.receivingUnitId === u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="field" label={ctx.t('fieldField')} hint={ctx.t('fieldFieldHint')} error={errors.field}>
          <input
            id="field"
            name="field"
            list="field-options"
            required
            value={form.field}
            {...invalid(errors, 'field', 'field')}
          />
          <datalist id="field-options">
            {FIELDS.map((f) => (
              <option value={f} />
            ))}
          </datalist>
        </Field>
        <Field id="subject" label={ctx.t('fieldSubject')} error={errors.subject}>
          <input
            id="subject"
            name="subject"
            required
            minLength={3}
            maxLength={300}
            size={60}
            value={form.subject}
            {...invalid(errors, 'subject', 'subject')}
          />
        </Field>
        <Field id="body" label={ctx.t('fieldBody')} error={errors.body}>
          <textarea id="body" name="body" required {...invalid(errors, 'body', 'body')}>
            {form.body}
          </textarea>
        </Field>
        <Field id="receivedAt" label={ctx.t('fieldReceivedAt')} error={errors.receivedAt}>
          <input
            id="receivedAt"
            name="receivedAt"
            type="datetime-local"
            required
            value={form.receivedAt}
            {...invalid(errors, 'receivedAt', 'receivedAt')}
          />
        </Field>
        <fieldset>
          <legend>{ctx.t('petitionersLegend')}</legend>
          {form.petitioners.map((p, i) => (
            <fieldset>
              <legend>{ctx.t('petitionerN', { n: i + 1 })}</legend>
              <Field id={`p${i}-fullName`} label={ctx.t('petitionerName')} error={errors[`petitioners.${i}.fullName`]}>
                <input
                  id={`p${i}-fullName`}
                  name={`p${i}.fullName`}
                  autocomplete="off"
                  required={i === 0}
                  value={p.fullName}
                  {...invalid(errors, `petitioners.${i}.fullName`, `p${i}-fullName`)}
                />
              </Field>
              <Field id={`p${i}-phone`} label={ctx.t('petitionerPhone')} error={errors[`petitioners.${i}.phone`]}>
                <input
                  id={`p${i}-phone`}
                  name={`p${i}.phone`}
                  type="tel"
                  autocomplete="off"
                  value={p.phone}
                  {...invalid(errors, `petitioners.${i}.phone`, `p${i}-phone`)}
                />
              </Field>
              <Field id={`p${i}-email`} label={ctx.t('petitionerEmail')} error={errors[`petitioners.${i}.email`]}>
                <input
                  id={`p${i}-email`}
                  name={`p${i}.email`}
                  type="email"
                  autocomplete="off"
                  value={p.email}
                  {...invalid(errors, `petitioners.${i}.email`, `p${i}-email`)}
                />
              </Field>
              <Field id={`p${i}-address`} label={ctx.t('petitionerAddress')}>
                <input id={`p${i}-address`} name={`p${i}.address`} autocomplete="off" size={50} value={p.address} />
              </Field>
              <div>
                <input
                  id={`p${i}-rep`}
                  name={`p${i}.isRepresentative`}
                  type="checkbox"
                  value="true"
                  checked={p.isRepresentative}
                />{' '}
                <label for={`p${i}-rep`}>{ctx.t('petitionerRepresentative')}</label>
              </div>
            </fieldset>
          ))}
          <div>
            <label for="rows">{ctx.t('addPetitionerRows')}</label>
            <input
              id="rows"
              name="rows"
              type="number"
              min={1}
              max={MAX_PETITIONER_ROWS}
              value={String(form.petitioners.length)}
            />{' '}
            <button class="secondary" type="submit" name="intent" value="rows" formnovalidate>
              {ctx.t('addPetitionerRowsButton')}
            </button>
          </div>
        </fieldset>
        <div>
          <button type="submit" name="intent" value="register">
            {ctx.t('registerSubmit')}
          </button>
        </div>
      </form>
    </ConsolePage>
  );
}
