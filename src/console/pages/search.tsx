import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { PETITION_KINDS, STAGES } from '../../domain/petition/petition-stages';
import { formatNumber } from '../../web/format';
import { Pager, PetitionTable, type PetitionRow, type SortKey, type SortOrder } from '../components';
import { BULK_FORM_ID, BulkAssignForm, type AssigneeOption } from '../bulk-assign';
import { CONSOLE_BASE } from '../console-session';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { FIELDS } from './register';

export interface SearchQuery {
  text: string;
  stage: string;
  kind: string;
  petitioner: string;
  sort: SortKey;
  order: SortOrder;
  // The list use case's other filters (search-route.tsx fills them all; optional for older callers).
  unitId?: string;
  field?: string;
  overdue?: YesNo;
  escalated?: YesNo;
  forwarded?: YesNo;
  /** Days (YYYY-MM-DD) in Vietnam, both ends included. */
  receivedFrom?: string;
  receivedTo?: string;
  assigneeId?: string;
}

type YesNo = 'true' | 'false' | '';

/** An any / yes / no choice for a flag filter. */
function YesNoSelect(props: { ctx: PageContext; id: keyof SearchQuery; label: ConsoleKey; value: string | undefined }) {
  const { ctx } = props;
  return (
    <div>
      <label for={props.id}>{ctx.t(props.label)}</label>
      <select id={props.id} name={props.id}>
        <option value="">{ctx.t('searchAny')}</option>
        <option value="true" selected={props.value === 'true'}>
          {ctx.t('yes')}
        </option>
        <option value="false" selected={props.value === 'false'}>
          {ctx.t('no')}
        </option>
      </select>
    </div>
  );
}

/** Filters are a GET form, so every search is a URL that can be shared or bookmarked. */
export function SearchPage(props: {
  ctx: PageContext;
  query: SearchQuery;
  list: { items: PetitionRow[]; total: number; page: number; pageSize: number };
  now: Date;
  calendar: WorkingCalendar;
  /** Whom the caller may assign to; null when the caller may not assign (not a leader). */
  assignees: AssigneeOption[] | null;
  /** The units the caller may read, for the unit filter (its subtree is searched). */
  units?: { id: string; label: string }[];
  dateInvalid?: boolean;
}) {
  const { ctx, query } = props;
  const urlOf = (q: SearchQuery, page: number) => {
    // Empty filters stay out of the URL, so a shared link reads as what was asked.
    const params = Object.entries({ ...q, page: String(page) }).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[1] !== '' && !(entry[0] === 'page' && entry[1] === '1'),
    );
    return `${CONSOLE_BASE}/petitions?${new URLSearchParams(params).toString()}`;
  };
  const hrefFor = (page: number) => urlOf(query, page);
  return (
    <ConsolePage ctx={ctx} title={ctx.t('searchTitle')}>
      <h1>{ctx.t('searchTitle')}</h1>
      <form class="inline" method="get" action={`${CONSOLE_BASE}/petitions`} role="search">
        <div>
          <label for="text">
            {ctx.t('searchCode')} / {ctx.t('colSubject')}
          </label>
          <input id="text" name="text" type="search" value={query.text} />
        </div>
        <div>
          <label for="petitioner">{ctx.t('searchPetitioner')}</label>
          <input
            id="petitioner"
            name="petitioner"
            type="search"
            value={query.petitioner}
            minLength={2}
            aria-describedby="petitioner-hint"
          />
          <p class="hint" id="petitioner-hint">
            {ctx.t('searchPetitionerHint')}
          </p>
        </div>
        <div>
          <label for="stage">{ctx.t('searchStage')}</label>
          <select id="stage" name="stage">
            <option value="">{ctx.t('searchAny')}</option>
            {STAGES.map((s) => (
              <option value={s} selected={query.stage === s}>
                {ctx.t(`stage_${s}` as ConsoleKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kind">{ctx.t('searchKind')}</label>
          <select id="kind" name="kind">
            <option value="">{ctx.t('searchAny')}</option>
            {PETITION_KINDS.map((k) => (
              <option value={k} selected={query.kind === k}>
                {ctx.t(`kind_${k}` as ConsoleKey)}
              </option>
            ))}
          </select>
        </div>
        {props.units ? (
          <div>
            <label for="unitId">{ctx.t('searchUnit')}</label>
            <select id="unitId" name="unitId">
              <option value="">{ctx.t('searchAny')}</option>
              {props.units.map((u) => (
                <option value={u.id} selected={query.unitId === u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label for="field">{ctx.t('searchField')}</label>
          <input id="field" name="field" value={query.field ?? ''} list="search-field-options" />
          <datalist id="search-field-options">
            {FIELDS.map((f) => (
              <option value={f} />
            ))}
          </datalist>
        </div>
        <YesNoSelect ctx={ctx} id="overdue" label="searchOverdue" value={query.overdue} />
        <YesNoSelect ctx={ctx} id="escalated" label="searchEscalated" value={query.escalated} />
        <YesNoSelect ctx={ctx} id="forwarded" label="searchForwarded" value={query.forwarded} />
        <div>
          <label for="receivedFrom">{ctx.t('searchReceivedFrom')}</label>
          <input id="receivedFrom" name="receivedFrom" type="date" value={query.receivedFrom ?? ''} />
        </div>
        <div>
          <label for="receivedTo">{ctx.t('searchReceivedTo')}</label>
          <input id="receivedTo" name="receivedTo" type="date" value={query.receivedTo ?? ''} />
        </div>
        {props.assignees ? (
          <div>
            <label for="assigneeId">{ctx.t('searchAssignee')}</label>
            <select id="assigneeId" name="assigneeId">
              <option value="">{ctx.t('searchAny')}</option>
              {props.assignees.map((a) => (
                <option value={a.id} selected={query.assigneeId === a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label for="sort">{ctx.t('colTimeLeft')}</label>
          <select id="sort" name="sort">
            <option value="dueAt" selected={query.sort === 'dueAt'}>
              {ctx.t('colTimeLeft')}
            </option>
            <option value="receivedAt" selected={query.sort === 'receivedAt'}>
              {ctx.t('colReceived')}
            </option>
            <option value="trackingCode" selected={query.sort === 'trackingCode'}>
              {ctx.t('colCode')}
            </option>
          </select>
        </div>
        <div>
          <button type="submit">{ctx.t('searchSubmit')}</button>
        </div>
      </form>
      {props.dateInvalid ? (
        <Notice kind="error" live>
          {ctx.t('searchDateInvalid')}
        </Notice>
      ) : null}
      <PetitionTable
        ctx={ctx}
        caption={ctx.t('searchResults', { count: formatNumber(props.list.total, ctx.lang) })}
        items={props.list.items}
        now={props.now}
        calendar={props.calendar}
        sort={{ sort: query.sort, order: query.order, hrefFor: (sort, order) => urlOf({ ...query, sort, order }, 1) }}
        selectForm={props.assignees ? BULK_FORM_ID : undefined}
      />
      <BulkAssignForm ctx={ctx} assignees={props.assignees} returnTo={hrefFor(props.list.page)} />
      <Pager
        ctx={ctx}
        page={props.list.page}
        pageSize={props.list.pageSize}
        total={props.list.total}
        hrefFor={hrefFor}
      />
    </ConsolePage>
  );
}
