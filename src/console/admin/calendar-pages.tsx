// The year's working calendar as month grids, the edit forms, and the preview of what an edit would move.
import { dayOf, formatDay, weekdayOf, yearOf, parseDay } from '../../domain/calendar/day';
import type { CalendarYear } from '../../domain/calendar/holidays';
import type { CalendarEdit } from '../../calendar/calendar-admin';
import type { CalendarChangePreview } from '../../petitions/calendar-preview';
import { formatDate, formatDateTime } from '../../web/format';
import { caseHref } from '../components';
import type { PageContext } from '../page-context';
import { CsrfField, Notice } from '../shell';
import { adminWords, type AdminKey } from './admin-messages';
import { ADMIN_BASE, AdminPage, type FormProblem } from './admin-shell';

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

function dayWords(ctx: PageContext, date: string): string {
  const a = adminWords(ctx);
  return `${a(`wdLong${weekdayOf(parseDay(date))}` as AdminKey)}, ${formatDate(`${date}T12:00:00+07:00`, ctx.lang)}`;
}

function MonthGrid({ ctx, table, month }: { ctx: PageContext; table: CalendarYear; month: number }) {
  const a = adminWords(ctx);
  const first = dayOf(table.year, month, 1);
  const next = month === 12 ? dayOf(table.year + 1, 1, 1) : dayOf(table.year, month + 1, 1);
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = first; d < next; d++) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const holidays = new Set(table.holidays);
  const working = new Set(table.workingWeekends);
  const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(table.year, month - 1, 1)),
  );
  return (
    <table class="month">
      <caption>{a('monthCaption', { month, monthName, year: table.year })}</caption>
      <thead>
        <tr>
          {WEEK.map((w) => (
            <th scope="col" abbr={a(`wdLong${w}` as AdminKey)}>
              {a(`wd${w}` as AdminKey)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>
            {week.map((d) => {
              if (d === null) return <td class="pad"></td>;
              const date = formatDay(d);
              const w = weekdayOf(d);
              const kind = holidays.has(date)
                ? 'holiday'
                : working.has(date)
                  ? 'working-weekend'
                  : w === 0 || w === 6
                    ? 'weekend'
                    : 'working';
              // A day already set links to its row (with its remove button); any other prefills the add form.
              const special = kind === 'holiday' || kind === 'working-weekend';
              const href = special ? `#day-${date}` : `${ADMIN_BASE}/calendar?year=${table.year}&date=${date}#add-day`;
              return (
                <td class={kind} data-date={date}>
                  <a
                    class="day-no"
                    href={href}
                    aria-label={a(special ? 'cellRemove' : 'cellAdd', { date: dayWords(ctx, date) })}
                  >
                    {d - first + 1}
                  </a>
                  {kind === 'holiday' ? <span class="day-kind">{a('dayHoliday')}</span> : null}
                  {kind === 'working-weekend' ? <span class="day-kind">{a('dayWorkingWeekend')}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayList(props: {
  ctx: PageContext;
  year: number;
  dates: string[];
  kind: CalendarEdit['kind'];
  caption: string;
}) {
  const { ctx } = props;
  const a = adminWords(ctx);
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{a('colDate')}</th>
          <th scope="col">{a('colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.dates.map((date) => (
          <tr data-day={date} id={`day-${date}`}>
            <td>{dayWords(ctx, date)}</td>
            <td>
              <form method="post" action={`${ADMIN_BASE}/calendar/preview`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="year" value={String(props.year)} />
                <input type="hidden" name="op" value="remove" />
                <input type="hidden" name="kind" value={props.kind} />
                <input type="hidden" name="date" value={date} />
                <button type="submit" aria-label={a('removeDay', { date: dayWords(ctx, date) })}>
                  {a('removeShort')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarPage(props: {
  ctx: PageContext;
  table: CalendarYear;
  source: 'admin' | 'default';
  edit?: Partial<CalendarEdit>;
  done?: string;
  problem?: FormProblem | null;
}) {
  const { ctx, table } = props;
  const a = adminWords(ctx);
  const yearHref = (y: number) => `${ADMIN_BASE}/calendar?year=${y}`;
  return (
    <AdminPage ctx={ctx} title={a('calendarTitle', { year: table.year })} done={props.done} problem={props.problem}>
      <p>{props.source === 'admin' ? a('calendarSourceAdmin') : a('calendarSourceDefault')}</p>
      <nav aria-label={a('calendarOtherYears')} class="pager">
        <a href={yearHref(table.year - 1)}>{a('previousYear', { year: table.year - 1 })}</a>
        <a href={yearHref(table.year + 1)}>{a('nextYear', { year: table.year + 1 })}</a>
      </nav>
      <form class="stack" method="post" action={`${ADMIN_BASE}/calendar/preview`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="year" value={String(table.year)} />
        <input type="hidden" name="op" value="add" />
        <fieldset id="add-day">
          <legend>{a('addDayLegend')}</legend>
          <div>
            <label for="date">{a('fieldDate')}</label>
            <input
              id="date"
              name="date"
              type="date"
              required
              min={`${table.year}-01-01`}
              max={`${table.year}-12-31`}
              value={props.edit?.date ?? ''}
            />
          </div>
          <div>
            <label for="kind">{a('fieldDayKind')}</label>
            <select id="kind" name="kind">
              <option value="holiday" selected={props.edit?.kind !== 'working'}>
                {a('kindHoliday')}
              </option>
              <option value="working" selected={props.edit?.kind === 'working'}>
                {a('kindWorkingWeekend')}
              </option>
            </select>
          </div>
          <button type="submit">{a('previewSubmit')}</button>
        </fieldset>
      </form>
      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading">{a('legendTitle')}</h2>
        <ul class="calendar-legend">
          <li>
            <span class="swatch holiday" aria-hidden="true"></span> {a('dayHoliday')}
          </li>
          <li>
            <span class="swatch working-weekend" aria-hidden="true"></span> {a('dayWorkingWeekend')}
          </li>
          <li>
            <span class="swatch weekend" aria-hidden="true"></span> {a('dayWeekend')}
          </li>
        </ul>
      </section>
      <div class="months">
        {Array.from({ length: 12 }, (_, i) => (
          <MonthGrid ctx={ctx} table={table} month={i + 1} />
        ))}
      </div>
      <DayList
        ctx={ctx}
        year={table.year}
        dates={table.holidays}
        kind="holiday"
        caption={a('holidaysCaption', { year: table.year, count: table.holidays.length })}
      />
      <DayList
        ctx={ctx}
        year={table.year}
        dates={table.workingWeekends}
        kind="working"
        caption={a('workingWeekendsCaption', { year: table.year, count: table.workingWeekends.length })}
      />
    </AdminPage>
  );
}

export function changeWords(ctx: PageContext, edit: CalendarEdit): string {
  const a = adminWords(ctx);
  const key: AdminKey =
    edit.kind === 'holiday'
      ? edit.op === 'add'
        ? 'changeAddHoliday'
        : 'changeRemoveHoliday'
      : edit.op === 'add'
        ? 'changeAddWorking'
        : 'changeRemoveWorking';
  return a(key, { date: dayWords(ctx, edit.date) });
}

export function CalendarPreviewPage(props: { ctx: PageContext; edit: CalendarEdit; preview: CalendarChangePreview }) {
  const { ctx, edit, preview } = props;
  const a = adminWords(ctx);
  const clockWord = (c: string) => a(`clock_${c}` as AdminKey);
  return (
    <AdminPage ctx={ctx} title={a('previewTitle', { year: preview.year })}>
      <p>{changeWords(ctx, edit)}</p>
      {preview.changedDays.length === 0 ? <Notice kind="info">{a('previewNoChange')}</Notice> : null}
      <table id="preview-moved">
        <caption>{a('previewMovedCaption', { count: preview.moved.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{a('colCode')}</th>
            <th scope="col">{a('colUnit')}</th>
            <th scope="col">{a('colRunningClock')}</th>
            <th scope="col">{a('colOldDue')}</th>
            <th scope="col">{a('colNewDue')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.moved.length === 0 ? (
            <tr>
              <td colSpan={5}>{a('previewNone')}</td>
            </tr>
          ) : (
            preview.moved.map((m) => (
              <tr data-petition={m.trackingCode}>
                <td>
                  <a href={caseHref(m.petitionId)}>{m.trackingCode}</a>
                </td>
                <td>{m.unitName}</td>
                <td>{clockWord(m.clock)}</td>
                <td>{formatDateTime(m.from, ctx.lang)}</td>
                <td>{formatDateTime(m.to, ctx.lang)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {preview.unanswered > 0 ? (
        <Notice kind="warning">{a('previewUnanswered', { count: preview.unanswered })}</Notice>
      ) : null}
      <form class="stack" method="post" action={`${ADMIN_BASE}/calendar`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="year" value={String(preview.year)} />
        <input type="hidden" name="op" value={edit.op} />
        <input type="hidden" name="kind" value={edit.kind} />
        <input type="hidden" name="date" value={edit.date} />
        <div>
          <button type="submit">{a('confirmSave')}</button>{' '}
          <a href={`${ADMIN_BASE}/calendar?year=${preview.year}`}>{a('cancel')}</a>
        </div>
      </form>
    </AdminPage>
  );
}

/** The year a posted date belongs to, when it is a date at all. */
export function yearOfDate(date: string): number | null {
  try {
    return yearOf(parseDay(date));
  } catch {
    return null;
  }
}
