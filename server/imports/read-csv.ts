import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { malformed, type Table } from './table.ts';

/** French Excel saves "CSV (point-virgule)" in Windows-1252, not UTF-8: read it rather than show mojibake. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** French exports separate with ";" (the comma is the decimal sign); others with ",". The header line decides. */
function delimiterOf(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

export function readCsv(bytes: Buffer): Table {
  if (bytes.subarray(0, 4096).includes(0)) throw malformed('The file is neither CSV text nor an .xlsx workbook.');
  const text = decode(bytes);
  if (!text.replace(/^\uFEFF/, '').trim()) throw malformed('The file is empty.');
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw malformed(`The CSV is malformed at row ${line}: ${error.message}`, `file.rows.${line}`);
    }
    throw error;
  }
  // A row number as a spreadsheet shows it: every record one row, blank lines counted.
  const rows = records.map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record }));
  const [header, ...data] = rows;
  return { header: header.cells, rows: data };
}
