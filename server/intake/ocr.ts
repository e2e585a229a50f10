import path from 'node:path';
import { createRequire } from 'node:module';
import os from 'node:os';
import type Tesseract from 'tesseract.js';

/**
 * OCR of a fax or a photo, in French, by tesseract.js with its French model from the npm package
 * `@tesseract.js-data/fra` (installed with Carnet): langPath points into node_modules, so nothing is downloaded at
 * run time. One worker per process, made on first use and kept (loading the model takes a second or two); the
 * image is first evened out (grey, enlarged when small, speckles off, black on white) with sharp.
 */
type Worker = Tesseract.Worker;
let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function frenchModelDir(): string {
  const require = createRequire(import.meta.url);
  const model = require('@tesseract.js-data/fra') as { langPath: string };
  return model.langPath;
}

async function getWorker(): Promise<Worker> {
  worker ??= (async () => {
    const { createWorker } = await import('tesseract.js');
    return createWorker('fra', 1, {
      langPath: frenchModelDir(),
      gzip: true,
      cacheMethod: 'none',
      cachePath: path.join(os.tmpdir(), 'carnet-tesseract'),
    });
  })();
  return worker;
}

export type OcrResult = { text: string; confidence: number };

export async function ocrImage(bytes: Buffer): Promise<OcrResult> {
  const sharp = (await import('sharp')).default;
  const meta = await sharp(bytes, { failOn: 'none' }).metadata();
  // A fax's speckles taken off (median), the paper's grey pushed to white, the ink to black.
  const prepared = await sharp(bytes, { failOn: 'none' })
    .rotate()
    .greyscale()
    .resize(meta.width && meta.width < 1600 ? { width: 2000 } : undefined)
    .median(3)
    .normalise()
    .threshold(150)
    .png()
    .toBuffer();
  const w = await getWorker();
  // One recognition at a time on the one worker.
  const run = queue.then(() => w.recognize(prepared));
  queue = run.catch(() => undefined);
  const { data } = await run;
  return { text: data.text, confidence: Math.max(0, Math.min(1, data.confidence / 100)) };
}

/** Ends the worker (tests, shutdown). */
export async function stopOcr(): Promise<void> {
  if (!worker) return;
  const w = await worker;
  worker = null;
  await w.terminate();
}
