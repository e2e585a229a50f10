import type { EdiEvent } from './assembler.ts';
import { decodeEdiBytes } from './decode.ts';
import type { EdiMessage, InterchangeHeader, InterchangeTrailer } from './envelope.ts';
import { type EdiLocation, EdiSyntaxError, type EdiWarning } from './errors.ts';
import { EdiStreamParser } from './stream-parser.ts';

export type Interchange = {
  header: InterchangeHeader;
  messages: EdiMessage[];
  /** null when the file had no UNZ for it. */
  trailer: InterchangeTrailer | null;
  warnings: EdiWarning[];
};

/** A malformed file is an expected outcome of intake, so it is a typed result, not an exception. */
export type EdiParseResult =
  | { ok: true; interchanges: Interchange[]; warnings: EdiWarning[]; latin1: boolean }
  | { ok: false; error: EdiLocation & { message: string } };

/** Gathers events into whole interchanges: for inputs that fit in memory (tests, writers' round trips, HTTP bodies). */
export class InterchangeCollector {
  readonly interchanges: Interchange[] = [];
  readonly warnings: EdiWarning[] = [];
  private current: Interchange | null = null;

  add(events: readonly EdiEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'interchange':
          this.current = { header: event.header, messages: [], trailer: null, warnings: [] };
          this.interchanges.push(this.current);
          break;
        case 'message':
          this.current!.messages.push(event.message);
          break;
        case 'interchange-end':
          this.current!.trailer = event.trailer;
          this.current = null;
          break;
        case 'warning':
          this.warnings.push(event.warning);
          (this.current ?? this.interchanges.at(-1))?.warnings.push(event.warning);
          break;
      }
    }
  }
}

/** Parses a whole file held in memory: bytes are decoded as UTF-8, else Latin-1 (see decode.ts). */
export function parseEdi(input: string | Uint8Array): EdiParseResult {
  const { text, latin1 } = typeof input === 'string' ? { text: input, latin1: false } : decodeEdiBytes(input);
  const parser = new EdiStreamParser();
  const collector = new InterchangeCollector();
  try {
    collector.add(parser.feed(text, latin1));
    collector.add(parser.end());
  } catch (error) {
    if (error instanceof EdiSyntaxError) return { ok: false, error: { ...error.location, message: error.message } };
    throw error;
  }
  return { ok: true, interchanges: collector.interchanges, warnings: collector.warnings, latin1 };
}
