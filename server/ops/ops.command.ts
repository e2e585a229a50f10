import path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { writeExport } from './export.ts';
import { restoreBackup } from './restore.ts';
import { takeBackup } from './take-backup.ts';

/** `carnet backup`, `carnet restore`, `carnet export`: an installation's data, kept safe and taken away. */
export function registerOpsCommands(program: Command): void {
  program
    .command('backup')
    .description('write a checked backup (database and stored files) while Carnet runs; default folder: BACKUP_DIR')
    .argument('[dest]', 'the folder to write the backup folder into')
    .action(async (dest: string | undefined) => {
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        const run = await takeBackup(
          { db: handle.db, engine: handle.engine, config, clock: systemClock },
          'command',
          path.resolve(dest ?? config.backupDir),
        );
        if (run.status === 'ok')
          console.log(`backup written and checked: ${run.location} (${run.fileCount} files, ${run.sizeBytes} bytes)`);
        else {
          console.error(`backup FAILED: ${run.error}`);
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });

  program
    .command('restore')
    .description('restore a backup into an empty DATA_DIR (SQLite) or the empty database DATABASE_URL names')
    .argument('<backup>', 'a backup folder (carnet-backup-…) written by `carnet backup`')
    .option('--force', 'replace the Carnet already there (stop it first)')
    .action(async (backup: string, options: { force?: boolean }) => {
      const config = loadConfig();
      const outcome = await restoreBackup(
        path.resolve(backup),
        { dataDir: config.dataDir, databaseUrl: config.DATABASE_URL },
        options.force ?? false,
      );
      if (!outcome.ok) {
        console.error(`not restored: ${outcome.reason}`);
        process.exitCode = 1;
        return;
      }
      console.log(`restored the ${outcome.engine} backup of ${outcome.takenAt} (${outcome.fileCount} files); start Carnet to serve it`);
    });

  program
    .command('export')
    .description('write every table as CSV and as one Excel workbook, with the documents, into a folder')
    .argument('<dir>', 'the folder to write into (created)')
    .action(async (dir: string) => {
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        await migrateToLatest(handle.db);
        const summary = await writeExport(handle.db, config.dataDir, path.resolve(dir));
        const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(`exported ${summary.tables.length} tables (${rows} rows) and ${summary.documents} documents into ${path.resolve(dir)}`);
        if (summary.missingDocuments) {
          console.error(
            `${summary.missingDocuments} documents have no file in ${config.dataDir}/files: listed in documents.csv, not copied`,
          );
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
}
