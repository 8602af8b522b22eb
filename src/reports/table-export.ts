// Tables to CSV and XLSX for every report: Vietnamese headings by default, English on request.
export interface Column<Row> {
  key: keyof Row & string;
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) sends the reader's
// data away), so text from a petition or a unit name is prefixed with an apostrophe (OWASP "CSV injection").
// Numbers are the report's own figures and stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseCell(value: unknown): unknown {
  const text = Array.isArray(value) ? value.join('; ') : value;
  return typeof text === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  const cell = neutraliseCell(value);
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv<Row>(columns: Column<Row>[], rows: Row[], lang: Lang): string {
  const lines = [columns.map((c) => csvCell(c[lang])).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  // A byte-order mark so spreadsheet programs read the Vietnamese headings as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One sheet: a title row, bold headings, the rows; the last row bold when it is a total. */
export async function tableToXlsx<Row>(
  title: string,
  columns: Column<Row>[],
  rows: Row[],
  lang: Lang,
  options: { boldLastRow?: boolean } = {},
): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Báo cáo' : 'Report');
  sheet.addRow([title]);
  sheet.addRow(columns.map((c) => c[lang])).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => neutraliseCell(row[c.key])));
  if (options.boldLastRow) sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 36 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
