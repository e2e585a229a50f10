import { EdiSyntaxError } from './errors.ts';
import type { Segment } from './segment.ts';
import { DEFAULT_SEPARATORS, separatorClash, separatorsFromUna, type Separators } from './separators.ts';

const NUL = 0;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;
const U = 0x55;
const PLUS = 0x2b;

/** Bytes a UTF-16 code unit stands for beyond the first (a surrogate pair is 4 bytes over 2 units). */
function extraUtf8Bytes(c: number): number {
  return c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
}

/**
 * Cuts EDIFACT text into segments, chunk by chunk, in constant memory: `feed` returns the segments completed by
 * the chunk, whatever its boundaries (a release character, a UNA or a segment may straddle two chunks).
 *
 * What real files need (EANCOM.md § 1): a UNA is honoured wherever a segment starts, so each interchange of a
 * file may declare its own separators; a UNB written with the default `+` after an interchange with other
 * separators goes back to the defaults; CR and LF are dropped everywhere outside a release, even mid-segment
 * (fixed-width wrapped files); a release before an ordinary character yields that character; a BOM, blanks
 * and control characters between segments are skipped; empty segments (`''`) are dropped.
 * It never validates (the assembler does, with the positions kept here), but for a NUL inside a segment: refused
 * where it stands, since nothing downstream could keep it.
 *
 * Speed: one charCodeAt loop, and each component is sliced once from the chunk (no per-character
 * concatenation); a component only concatenates where a release, a line break or a chunk boundary cuts it.
 */
export class EdiTokenizer {
  private separators: Separators = DEFAULT_SEPARATORS;
  private tag: string | null = null;
  private elements: string[][] = [];
  private components: string[] = [];
  private partial = '';
  private inSegment = false;
  private released = false;
  private carry = '';
  private consumedChars = 0;
  private extraBytes = 0;
  private segmentCount = 0;
  private segmentByte = 0;

  /** `latin1`: the chunk was decoded one byte per character, so byte offsets count one per character. */
  feed(chunk: string, latin1 = false): Segment[] {
    const out: Segment[] = [];
    this.run(chunk, latin1, false, out);
    return out;
  }

  /** The segments still held: a service header cut short, and a last segment that lacks its terminator. */
  end(): Segment[] {
    const out: Segment[] = [];
    this.run('', false, true, out);
    if (this.inSegment) {
      this.components.push(this.partial);
      this.endElement();
      this.emit(out, true);
    }
    return out;
  }

  /** Where the next segment would be: what an error at the end of the file points to. */
  position(): { segmentIndex: number; byteOffset: number } {
    return { segmentIndex: this.segmentCount + 1, byteOffset: this.consumedChars + this.extraBytes };
  }

