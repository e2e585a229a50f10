import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, sqliteFile } from '../db/connect.ts';
import { migrations } from '../db/migrations/index.ts';
import { filePath } from '../documents/file-store.ts';
import { readManifest } from './backup-manifest.ts';
import { dropPublicSchema, holdsCarnetTables } from './ops.repository.ts';
import { runPgTool } from './pg-tools.ts';
import { storedFilesIn, verifyBackup } from './verify-backup.ts';

/** Where a backup is restored: the DATA_DIR, and the PostgreSQL database when DATABASE_URL names one. */
export type RestoreTarget = { dataDir: string; databaseUrl?: string };
export type RestoreOutcome =
  { ok: true; engine: 'sqlite' | 'postgres'; fileCount: number; takenAt: string } | { ok: false; reason: string };

/**
 * Restores a backup into an empty DATA_DIR (SQLite) or an empty database (PostgreSQL), files included. A target that
 * already holds a Carnet is refused unless `force`: then it is replaced, so Carnet must be stopped first. The backup
 * is checked before anything is touched, and must come from this Carnet's version or an older one (the next start
 * migrates it).
 */
export async function restoreBackup(backupDir: string, target: RestoreTarget, force: boolean): Promise<RestoreOutcome> {
  const manifest = await readManifest(backupDir);
  const engine = target.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.engine !== engine) {
    return {
      ok: false,
      reason: `this is a ${manifest.engine} backup and this Carnet runs on ${engine}: restore it on ${manifest.engine}, or move the data with \`carnet export\``,
    };
  }
  if (!(manifest.migration in migrations)) {
    return {
      ok: false,
      reason: `this backup comes from a newer Carnet (schema ${manifest.migration}): upgrade Carnet first, then restore`,
    };
  }
  const problems = await verifyBackup(backupDir);
  if (problems.length) return { ok: false, reason: `the backup failed its check: ${problems.join('; ')}` };

  const database = path.join(backupDir, manifest.database);
  if (engine === 'sqlite') {
    const refusal = await restoreSqlite(database, target.dataDir, force);
    if (refusal) return { ok: false, reason: refusal };
  } else {
    const refusal = await restorePostgres(database, target.databaseUrl!, target.dataDir, force);
    if (refusal) return { ok: false, reason: refusal };
  }
  await copyFiles(backupDir, target.dataDir);
  return { ok: true, engine, fileCount: manifest.fileCount, takenAt: manifest.takenAt };
}

async function restoreSqlite(database: string, dataDir: string, force: boolean): Promise<string | null> {
  const live = sqliteFile(dataDir);
  if (fs.existsSync(live) && !force)
    return `${live} already exists: restore into an empty DATA_DIR, or stop Carnet and add --force to replace it`;
  await fs.promises.mkdir(dataDir, { recursive: true });
  // Copied aside, then renamed over: the DATA_DIR holds the old database or the new one, never half of one. The
  // old one's write-ahead log goes with it, or SQLite would replay it onto the restored file.
  const temp = `${live}.${randomBytes(6).toString('hex')}.restoring`;
  await fs.promises.copyFile(database, temp);
  for (const suffix of ['-wal', '-shm']) await fs.promises.rm(`${live}${suffix}`, { force: true });
  await fs.promises.rename(temp, live);
  return null;
}

async function restorePostgres(dump: string, databaseUrl: string, dataDir: string, force: boolean): Promise<string | null> {
  const handle = openDatabase({ databaseUrl, dataDir });
  try {
    if (await holdsCarnetTables(handle.db)) {
      if (!force) return 'the database already holds tables: restore into an empty database, or stop Carnet and add --force to replace it';
      await dropPublicSchema(handle.db);
    }
  } finally {
    await handle.close();
  }
  // --single-transaction: a restore that fails half-way leaves the database empty, not half-restored.
  await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}`,
      dump,
    ],
    databaseUrl,
  );
  return null;
}

/** The backup's stored files into DATA_DIR/files; a file already there has the same bytes (its name is their hash). */
async function copyFiles(backupDir: string, dataDir: string): Promise<void> {
  for (const sha256 of await storedFilesIn(backupDir)) {
    const target = filePath(dataDir, sha256);
    if (fs.existsSync(target)) continue;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.copyFile(filePath(backupDir, sha256), target);
  }
}
