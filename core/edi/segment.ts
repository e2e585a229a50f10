import type { Separators } from './separators.ts';

/**
 * One segment as the tokenizer cut it: the tag, then the data elements, each a list of components.
 * `elements[0]` is the first data element after the tag (`e1` in EANCOM.md's addressing).
 */
export type Segment = {
  tag: string;
  elements: string[][];
  /** 1-based position of the segment in the file, UNA included, as one counts them in an editor. */
  index: number;
  /** Byte offset of the segment's first character in the file (the BOM counts). */
  byteOffset: number;
  /** Set on a UNA: the separators it declares for the interchange that follows. */
  una?: Separators;
  /** The file ended before this segment's terminator. */
  unterminated?: boolean;
};

/** Component `c` of element `e` (both 1-based), or null when absent or empty: EDIFACT does not tell them apart. */
export function value(segment: Segment, e: number, c = 1): string | null {
  const v = segment.elements[e - 1]?.[c - 1];
  return v === undefined || v === '' ? null : v;
}

/** The segment's qualifier (e1.1), the key EANCOM readers map segments by. */
export function qualifier(segment: Segment): string | null {
  return value(segment, 1, 1);
}
