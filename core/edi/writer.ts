import { ccyymmdd } from './dates.ts';
import { DEFAULT_SEPARATORS, type Separators, unaString } from './separators.ts';

/** A component: text, or null / undefined for an empty position. */
export type Component = string | number | null | undefined;
/** An element: one component, or a composite. */
export type Element = Component | Component[];
/** A segment to write: the tag, then its elements. */
export type SegmentSpec = [tag: string, ...elements: Element[]];

/**
 * UNOC is ISO 8859-1: characters beyond it become their nearest Latin-1 text, so the interchange can be
 * written one byte per character and any partner's parser reads it (a French name holds ’ œ … €).
 */
const TRANSLITERATIONS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u0152': 'OE',
  '\u0153': 'oe',
  '\u20ac': 'EUR',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/** Characters that need work: beyond Latin-1, or line breaks. Most data has none and is kept as it is. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this class names
const NOT_PLAIN_LATIN1 = /[^\x00-\x09\x0b\x0c\x0e-\xff]/;

function toLatin1(text: string): string {
  if (!NOT_PLAIN_LATIN1.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 13 || c === 10) out += ' ';
    else if (c <= 0xff) out += ch;
    else out += TRANSLITERATIONS[ch] ?? '.';
  }
  return out;
}

/** The service characters of a separator set as one regular expression, built once per set (messages are written by the thousand). */
const SERVICE_CHARACTERS = new WeakMap<Separators, RegExp>();

function serviceCharacters(s: Separators): RegExp {
  let re = SERVICE_CHARACTERS.get(s);
  if (!re) {
    re = new RegExp(`[${[s.release, s.component, s.element, s.terminator].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');
    SERVICE_CHARACTERS.set(s, re);
  }
  return re;
}

/** Precedes every service character in data with the release character. */
export function escapeData(text: string, s: Separators = DEFAULT_SEPARATORS): string {
  const latin1 = toLatin1(text);
  const service = serviceCharacters(s);
  service.lastIndex = 0;
  return service.test(latin1) ? latin1.replace(service, (ch) => s.release + ch) : latin1;
}

function componentText(c: Component, s: Separators): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? String(c) : escapeData(c, s);
}

/** One segment as text; empty trailing components and elements are left out, as ISO 9735 asks. */
export function writeSegment([tag, ...elements]: SegmentSpec, s: Separators = DEFAULT_SEPARATORS): string {
  // Every stored EDI message is written back through here: plain loops, no intermediate arrays per element.
  let out = tag;
  let held = '';
  for (const e of elements) {
    let text = '';
    if (Array.isArray(e)) {
      // Separators are held back until a non-empty component follows them: trailing empties leave nothing.
      let separators = '';
      for (let i = 0; i < e.length; i++) {
        if (i) separators += s.component;
        const c = componentText(e[i], s);
        if (c !== '') {
          text += separators + c;
          separators = '';
        }
      }
    } else text = componentText(e, s);
    held += s.element;
    if (text !== '') {
      out += held + text;
      held = '';
    }
  }
  return out + s.terminator;
}

export type EnvelopeInput = {
  /** Our GLN (UNB S002, qualifier 14). */
  sender: string;
  /** The partner's GLN. */
  recipient: string;
  /** Interchange control reference (UNB e5 = UNZ e2), unique per sender: the partner de-duplicates on it. */
  reference: string;
  /** When the interchange was prepared, ISO date and HH:MM (the caller's clock: core has none). */
  date: string;
  time: string;
  /** UNB e7, often the message type. */
  applicationReference?: string;
  test?: boolean;
};

export type MessageInput = {
  /** UNH e1 = UNT e2. */
  reference: string;
  type: string;
  /** EANCOM subset, e.g. EAN008. */
  associationCode: string;
  /** The body, BGM to the last segment before UNT. */
  body: SegmentSpec[];
};

/**
 * A complete interchange: UNA, UNB, each message between UNH and a UNT that counts its segments, and a UNZ
 * that counts the messages, references matching. Syntax UNOC:3 with the default separators; one segment per
 * line (line breaks are not syntax, and they make the files readable for support).
 */
export function writeInterchange(envelope: EnvelopeInput, messages: readonly MessageInput[]): string {
  const s = DEFAULT_SEPARATORS;
  const lines: string[] = [unaString(s)];
  const time = envelope.time.replace(':', '');
  lines.push(
    writeSegment(
      [
        'UNB',
        ['UNOC', '3'],
        [envelope.sender, '14'],
        [envelope.recipient, '14'],
        [ccyymmdd(envelope.date).slice(2), time],
        envelope.reference,
        null,
        envelope.applicationReference,
        null,
        null,
        'EANCOM',
        envelope.test ? '1' : null,
      ],
      s,
    ),
  );
  for (const m of messages) {
    lines.push(writeSegment(['UNH', m.reference, [m.type, 'D', '96A', 'UN', m.associationCode]], s));
    for (const spec of m.body) lines.push(writeSegment(spec, s));
    lines.push(writeSegment(['UNT', m.body.length + 2, m.reference], s));
  }
  lines.push(writeSegment(['UNZ', messages.length, envelope.reference], s));
  return lines.join('\n') + '\n';
}

/** DTM in format 102. */
export function dtm(qualifier: string, isoDate: string): SegmentSpec {
  return ['DTM', [qualifier, ccyymmdd(isoDate), '102']];
}

/** NAD with a GLN (agency 9). */
export function nad(qualifier: string, gln: string): SegmentSpec {
  return ['NAD', qualifier, [gln, null, '9']];
}

/**
 * The bytes of an interchange as its UNB declares them: UNOA to UNOK (UNOC, the one Carnet writes) are single-byte
 * ISO 8859 sets, written one byte per character (the writer has already turned anything beyond Latin-1 into its
 * nearest Latin-1 text); UNOW and UNOY are UTF-8.
 */
export function interchangeBytes(text: string): Uint8Array {
  const syntax = /^(?:UNA.{6}\s*)?UNB\+(UNO[A-Z])/.exec(text)?.[1];
  if (syntax === 'UNOW' || syntax === 'UNOY') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code <= 0xff ? code : 0x3f;
  }
  return bytes;
}
