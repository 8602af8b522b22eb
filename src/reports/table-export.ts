// Tables to CSV and XLSX for every report: Vietnamese headings by default, English on request.
export interface Column<Row> {
  key: keyof Row & string;
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv<Row>(columns: Column<Row>[], rows: Row[], lang: Lang): string {
  const lines = [columns.map((c) => csvCell(c[lang])).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  // A byte-order mark so spreadsheet programs read the Vietnamese headings as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One sheet: a title row, bold headings, the rows; the last row bold when it is a total. */
export async function tableToXlsx<Row>(title: string, columns: Column<Row>[], rows: Row[], lang: Lang, options: { boldLastRow?: boolean } = {}): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Báo cáo' : 'Report');
  sheet.addRow([title]);
  sheet.addRow(columns.map((c) => c[lang])).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => (Array.isArray(row[c.key]) ? (row[c.key] as unknown[]).join('; ') : row[c.key])));
  if (options.boldLastRow) sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 36 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
