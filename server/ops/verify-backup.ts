import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '../db/connect.ts';
import { filePath } from '../documents/file-store.ts';
import { readManifest } from './backup-manifest.ts';
import { integrityCheck, storedFileHashes } from './ops.repository.ts';
import { runPgTool } from './pg-tools.ts';

/**
 * What is wrong with a backup folder, or nothing: its database opens and passes its engine's check (SQLite's
 * integrity check; pg_restore reading the dump's table of contents), and its files are the ones it should hold,
 * each with the bytes its name promises. A backup is checked after it is written and before it is restored.
 */
export async function verifyBackup(dir: string): Promise<string[]> {
  const manifest = await readManifest(dir);
  const database = path.join(dir, manifest.database);
  if (!fs.existsSync(database)) return [`its database ${manifest.database} is missing`];
  const problems: string[] = [];
  const present = await storedFilesIn(dir);
  if (manifest.engine === 'sqlite') {
    const copy = openDatabase({ dataDir: dir });
    try {
      const integrity = await integrityCheck(copy.db);
      if (integrity !== 'ok') problems.push(`SQLite's integrity check failed: ${integrity}`);
      const named = await storedFileHashes(copy.db);
      if (named.length !== manifest.fileCount)
        problems.push(`its database names ${named.length} files, its manifest ${manifest.fileCount}`);
      const missing = named.filter((sha256) => !present.has(sha256));
      if (missing.length) problems.push(`${missing.length} files its database names are missing (${missing.slice(0, 3).join(', ')}…)`);
    } finally {
      await copy.close();
    }
  } else {
    await runPgTool('pg_restore', ['--list', database], null).catch((error: Error) =>
      problems.push(`pg_restore cannot read its dump: ${error.message}`),
    );
  }
  if (present.size !== manifest.fileCount) problems.push(`it holds ${present.size} files, its manifest says ${manifest.fileCount}`);
  for (const sha256 of present) {
    if ((await sha256Of(filePath(dir, sha256))) !== sha256) problems.push(`the file ${sha256} does not hold the bytes its name says`);
  }
  return problems;
}

/** The names of the stored files under a folder's files/ (fan-out folders of two characters). */
export async function storedFilesIn(dir: string): Promise<Set<string>> {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return new Set();
  const entries = await fs.promises.readdir(root, { withFileTypes: true, recursive: true });
  return new Set(entries.filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name)).map((e) => e.name));
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}
