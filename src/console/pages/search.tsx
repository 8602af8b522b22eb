import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { PETITION_KINDS, STAGES } from '../../domain/petition/petition-stages';
import { formatNumber } from '../../web/format';
import { Pager, PetitionTable, type PetitionRow } from '../components';
import { CONSOLE_BASE } from '../console-session';
import type { ConsoleKey } from '../messages';
import type { PageContext } from '../page-context';
import { ConsolePage } from '../shell';

export interface SearchQuery {
  text: string;
  stage: string;
  kind: string;
  sort: 'dueAt' | 'receivedAt';
  order: 'asc' | 'desc';
}

/** Filters are a GET form, so every search is a URL that can be shared or bookmarked. */
export function SearchPage(props: {
  ctx: PageContext;
  query: SearchQuery;
  list: { items: PetitionRow[]; total: number; page: number; pageSize: number };
  now: Date;
  calendar: WorkingCalendar;
}) {
  const { ctx, query } = props;
  const hrefFor = (page: number) =>
    `${CONSOLE_BASE}/petitions?${new URLSearchParams({ ...query, page: String(page) }).toString()}`;
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
      />
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
