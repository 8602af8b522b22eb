// What every console report shows around its figures: the downloads the JSON API offers for the same query,
// a chart of two figures per row beside the table of the same figures, and one way to write a figure.
import type { Column } from '../../reports/table-export';
import { BarChart } from '../../web/bar-chart';
import { formatNumber, formatPercent } from '../../web/format';
import { CONSOLE_BASE } from '../console-session';
import { DataTable, numeric } from '../data-table';
import type { PageContext } from '../page-context';

/** A report's period (a name or a range of days), as the JSON API's query has it. */
export interface PeriodQuery {
  period: string;
  from: string;
  to: string;
}

/** A report's query (its period, and for some a grouping) as a URL query, empty fields left out. */
export const reportQueryString = (query: PeriodQuery) =>
  new URLSearchParams((Object.entries(query) as [string, string][]).filter(([, v]) => v !== '')).toString();

export function DownloadLinks(props: { ctx: PageContext; path: string; query: PeriodQuery }) {
  const { ctx } = props;
  const download = (format: string) =>
    `${CONSOLE_BASE}${props.path}/download?${reportQueryString(props.query)}&format=${format}`;
  return (
    <p>
      <a href={download('csv')}>{ctx.t('reportDownloadCsv')}</a> ·{' '}
      <a href={download('xlsx')}>{ctx.t('reportDownloadXlsx')}</a>
    </p>
  );
}

export interface ChartFigures {
  name: string;
  values: number[];
}

/** Two figures per row, drawn in the colours of "received" and "resolved" (the petition report's pair). */
export function FiguresChart(props: {
  ctx: PageContext;
  id: string;
  title: string;
  categories: string[];
  first: ChartFigures;
  second: ChartFigures;
}) {
  return (
    <div class="grid-2">
      <BarChart
        id={props.id}
        lang={props.ctx.lang}
        title={props.title}
        categories={props.categories}
        series={[
          { ...props.first, className: 'series-received' },
          { ...props.second, className: 'series-resolved' },
        ]}
      />
    </div>
  );
}

/** A cell's figure: a dash for none, a number or percentage in the page's language, a list joined. */
export function formatFigure(ctx: PageContext, value: unknown, isPercent = false): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return isPercent ? formatPercent(value, ctx.lang) : formatNumber(value, ctx.lang);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A report's table: each row named in its first column (a row heading), its figures right-aligned. */
export function FiguresTable<Row>(props: {
  ctx: PageContext;
  id: string;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Leading columns of words rather than figures, the row's name first. */
  textColumns?: number;
  /** Each cell says its column (`data-col`), where the pages' tests read a figure by name. */
  isColumnMarked?: boolean;
  rowAttributes?: (row: Row) => Record<string, string>;
}) {
  const { ctx } = props;
  const textColumns = props.textColumns ?? 1;
  return (
    <DataTable
      id={props.id}
      caption={props.caption}
      columns={props.columns.map((c, i) => (i < textColumns ? c[ctx.lang] : numeric(c[ctx.lang])))}
      rows={props.rows.map((row) => (
        <tr {...props.rowAttributes?.(row)}>
          {props.columns.map((c, i) =>
            i === 0 ? (
              <th scope="row">{formatFigure(ctx, row[c.key])}</th>
            ) : (
              <td class={i < textColumns ? undefined : 'num'} data-col={props.isColumnMarked ? c.key : undefined}>
                {formatFigure(ctx, row[c.key], c.key.endsWith('Pct'))}
              </td>
            ),
          )}
        </tr>
      ))}
    />
  );
}
