import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { backupName } from '../../core/ops/backup-name.ts';
import { type Engine, openDatabase, sqliteFile } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { filePath } from '../documents/file-store.ts';
import { type BackupManifest, writeManifest } from './backup-manifest.ts';
import { exportSnapshot, storedFileHashes } from './ops.repository.ts';
import { runPgTool } from './pg-tools.ts';
import { verifyBackup } from './verify-backup.ts';

/** The installation a backup is taken of: its open database and where its files live. */
export type BackupSource = { db: Db; engine: Engine; dataDir: string; databaseUrl?: string };
export type WrittenBackup = { name: string; dir: string; manifest: BackupManifest; sizeBytes: number };

/** The largest number of pages one backup step may copy: all of them, see copySqlite. */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a backup of a running Carnet into `destDir/<carnet-backup-…>/`: the database as of one instant, the
 * stored files that state names, and a manifest; checks it (verify-backup.ts); and only then gives the folder its
 * name. Until then it is `….partial`, so a crash or a failed check never leaves something that looks like a backup.
 */
export async function writeBackup(source: BackupSource, destDir: string, at: Date): Promise<WrittenBackup> {
  const name = backupName(at);
  const dir = path.join(destDir, name);
  const partial = `${dir}.partial`;
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists: one backup per second`);
  await fs.promises.rm(partial, { recursive: true, force: true });
  await fs.promises.mkdir(partial, { recursive: true });
  try {
    const hashes = source.engine === 'sqlite' ? await copySqlite(source.dataDir, partial) : await copyPostgres(source, partial);
    for (const sha256 of hashes) {
      const target = filePath(partial, sha256);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.copyFile(filePath(source.dataDir, sha256), target).catch((error: Error) => {
        throw new Error(`the stored file ${sha256} that the database names is missing from ${source.dataDir}/files: ${error.message}`);
      });
    }
    const manifest: BackupManifest = {
      format: 1,
      engine: source.engine,
      takenAt: at.toISOString(),
      database: source.engine === 'sqlite' ? 'carnet.sqlite' : 'carnet.dump',
      fileCount: hashes.length,
      migration: Object.keys(migrations).at(-1)!,
    };
    await writeManifest(partial, manifest);
    const problems = await verifyBackup(partial);
    if (problems.length) throw new Error(`the backup failed its check: ${problems.join('; ')}`);
    await fs.promises.rename(partial, dir);
    return { name, dir, manifest, sizeBytes: await folderSize(dir) };
  } catch (error) {
    await fs.promises.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * SQLite's online backup API, from a connection of its own while the app keeps writing through its connection. A
 * write by another connection restarts a backup that copies in steps; copying every page in one step makes the copy
 * one read transaction, so it is the database as of one commit. WAL mode lets the writers go on meanwhile.
 */
async function copySqlite(dataDir: string, dest: string): Promise<string[]> {
  const live = new SQLite(sqliteFile(dataDir), { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(sqliteFile(dest), { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  // The files to copy are those the copy names, not the live database, which has moved on since.
  const copy = openDatabase({ dataDir: dest });
  try {
    return await storedFileHashes(copy.db);
  } finally {
    await copy.close();
  }
}

/**
 * pg_dump in its custom format (compressed, restored table by table by pg_restore), reading the snapshot of a
 * repeatable-read transaction that lists the stored files in the same instant: the dump and the files agree.
 */
async function copyPostgres(source: BackupSource, dest: string): Promise<string[]> {
  if (!source.databaseUrl) throw new Error('a PostgreSQL backup needs DATABASE_URL');
  const databaseUrl = source.databaseUrl;
  return source.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snapshot = await exportSnapshot(trx);
      const hashes = await storedFileHashes(trx);
      await runPgTool(
        'pg_dump',
        ['--format=custom', `--snapshot=${snapshot}`, '--no-owner', `--file=${path.join(dest, 'carnet.dump')}`],
        databaseUrl,
      );
      return hashes;
    });
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.promises.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
