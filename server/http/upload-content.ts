import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../errors.ts';

/**
 * An uploaded file judged by its bytes, never by its name or its declared type: what `file-type` recognises from
 * its content must be one of `binaryKinds` (e.g. `xlsx`), and a file it does not recognise must be text (a CSV):
 * no NUL byte. A program, an archive or a PDF renamed `.csv` is refused before anything reads it.
 */
export async function assertUploadContent(bytes: Uint8Array, binaryKinds: readonly string[], path = 'body.file'): Promise<void> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (!binaryKinds.includes(detected.ext))
      throw invalid(
        path,
        'choice',
        { allowed: ['csv', ...binaryKinds].join(', ') },
        `is a ${detected.ext} file by its content, not one Carnet reads here`,
      );
    return;
  }
  if (bytes.subarray(0, 64 * 1024).includes(0))
    throw invalid(
      path,
      'choice',
      { allowed: ['csv', ...binaryKinds].join(', ') },
      'is not text by its content (a binary file), nor a spreadsheet',
    );
}
