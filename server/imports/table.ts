import { AppError } from '../errors.ts';

/** A sheet as read from a file: the header's cells, and each data row with its spreadsheet row number (header = 1). */
export type Table = { header: string[]; rows: { row: number; cells: string[] }[] };
export type Cells = Record<string, string>;
export type ColumnSpec = { name: string; required: boolean; example: string };

/** A file the importer cannot read at all: 400, naming what is wrong (its rows are never looked at). */
export function malformed(message: string, path = 'file'): AppError {
  return new AppError('VALIDATION', message, [{ path, code: 'rule', params: {}, message }]);
}

/**
 * Matches the header to the expected columns (case and surrounding spaces ignored) and turns each row into
 * cells by column name. A missing required column or an unknown one refuses the whole file: a typo in a
 * header would otherwise silently drop a column of data.
 */
export function cellsByColumn(table: Table, columns: readonly ColumnSpec[]): { row: number; cells: Cells }[] {
  const byKey = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  const names = table.header.map((h) => byKey.get(h.trim().toLowerCase()) ?? null);
  const unknown = table.header.filter((h, i) => h.trim() && !names[i]);
  if (unknown.length)
    throw malformed(
      `Unknown column(s) in the header: ${unknown.join(', ')}. Expected: ${columns.map((c) => c.name).join(', ')}.`,
      'file.header',
    );
  const missing = columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length) throw malformed(`Missing column(s) in the header: ${missing.join(', ')}.`, 'file.header');
  const dupes = names.filter((n, i) => n && names.indexOf(n) !== i);
  if (dupes.length) throw malformed(`Column(s) given twice in the header: ${dupes.join(', ')}.`, 'file.header');
  const rows = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!rows.length) throw malformed('The file has a header but no data rows.');
  return rows.map((r) => ({
    row: r.row,
    cells: Object.fromEntries(names.flatMap((name, i) => (name ? [[name, (r.cells[i] ?? '').trim()]] : []))),
  }));
}
