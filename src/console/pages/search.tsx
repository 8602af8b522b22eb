import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { PETITION_KINDS, STAGES } from '../../domain/petition/petition-stages';
import { formatNumber } from '../../web/format';
import { Pager, PetitionTable, type PetitionRow, type SortKey, type SortOrder } from '../components';
import { BULK_FORM_ID, BulkAssignForm, type AssigneeOption } from '../bulk-assign';
import { CONSOLE_BASE } from '../console-session';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';

export interface SearchQuery {
  text: string;
  stage: string;
  kind: string;
  petitioner: string;
  sort: SortKey;
  order: SortOrder;
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
}) {
  const { ctx, query } = props;
  const urlOf = (q: SearchQuery, page: number) => {
    // Empty filters stay out of the URL, so a shared link reads as what was asked.
    const params = Object.entries({ ...q, page: String(page) }).filter(
      ([k, v]) => v !== '' && !(k === 'page' && v === '1'),
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
