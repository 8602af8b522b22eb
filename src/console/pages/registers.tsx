// The registers page: a unit and a period, and the two official registers of it to download as XLSX; a
// reason, for those entitled, opens denouncers' identities in them.
import { casefileWords } from '../casefile-messages';
import { CONSOLE_BASE } from '../console-session';
import { SelectField, TextField } from '../form-fields';
import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';

export interface RegistersQuery {
  unitId: string;
  from: string;
  to: string;
  reason: string;
}

export function RegistersPage(props: {
  ctx: PageContext;
  units: { id: string; name: string }[];
  query: RegistersQuery;
  error?: { message: string; field?: 'reason' };
}) {
  const { ctx, units, query } = props;
  const w = casefileWords(ctx);
  const title = w('registersTitle');
  const base = `${CONSOLE_BASE}/registers`;
  return (
    <ConsolePage ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{w('registersIntro')}</p>
      {props.error ? (
        <Notice kind="error" live>
          {props.error.message}
        </Notice>
      ) : null}
      {units.length === 0 ? (
        <p>{w('registersNoUnit')}</p>
      ) : (
        // One form, two buttons: each asks its own register for the same unit and period.
        <form class="stack" method="post" action={`${base}/petitions`}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend>{w('registersLegend')}</legend>
            <SelectField
              id="registers-unit"
              name="unitId"
              label={w('registersUnit')}
              required
              value={query.unitId}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
            <TextField
              id="registers-from"
              name="from"
              type="date"
              label={w('registersFrom')}
              required
              value={query.from}
            />
            <TextField id="registers-to" name="to" type="date" label={w('registersTo')} required value={query.to} />
          </fieldset>
          <fieldset>
            <legend>{w('registersRevealLegend')}</legend>
            <TextField
              id="registers-reason"
              name="reason"
              label={w('registersReason')}
              hint={w('registersReasonHint')}
              value={query.reason}
              error={props.error?.field === 'reason' ? props.error.message : undefined}
            />
          </fieldset>
          <div>
            <button type="submit" formaction={`${base}/reception`} data-register="reception">
              {w('registersReception')}
            </button>{' '}
            <button type="submit" formaction={`${base}/petitions`} data-register="petitions">
              {w('registersPetitions')}
            </button>
          </div>
        </form>
      )}
    </ConsolePage>
  );
}
