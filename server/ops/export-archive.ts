import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parisNow } from '../../core/calendar/dates.ts';
import type { Db } from '../db/database.ts';
import { writeExport } from './export.ts';

/**
 * The export as one .zip for the admin's browser: written to a temporary folder by the same code as `carnet export`,
 * then zipped as a stream (file by file, read when their turn comes), the folder deleted once the download ends.
 */
export async function exportArchive(db: Db, dataDir: string, now: Date): Promise<{ stream: Readable; filename: string }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'carnet-export-'));
  const cleanUp = () => void fs.promises.rm(dir, { recursive: true, force: true });
  try {
    await writeExport(db, dataDir, dir);
    // jszip (a dependency of exceljs) is loaded with the first archive.
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    for (const entry of await fs.promises.readdir(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      zip.file(path.relative(dir, file).split(path.sep).join('/'), fs.createReadStream(file));
    }
    const stream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }) as Readable;
    stream.once('end', cleanUp).once('error', cleanUp).once('close', cleanUp);
    return { stream, filename: `carnet-export-${parisNow(now).date}.zip` };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
