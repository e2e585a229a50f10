import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../errors.ts';
import { IMPORT_KINDS, type ImportKindName, type ImportMode } from '../../core/imports/import-kinds.ts';
import type { ImportIssue, ImportReport } from '../../core/imports/imports.schemas.ts';
import { runImport } from './imports.service.ts';

/** The report as an operator reads it in a terminal: one line per faulty cell, then the counts. */
export function formatReport(report: ImportReport): string {
  const lines = report.errors.map((e: ImportIssue) => `row ${e.row}, ${e.column}: ${e.reason}`);
  const outcome = report.mode === 'validate' ? 'checked, nothing written' : `${report.written} written`;
  lines.push(`${report.kind}: ${report.totalRows} row(s), ${report.validRows} valid, ${outcome}`);
  return lines.join('\n');
}

/** `carnet import <kind> <file>`: the same import as the web screen's, without a user (audited as the system). */
export async function importCommand(kind: string, file: string, options: { onlyValid?: boolean; check?: boolean }): Promise<number> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    console.error(`unknown kind "${kind}"; one of ${IMPORT_KINDS.join(', ')}`);
    return 1;
  }
  const mode: ImportMode = options.check ? 'validate' : options.onlyValid ? 'commit-valid' : 'commit';
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const report = await runImport(
      handle.db,
      { kind: kind as ImportKindName, mode, bytes: fs.readFileSync(file), filename: path.basename(file), userId: null },
      systemClock.now(),
    );
    console.log(formatReport(report));
    return report.errors.length && report.written === 0 && mode !== 'validate' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const report = error.extra.report as ImportReport | undefined;
    console.error(
      report ? `${formatReport(report)}\nnothing written: fix the rows above, or pass --only-valid to import the good ones` : error.message,
    );
    return 1;
  } finally {
    await handle.close();
  }
}
