/** Where in a file something is wrong, in the terms an EDI operator reads: segment, element, component. */
export type EdiLocation = {
  /** 1-based segment position in the file (see Segment.index); for an unexpected end of file, one past the last. */
  segmentIndex: number;
  /** The tag of that segment, or null at the end of the file. */
  tag: string | null;
  /** 1-based data element position after the tag, null when the whole segment is at fault. */
  elementPosition: number | null;
  /** 1-based component position inside the element, null when the whole element is at fault. */
  componentPosition: number | null;
  byteOffset: number;
  expected: string;
  found: string | null;
};

/** A structure no reader can trust: the interchange is refused. */
export class EdiSyntaxError extends Error {
  readonly location: EdiLocation;
  constructor(location: EdiLocation) {
    super(describeLocation(location));
    this.name = 'EdiSyntaxError';
    this.location = location;
  }
}

export type EdiWarningCode =
  | 'segment-count'
  | 'message-count'
  | 'group-count'
  | 'reference-mismatch'
  | 'missing-unz'
  | 'missing-une'
  | 'syntax-identifier'
  | 'syntax-version'
  | 'message-version'
  | 'party-id'
  | 'date'
  | 'unterminated'
  | 'charset';

/** Real files break control counts and references (EANCOM.md § 1): these are reported, never fatal. */
export type EdiWarning = EdiLocation & { code: EdiWarningCode; message: string };

export function describeLocation(l: EdiLocation): string {
  const where = l.tag === null ? `at the end of the file (segment ${l.segmentIndex})` : `in segment ${l.segmentIndex} (${l.tag})`;
  const element =
    l.elementPosition === null
      ? ''
      : `, element ${l.elementPosition}${l.componentPosition === null ? '' : ` component ${l.componentPosition}`}`;
  const found = l.found === null ? '' : `, found ${JSON.stringify(l.found)}`;
  return `${where}${element} at byte ${l.byteOffset}: expected ${l.expected}${found}`;
}
