// The admin pages' forms. Every one posts with its CSRF token; hidden fields say what the form acts on (the
// unit's intent, the row), so each works without JavaScript.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../page-context';
import { CsrfField } from '../shell';

function HiddenFields({ fields }: { fields?: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A few fields under a legend and one button. */
export function AdminForm(props: {
  ctx: PageContext;
  action: string;
  legend: string;
  submit: string;
  hidden?: Record<string, string>;
  children?: ComponentChildren;
}) {
  return (
    <form class="stack" method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      <HiddenFields fields={props.hidden} />
      <fieldset>
        <legend>{props.legend}</legend>
        {props.children}
        <button type="submit">{props.submit}</button>
      </fieldset>
    </form>
  );
}

/** One button acting on one row of a table (revoke, remove); its accessible name says which row. */
export function RowAction(props: { ctx: PageContext; action: string; label: string; ariaLabel: string }) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      <button type="submit" aria-label={props.ariaLabel}>
        {props.label}
      </button>
    </form>
  );
}

/** A field with its label above it. */
export function Labelled(props: { for: string; label: ComponentChildren; children: ComponentChildren }) {
  return (
    <div>
      <label for={props.for}>{props.label}</label>
      {props.children}
    </div>
  );
}
