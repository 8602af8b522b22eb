// The console's list tables: a caption, a row of column headings, then the rows, or one row spanning every
// column that says there are none (a screen reader hears an empty table as nothing at all).
import type { ComponentChildren } from 'preact';

export interface Column {
  label: string;
  /** Figures are right-aligned (class `num`) so their digits line up. */
  isNumeric?: boolean;
}

export const numeric = (label: string): Column => ({ label, isNumeric: true });

export function ColumnHeadings({ columns }: { columns: (string | Column)[] }) {
  return (
    <>
      {columns.map((c) =>
        typeof c === 'string' ? (
          <th scope="col">{c}</th>
        ) : (
          <th scope="col" class={c.isNumeric ? 'num' : undefined}>
            {c.label}
          </th>
        ),
      )}
    </>
  );
}

export function DataTable(props: {
  id?: string;
  caption: string;
  columns: (string | Column)[];
  rows: ComponentChildren[];
  /** Said when there are no rows; without it the body stays empty (a page that hides an empty table). */
  empty?: string;
}) {
  return (
    <table id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <ColumnHeadings columns={props.columns} />
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && props.empty !== undefined ? (
          <tr>
            <td colSpan={props.columns.length}>{props.empty}</td>
          </tr>
        ) : (
          props.rows
        )}
      </tbody>
    </table>
  );
}
