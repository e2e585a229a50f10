import { csvDocument } from '../../core/shared/spreadsheet.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ImportKindName, ImportMode } from '../../core/imports/import-kinds.ts';
import type { ImportIssue, ImportReport } from '../../core/imports/imports.schemas.ts';
import type { RowSpec } from './import-kind.ts';
import { IMPORT_WRITERS } from './import-writers.ts';
import { readTable } from './read-table.ts';
import type { CellIssue } from './row-reader.ts';
import { type Cells, cellsByColumn } from './table.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads each row with the kind's spec, refuses a row whose key repeats an earlier row's, and asks `check` (the
 * checks only the database can answer) about the others: the good values and the row-by-row errors.
 */
export function checkRows<T>(
  rows: readonly { row: number; cells: Cells }[],
  spec: RowSpec<T>,
  check: (value: T) => CellIssue[],
): { good: T[]; errors: ImportIssue[] } {
  const firstRowOfKey = new Map<string, number>();
  const errors: ImportIssue[] = [];
  const good: T[] = [];
  for (const { row, cells } of rows) {
    const read = spec.read(cells);
    let issues = read.issues;
    if (read.value !== null) {
      const key = spec.key(read.value);
      const first = firstRowOfKey.get(key);
      issues =
        first !== undefined
          ? [{ column: spec.keyColumn, code: 'repeats-row', params: { row: first }, reason: `repeats row ${first}` }]
          : check(read.value);
      if (first === undefined) firstRowOfKey.set(key, row);
    }
    if (issues.length) errors.push(...issues.map((i) => ({ row, ...i })));
    else good.push(read.value!);
  }
  return { good, errors };
}

/** The 422 of a `commit` with bad rows: nothing written, the errors and the report carried in the problem. */
export function refusedImport(errors: ImportIssue[], badRows: number, report: unknown): AppError {
  return new AppError('UNPROCESSABLE', `${errors.length} error(s) in ${badRows} row(s); nothing was imported.`, [], { errors, report });
}

/**
 * Reads a CSV or .xlsx file of one kind and checks every row against the same rules as the API, then, by mode:
 * `validate` writes nothing; `commit` writes every row in one transaction, or nothing at all (422) if one row
 * is wrong; `commit-valid` writes the good rows and reports the others.
 */
export async function runImport(
  db: Db,
  request: { kind: ImportKindName; mode: ImportMode; bytes: Buffer; filename: string; userId: number | null },
  now: Date,
): Promise<ImportReport> {
  const writer = IMPORT_WRITERS[request.kind];
  const rows = cellsByColumn(await readTable(request.bytes), writer.spec.columns);
  const refs: unknown = await writer.load(db);
  const { good, errors } = checkRows(rows, writer.spec, (value) => writer.check(value, refs));
  const report = { kind: request.kind, mode: request.mode, totalRows: rows.length, validRows: good.length, written: 0, errors };
  if (request.mode === 'validate') return report;
  if (request.mode === 'commit' && errors.length) {
    throw refusedImport(errors, rows.length - good.length, report);
  }
  const ctx = {
    userId: request.userId,
    now: now.toISOString(),
    notes: [{ code: 'import' as const, params: { kind: request.kind, filename: request.filename } }],
  };
  // Fresh references for writing: the checks above noted the file's own GTINs and list names in theirs.
  const writeRefs: unknown = await writer.load(db);
  await db.transaction().execute(async (trx) => {
    for (const value of good) await writer.write(trx, value, writeRefs, ctx);
    // The file itself is kept, found on the documents screen beside what it changed.
    await insertDocument(trx, {
      kind: 'import',
      filename: request.filename,
      mimeType: request.filename.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv',
      ...(await storeFile(fileStoreOf(trx), request.bytes)),
      orderId: null,
      createdBy: request.userId,
      createdAt: ctx.now,
    });
  });
  return { ...report, written: good.length };
}

/** The header and one example row, as French Excel opens it (csvDocument neutralises every cell). */
export function templateCsv(kind: ImportKindName): string {
  const columns = IMPORT_WRITERS[kind].spec.columns;
  return csvDocument([columns.map((c) => c.name), columns.map((c) => c.example)]);
}
