import fs from 'node:fs';
import type { EdiEvent } from '../../core/edi/assembler.ts';
import { EdiByteDecoder } from '../../core/edi/decode.ts';
import { EdiStreamParser } from '../../core/edi/stream-parser.ts';

/** 64 KiB reads: large enough that the per-chunk work is noise, small enough to stay in the CPU cache. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The envelope events of a file, read as a stream: memory holds one chunk and one message, whatever the file
 * size. Bytes are decoded as UTF-8 and, from the first chunk that is not valid UTF-8, as Latin-1 (reported
 * once as a `charset` warning). Throws EdiSyntaxError where the structure breaks.
 */
export async function* readEdiEvents(file: string, options: { chunkBytes?: number } = {}): AsyncGenerator<EdiEvent> {
  const decoder = new EdiByteDecoder();
  const parser = new EdiStreamParser();
  let reportedLatin1 = false;
  const charsetWarning = (): EdiEvent => {
    reportedLatin1 = true;
    const { segmentIndex } = parser.position();
    return {
      type: 'warning',
      warning: {
        code: 'charset',
        message: 'the file is not valid UTF-8 from here on; read as Latin-1',
        segmentIndex,
        tag: null,
        elementPosition: null,
        componentPosition: null,
        byteOffset: decoder.latin1From ?? 0,
        expected: 'UTF-8',
        found: 'Latin-1',
      },
    };
  };
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkBytes ?? CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const { text, latin1 } = decoder.decode(chunk);
    if (latin1 && !reportedLatin1) yield charsetWarning();
    yield* parser.feed(text, latin1);
  }
  const rest = decoder.flush();
  if (rest.latin1 && !reportedLatin1) yield charsetWarning();
  yield* parser.feed(rest.text, rest.latin1);
  yield* parser.end();
}
