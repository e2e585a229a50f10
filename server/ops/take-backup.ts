import fs from 'node:fs';
import path from 'node:path';
import { backupName } from '../../core/ops/backup-name.ts';
import { backupsToPrune } from '../../core/ops/retention.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { BackupRunsTable } from './ops.table.ts';
import { insertBackupRun } from './ops.repository.ts';
import { writeBackup } from './backup.ts';

export type BackupContext = { db: Db; engine: Engine; config: Config; clock: Clock };
export type BackupRun = Omit<BackupRunsTable, 'id'>;

/**
 * One backup, whoever asks: written and checked (backup.ts), its outcome recorded for the admin's screen and the
 * metrics, and, when it went to BACKUP_DIR, the oldest backups beyond BACKUP_KEEP deleted. A failure is recorded
 * and returned, not thrown: the schedule goes on, and the screen shows why.
 */
export async function takeBackup(ctx: BackupContext, trigger: BackupRun['trigger'], destDir = ctx.config.backupDir): Promise<BackupRun> {
  const startedAt = ctx.clock.now();
  const source = { db: ctx.db, engine: ctx.engine, dataDir: ctx.config.dataDir, databaseUrl: ctx.config.DATABASE_URL };
  let run: BackupRun;
  try {
    const written = await writeBackup(source, destDir, startedAt);
    run = {
      name: written.name,
      location: written.dir,
      trigger,
      status: 'ok',
      error: null,
      fileCount: written.manifest.fileCount,
      sizeBytes: written.sizeBytes,
      startedAt: startedAt.toISOString(),
      finishedAt: ctx.clock.now().toISOString(),
    };
  } catch (error) {
    run = {
      name: backupName(startedAt),
      location: destDir,
      trigger,
      status: 'failed',
      error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      fileCount: null,
      sizeBytes: null,
      startedAt: startedAt.toISOString(),
      finishedAt: ctx.clock.now().toISOString(),
    };
  }
  // Backing up before an upgrade, the database may be of a schema without backup_runs yet: the backup stands, only
  // its record is lost (the command says the outcome anyway).
  await insertBackupRun(ctx.db, run).catch(() => undefined);
  if (run.status === 'ok' && path.resolve(destDir) === ctx.config.backupDir) await prune(destDir, ctx.config.BACKUP_KEEP);
  return run;
}

async function prune(dir: string, keep: number): Promise<void> {
  for (const name of backupsToPrune(await fs.promises.readdir(dir), keep)) {
    await fs.promises.rm(path.join(dir, name), { recursive: true, force: true });
  }
}
