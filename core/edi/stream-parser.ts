import { type EdiEvent, InterchangeAssembler } from './assembler.ts';
import { EdiTokenizer } from './tokenizer.ts';

/**
 * Text in, envelope events out, chunk by chunk: what a file reader of any size drives (server/edi/),
 * and what `parseEdi` drives with one chunk. Throws EdiSyntaxError on a malformed structure.
 */
export class EdiStreamParser {
  private readonly tokenizer = new EdiTokenizer();
  private readonly assembler = new InterchangeAssembler();

  feed(text: string, latin1 = false): EdiEvent[] {
    const out: EdiEvent[] = [];
    for (const segment of this.tokenizer.feed(text, latin1)) this.assembler.push(segment, out);
    return out;
  }

  /** Where the next segment starts: for reports about the input itself (a change of charset). */
  position(): { segmentIndex: number; byteOffset: number } {
    return this.tokenizer.position();
  }

  end(): EdiEvent[] {
    const out: EdiEvent[] = [];
    for (const segment of this.tokenizer.end()) this.assembler.push(segment, out);
    this.assembler.end(out, this.tokenizer.position());
    return out;
  }
}
