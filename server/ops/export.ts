import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_LEFT_OUT_COLUMNS, exportedDocumentName, exportedTables, snakeCase } from '../../core/ops/export-scope.ts';
import { csvDocument, spreadsheetCell, type SpreadsheetValue } from '../../core/shared/spreadsheet.ts';
import type { Database, Db } from '../db/database.ts';
import { TABLE_OWNERS } from '../db/table-owners.ts';
import { filePath } from '../documents/file-store.ts';
import { tableColumns, tableRows } from './ops.repository.ts';

export const WORKBOOK_FILE = 'carnet.xlsx';
/** An .xlsx sheet holds 1,048,576 rows, its header included: a larger table is whole in its CSV only. */
const SHEET_ROWS = 1_048_575;

/** `missingDocuments`: rows whose file is not in DATA_DIR/files (exported as rows, said so by the command). */
export type ExportSummary = { tables: { table: string; rows: number }[]; documents: number; missingDocuments: number };

/** The name a row's key has under Kysely's CamelCasePlugin (`delivery_point_id` → `deliveryPointId`). */
const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Everything a company keeps in Carnet, in files any spreadsheet opens, so it can leave with its data: one CSV per
 * table (csv/<table>.csv, the database's column names), the same tables as the sheets of one workbook
 * (carnet.xlsx), and every stored document under documents/<public id>-<file name> (the documents table says whose
 * each is). Every cell goes through core/shared/spreadsheet.ts: a name starting with "=" stays text.
 */
export async function writeExport(db: Db, dataDir: string, dir: string): Promise<ExportSummary> {
  await fs.promises.mkdir(path.join(dir, 'csv'), { recursive: true });
  // exceljs (some 400 modules) is loaded with the first export, not by every start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: path.join(dir, WORKBOOK_FILE), useSharedStrings: false });
  const summary: ExportSummary = { tables: [], documents: 0, missingDocuments: 0 };
  const schema = await tableColumns(db);
  for (const table of exportedTables(Object.keys(TABLE_OWNERS)) as (keyof Database)[]) {
    const rows = await tableRows(db, table);
    const leftOut = (EXPORT_LEFT_OUT_COLUMNS[table] ?? []).map(snakeCase);
    const header = (schema.get(snakeCase(table)) ?? []).filter((c) => !leftOut.includes(c));
    const cells = rows.map((row) => header.map((c) => cellOf(row[camelCase(c)])));
    await fs.promises.writeFile(path.join(dir, 'csv', `${snakeCase(table)}.csv`), csvDocument([header, ...cells]));
    const sheet = workbook.addWorksheet(snakeCase(table));
    sheet.addRow(header).commit();
    for (const row of cells.slice(0, SHEET_ROWS)) sheet.addRow(row.map(spreadsheetCell)).commit();
    sheet.commit();
    summary.tables.push({ table: snakeCase(table), rows: rows.length });
    if (table === 'documents') Object.assign(summary, await copyDocuments(rows, dataDir, path.join(dir, 'documents')));
  }
  await workbook.commit();
  return summary;
}

/** A database value as a cell: numbers stay figures, the rest is text (a JSON column as its JSON). */
function cellOf(value: unknown): SpreadsheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return JSON.stringify(value);
}

async function copyDocuments(rows: Record<string, unknown>[], dataDir: string, dir: string) {
  await fs.promises.mkdir(dir, { recursive: true });
  const counts = { documents: 0, missingDocuments: 0 };
  for (const row of rows) {
    const source = filePath(dataDir, String(row.sha256));
    if (!fs.existsSync(source)) {
      counts.missingDocuments++;
      continue;
    }
    await fs.promises.copyFile(source, path.join(dir, exportedDocumentName(String(row.publicId), String(row.filename))));
    counts.documents++;
  }
  return counts;
}
