// A register as the printed form has it: the title, the unit and period, two heading rows (a group's
// heading merged over its columns, a lone column's heading merged over both rows), the row of column
// numbers (1), (2), … the forms carry, then one row per entry.
import { neutraliseCell } from '../table-export';
import type { RegisterLayout } from './register-layout';

export const HEADING_ROWS = { title: 1, scope: 2, groups: 3, headings: 4, numbers: 5, firstEntry: 6 } as const;

export async function registerToXlsx<Row>(
  layout: RegisterLayout<Row>,
  scope: { unitName: string; periodLabel: string },
  rows: Row[],
): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(layout.sheetName);
  const n = layout.columns.length;
  sheet.addRow([layout.title]);
  sheet.addRow([`Đơn vị: ${scope.unitName} — Kỳ: ${scope.periodLabel}`]);
  sheet.mergeCells(HEADING_ROWS.title, 1, HEADING_ROWS.title, n);
  sheet.mergeCells(HEADING_ROWS.scope, 1, HEADING_ROWS.scope, n);
  sheet.addRow(layout.columns.map((c) => c.group ?? c.heading));
  sheet.addRow(layout.columns.map((c) => (c.group ? c.heading : null)));
  sheet.addRow(layout.columns.map((_, i) => `(${i + 1})`));
  for (let i = 0; i < n;) {
    const group = layout.columns[i]!.group;
    let end = i;
    while (group && end + 1 < n && layout.columns[end + 1]!.group === group) end += 1;
    if (group) sheet.mergeCells(HEADING_ROWS.groups, i + 1, HEADING_ROWS.groups, end + 1);
    else sheet.mergeCells(HEADING_ROWS.groups, i + 1, HEADING_ROWS.headings, i + 1);
    i = end + 1;
  }
  for (const row of rows) sheet.addRow(layout.columns.map((c) => neutraliseCell(row[c.key]) ?? null));
  for (const r of [HEADING_ROWS.title, HEADING_ROWS.groups, HEADING_ROWS.headings])
    sheet.getRow(r).font = { bold: true };
  sheet.getRow(HEADING_ROWS.title).alignment = { horizontal: 'center' };
  for (const r of [HEADING_ROWS.groups, HEADING_ROWS.headings, HEADING_ROWS.numbers])
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  layout.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