  private run(chunk: string, latin1: boolean, final: boolean, out: Segment[]): void {
    const text = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    const n = text.length;
    let component = this.separators.component.charCodeAt(0);
    let element = this.separators.element.charCodeAt(0);
    let release = this.separators.release.charCodeAt(0);
    let terminator = this.separators.terminator.charCodeAt(0);
    let i = 0;
    let start = 0;
    let extra = this.extraBytes;
    outer: while (i < n) {
      if (!this.inSegment) {
        const c = text.charCodeAt(i);
        if (c <= 32 || c === BOM) {
          if (c === BOM) extra += 2; // the decoder hands a BOM over as U+FEFF, three bytes, whatever the charset
          i++;
          continue;
        }
        if (c === U) {
          const available = n - i;
          if (available < 9 && !final) {
            // Perhaps a UNA or UNB whose end is in the next chunk: decide once it is whole.
            this.carry = text.slice(i);
            break;
          }
          if (available >= 9 && text.startsWith('UNA', i)) {
            this.readUna(text.slice(i + 3, i + 9), this.consumedChars + i + extra, out);
            component = this.separators.component.charCodeAt(0);
            element = this.separators.element.charCodeAt(0);
            release = this.separators.release.charCodeAt(0);
            terminator = this.separators.terminator.charCodeAt(0);
            i += 9;
            continue;
          }
          if (available >= 4 && text.startsWith('UNB', i) && text.charCodeAt(i + 3) !== element && text.charCodeAt(i + 3) === PLUS) {
            // A new interchange without UNA is in the default separators, whatever the previous one declared.
            this.separators = DEFAULT_SEPARATORS;
            component = 0x3a;
            element = PLUS;
            release = 0x3f;
            terminator = 0x27;
          }
        }
        this.inSegment = true;
        this.segmentCount++;
        this.segmentByte = this.consumedChars + i + extra;
        start = i;
      }
      // Hot loop: state in locals, written back to the fields only where a segment or the chunk ends.
      let released = this.released;
      let partial = this.partial;
      let components = this.components;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (released) {
          released = false;
          if (c === NUL) this.refuseNul(partial + text.slice(start, i), this.consumedChars + i + extra);
          if (c >= 0x80 && !latin1) extra += extraUtf8Bytes(c);
        } else if (c === component) {
          components.push(partial === '' ? text.slice(start, i) : partial + text.slice(start, i));
          partial = '';
          start = i + 1;
        } else if (c === element) {
          components.push(partial === '' ? text.slice(start, i) : partial + text.slice(start, i));
          partial = '';
          this.endElement();
          components = this.components;
          start = i + 1;
        } else if (c === terminator) {
          components.push(partial === '' ? text.slice(start, i) : partial + text.slice(start, i));
          this.partial = '';
          this.endElement();
          this.emit(out, false);
          i++;
          continue outer;
        } else if (c === release) {
          partial += text.slice(start, i);
          start = i + 1;
          released = true;
        } else if (c < 0x20) {
          if (c === NUL) this.refuseNul(partial + text.slice(start, i), this.consumedChars + i + extra);
          if (c === CR || c === LF) {
            partial += text.slice(start, i);
            start = i + 1;
          }
        } else if (c >= 0x80 && !latin1) {
          extra += extraUtf8Bytes(c);
        }
      }
      this.released = released;
      this.partial = partial + text.slice(start, n);
    }
    this.extraBytes = extra;
    this.consumedChars += n - this.carry.length;
  }

  private readUna(advice: string, byteOffset: number, out: Segment[]): void {
    this.segmentCount++;
    const separators = separatorsFromUna(advice);
    const clash = separatorClash(separators);
    if (clash) {
      throw new EdiSyntaxError({
        segmentIndex: this.segmentCount,
        tag: 'UNA',
        elementPosition: null,
        componentPosition: null,
        byteOffset,
        expected: `six service characters with distinct separators (${clash})`,
        found: advice,
      });
    }
    this.separators = separators;
    out.push({ tag: 'UNA', elements: [], index: this.segmentCount, byteOffset, una: separators });
  }

  /**
   * A NUL inside a segment: no EDIFACT character set has it, and PostgreSQL cannot store it in text. Located in
   * the segment, the element and the component it cuts (the tag itself when it comes before the first `+`).
   */
  private refuseNul(before: string, byteOffset: number): never {
    const inTag = this.tag === null;
    throw new EdiSyntaxError({
      segmentIndex: this.segmentCount,
      tag: inTag ? before : this.tag,
      elementPosition: inTag ? null : this.elements.length + 1,
      componentPosition: inTag ? null : this.components.length + 1,
      byteOffset,
      expected: 'a character of the interchange (NUL is none)',
      found: 'U+0000',
    });
  }

  private endElement(): void {
    if (this.tag === null) this.tag = this.components[0];
    else this.elements.push(this.components);
    this.components = [];
  }

  private emit(out: Segment[], unterminated: boolean): void {
    const tag = this.tag ?? '';
    const elements = this.elements;
    this.tag = null;
    this.elements = [];
    this.inSegment = false;
    this.released = false;
    if (tag === '' && elements.length === 0) {
      this.segmentCount--; // an empty segment ('') is noise between segments, not a segment
      return;
    }
    const segment: Segment = { tag, elements, index: this.segmentCount, byteOffset: this.segmentByte };
    if (unterminated) segment.unterminated = true;
    out.push(segment);
  }
}
