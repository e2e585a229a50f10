import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DbOrTrx } from '../db/database.ts';

/**
 * Files live under DATA_DIR/files, named by the SHA-256 of their bytes (two-character fan-out folder): the same
 * bytes are stored once, a name can never point at other content, and a file written by a transaction that then
 * rolled back is a harmless orphan rather than a wrong document.
 */
export type StoredFile = { sha256: string; sizeBytes: number };

export function filePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

export async function storeFile(dataDir: string, bytes: Buffer): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = filePath(dataDir, sha256);
  if (!fs.existsSync(target)) {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Write aside then rename: a reader never sees half a file, even if the process dies mid-write.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(temp, bytes, { flush: true });
    await fs.promises.rename(temp, target);
  }
  return { sha256, sizeBytes: bytes.length };
}

export function openFile(dataDir: string, sha256: string): fs.ReadStream | null {
  const p = filePath(dataDir, sha256);
  return fs.existsSync(p) ? fs.createReadStream(p) : null;
}

// Each database keeps its files in its own DATA_DIR. Binding the folder to the database (its dialect adapter, which
// the database and every transaction on it share) lets a use case deep inside a transaction file a document
// without the folder being threaded through every call; two databases open in one process (the tests) keep apart.
const folders = new WeakMap<object, string>();

export function bindFileStore(db: DbOrTrx, dataDir: string): void {
  folders.set(db.getExecutor().adapter, dataDir);
}

/** The DATA_DIR of this database or transaction, as openDatabase bound it. */
export function fileStoreOf(db: DbOrTrx): string {
  const dataDir = folders.get(db.getExecutor().adapter);
  if (!dataDir) throw new Error('No file store is bound to this database: open it with openDatabase (or call bindFileStore).');
  return dataDir;
}
