// The labelled form fields every console form uses: a label, the field, its hint and its error, the last two
// tied to the field by aria-describedby so a screen reader reads them with it.

const describedBy = (id: string, error?: string, hint?: string) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

function FieldMessages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="hint" id={`${id}-error`}>
          <strong>{error}</strong>
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  type?: string;
  value?: string;
  min?: number | string;
  max?: number | string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        required={props.required}
        value={props.value}
        min={props.min}
        max={props.max}
        size={props.type === 'number' ? undefined : 50}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error, props.hint)}
      />
      <FieldMessages id={props.id} error={props.error} hint={props.hint} />
    </div>
  );
}

export function TextArea(props: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  value?: string;
  rows?: number;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error, props.hint)}
      >
        {props.value ?? ''}
      </textarea>
      <FieldMessages id={props.id} error={props.error} hint={props.hint} />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  required?: boolean;
  error?: string;
  hint?: string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error, props.hint)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={props.id} error={props.error} hint={props.hint} />
    </div>
  );
}

/** One action: a disclosure with its own short form; open when its post came back with errors. */
