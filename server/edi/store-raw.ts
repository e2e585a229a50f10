import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { filePath, type StoredFile } from '../documents/file-store.ts';

/**
 * Files a (possibly huge) interchange in the file store by streaming it: hashed while copied aside, then renamed
 * to its SHA-256 name, so memory holds one chunk whatever the size and the raw bytes are kept before any parsing.
 */
export async function storeFileFromPath(dataDir: string, source: string): Promise<StoredFile> {
  const temp = path.join(dataDir, 'files', `incoming-${randomBytes(6).toString('hex')}.tmp`);
  await fs.promises.mkdir(path.dirname(temp), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    fs.createReadStream(source, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    }),
    fs.createWriteStream(temp, { flush: true }),
  );
  const sha256 = hash.digest('hex');
  const target = filePath(dataDir, sha256);
  if (fs.existsSync(target)) await fs.promises.rm(temp);
  else {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(temp, target);
  }
  return { sha256, sizeBytes: size };
}
