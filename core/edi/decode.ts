/**
 * Bytes to text for the tokenizer. Real files declare UNOA/UNOC and send UTF-8 anyway, or the reverse
 * (EANCOM.md § 1), so the charset is never taken from UNB: UTF-8 while the bytes are valid UTF-8, Latin-1
 * (as browsers and Node read it: windows-1252, which French Windows exports actually contain) from the first
 * chunk that is not. A UTF-8 byte order mark is handed over as U+FEFF, which the tokenizer skips.
 */
export type DecodedChunk = { text: string; latin1: boolean };

const utf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1Decoder = new TextDecoder('latin1');

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** How many bytes at the end start a UTF-8 sequence that the next chunk completes (0 to 3). */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > k ? k : 0;
    }
    return 0;
  }
  return 0;
}

export class EdiByteDecoder {
  private readonly utf8 = utf8();
  private pending: Uint8Array = new Uint8Array(0);
  private started = false;
  private bytesSeen = 0;
  /** Byte offset from which the text was read as Latin-1, or null while it is all UTF-8. */
  latin1From: number | null = null;

  decode(chunk: Uint8Array): DecodedChunk {
    let bytes = chunk;
    if (this.pending.length) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
      this.pending = new Uint8Array(0);
    }
    let prefix = '';
    if (!this.started && bytes.length) {
      if (bytes.length < 3 && bytes[0] === 0xef) {
        this.pending = bytes.slice(); // the BOM may be split over chunks too
        return { text: '', latin1: false };
      }
      this.started = true;
      if (hasBom(bytes)) {
        prefix = '\ufeff';
        bytes = bytes.subarray(3);
        this.bytesSeen += 3;
      }
    }
    const at = this.bytesSeen;
    this.bytesSeen += bytes.length;
    if (this.latin1From !== null) return { text: prefix + latin1Decoder.decode(bytes), latin1: true };
    const tail = incompleteUtf8Tail(bytes);
    try {
      const text = this.utf8.decode(tail ? bytes.subarray(0, bytes.length - tail) : bytes);
      if (tail) {
        this.pending = bytes.slice(bytes.length - tail);
        this.bytesSeen -= tail;
      }
      return { text: prefix + text, latin1: false };
    } catch {
      this.latin1From = at;
      return { text: prefix + latin1Decoder.decode(bytes), latin1: true };
    }
  }

  /** Bytes held back at the end of the file: a truncated UTF-8 sequence is read as Latin-1. */
  flush(): DecodedChunk {
    if (!this.pending.length) return { text: '', latin1: false };
    const bytes = this.pending;
    this.pending = new Uint8Array(0);
    if (!this.started && hasBom(bytes)) return { text: '\ufeff', latin1: false };
    if (this.latin1From === null) this.latin1From = this.bytesSeen;
    this.bytesSeen += bytes.length;
    return { text: latin1Decoder.decode(bytes), latin1: true };
  }
}

/** A whole file at once: UTF-8 if it all is, else Latin-1 throughout. */
export function decodeEdiBytes(bytes: Uint8Array): DecodedChunk {
  const bom = hasBom(bytes) ? '\ufeff' : '';
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: bom + utf8().decode(body), latin1: false };
  } catch {
    return { text: bom + latin1Decoder.decode(body), latin1: true };
  }
}
