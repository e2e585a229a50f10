import type ExcelJS from 'exceljs';
import { malformed, type Table } from './table.ts';

/** A cell as the text a person sees, numbers in plain notation (a dot for decimals, which the readers accept). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return typeof value.text === 'string' ? value.text : JSON.stringify(value.text);
    return ''; // an error cell (#N/A…) or a shape exceljs may add: no text a person typed
  }
  return String(value);
}

/** The first worksheet of a workbook; row numbers are the sheet's own. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  // exceljs (some 400 modules, 25 MB) is loaded with the first workbook, not by every start of the server.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw malformed('The file looks like a workbook but cannot be read as .xlsx.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw malformed('The workbook is empty.');
  const width = sheet.getRow(1).cellCount;
  const read = (n: number) =>
    Array.from({ length: Math.max(width, sheet.getRow(n).cellCount) }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
  const rows: Table['rows'] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push({ row: number, cells: read(number) });
  });
  return { header: read(1), rows };
}
