import { isoFromCcyymmdd, isoFromYymmdd, timeFromHhmm } from './dates.ts';
import type { EdiMessage, InterchangeHeader, InterchangeParty, InterchangeTrailer, MessageHeader } from './envelope.ts';
import { type EdiLocation, EdiSyntaxError, type EdiWarning, type EdiWarningCode } from './errors.ts';
import { hasValidGs1CheckDigit } from '../catalog/packaging.ts';
import { type Segment, value } from './segment.ts';
import { DEFAULT_SEPARATORS, type Separators } from './separators.ts';

export type EdiEvent =
  | { type: 'interchange'; header: InterchangeHeader }
  | { type: 'message'; message: EdiMessage }
  /** trailer null: the interchange ended without UNZ (a warning says so). */
  | { type: 'interchange-end'; trailer: InterchangeTrailer | null }
  | { type: 'warning'; warning: EdiWarning };

/** A message longer than this has lost its UNT: refusing it keeps memory bounded on a broken file. */
export const MAX_MESSAGE_SEGMENTS = 200_000;

function at(
  segment: Segment,
  elementPosition: number | null,
  componentPosition: number | null,
  expected: string,
  found: string | null,
): EdiLocation {
  return {
    segmentIndex: segment.index,
    tag: segment.tag,
    elementPosition,
    componentPosition,
    byteOffset: segment.byteOffset,
    expected,
    found,
  };
}

function fail(
  segment: Segment,
  elementPosition: number | null,
  componentPosition: number | null,
  expected: string,
  found: string | null = null,
): never {
  throw new EdiSyntaxError(at(segment, elementPosition, componentPosition, expected, found));
}

function isTag(tag: string): boolean {
  if (tag.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = tag.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function isCount(s: string | null): s is string {
  if (!s || s.length > 9) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function required(segment: Segment, e: number, c: number, expected: string): string {
  return value(segment, e, c) ?? fail(segment, e, c, expected, null);
}

function count(segment: Segment, what: string): number {
  const raw = value(segment, 1, 1);
  if (!isCount(raw)) fail(segment, 1, 1, `the number of ${what} (digits)`, raw);
  return Number(raw);
}

/**
 * Turns segments into interchanges and messages, checking the envelope (ISO 9735): UNB … UNZ around UNH … UNT,
 * optional UNG … UNE groups. A structure readers could not trust throws an EdiSyntaxError located on the
 * segment and element; control counts and references that disagree — common in real files — are warnings.
 * Holds at most one message at a time, so memory stays bounded whatever the file size.
 */
export class InterchangeAssembler {
  private state: 'outside' | 'interchange' | 'message' = 'outside';
  private una: Separators | null = null;
  private interchange: InterchangeHeader | null = null;
  private messagesInInterchange = 0;
  private groupsInInterchange = 0;
  private group: { reference: string; segment: Segment; messages: number } | null = null;
  private message: EdiMessage | null = null;
  private last: Segment | null = null;

  push(segment: Segment, out: EdiEvent[]): void {
    this.last = segment;
    if (segment.unterminated)
      this.warn(
        out,
        'unterminated',
        at(segment, null, null, `a segment terminator`, 'the end of the file'),
        'the last segment has no terminator',
      );
    const tag = segment.tag;
    if (tag === 'UNA') return this.onUna(segment, out);
    if (!isTag(tag)) fail(segment, null, null, 'a segment tag of three capital letters or digits', tag);
    switch (tag) {
      case 'UNB':
        return this.onUnb(segment, out);
      case 'UNG':
        return this.onUng(segment, out);
      case 'UNE':
        return this.onUne(segment, out);
      case 'UNH':
        return this.onUnh(segment);
      case 'UNT':
        return this.onUnt(segment, out);
      case 'UNZ':
        return this.onUnz(segment, out);
      default:
        if (this.state === 'message') {
          const m = this.message!;
          if (m.segments.length >= MAX_MESSAGE_SEGMENTS)
            fail(segment, null, null, `UNT within ${MAX_MESSAGE_SEGMENTS} segments of UNH`, tag);
          m.segments.push(segment);
          return;
        }
        fail(segment, null, null, this.state === 'outside' ? 'UNB (or UNA) to open an interchange' : 'UNH to open a message', tag);
    }
  }

  /** End of the file: a message must be closed; a missing UNZ is tolerated and reported. */
  end(out: EdiEvent[], position: { segmentIndex: number; byteOffset: number }): void {
    const eof: EdiLocation = {
      segmentIndex: position.segmentIndex,
      tag: null,
      elementPosition: null,
      componentPosition: null,
      byteOffset: position.byteOffset,
      expected: '',
      found: 'the end of the file',
    };
    if (this.state === 'message') {
      const h = this.message!.header;
      throw new EdiSyntaxError({ ...eof, expected: `UNT closing message ${h.reference} (UNH in segment ${h.segmentIndex})` });
    }
    if (this.state === 'interchange') this.closeWithoutUnz(out, eof);
    else if (!this.last || this.last.tag === 'UNA') throw new EdiSyntaxError({ ...eof, expected: 'UNB: the file holds no interchange' });
  }

  private warn(out: EdiEvent[], code: EdiWarningCode, location: EdiLocation, message: string): void {
    out.push({ type: 'warning', warning: { ...location, code, message } });
  }

  private onUna(segment: Segment, out: EdiEvent[]): void {
    if (this.state === 'message') fail(segment, null, null, `UNT closing message ${this.message!.header.reference}`, 'UNA');
    if (this.state === 'interchange') this.closeWithoutUnz(out, at(segment, null, null, 'UNZ', 'UNA'));
    this.una = segment.una ?? null;
  }

  private closeWithoutUnz(out: EdiEvent[], location: EdiLocation): void {
    if (this.group) this.warn(out, 'missing-une', { ...location, expected: 'UNE' }, `group ${this.group.reference} has no UNE`);
    this.warn(out, 'missing-unz', { ...location, expected: 'UNZ' }, `interchange ${this.interchange!.reference} has no UNZ`);
    out.push({ type: 'interchange-end', trailer: null });
    this.reset();
  }

  private reset(): void {
    this.state = 'outside';
    this.interchange = null;
    this.group = null;
    this.messagesInInterchange = 0;
    this.groupsInInterchange = 0;
  }

  private onUnb(segment: Segment, out: EdiEvent[]): void {
    if (this.state === 'message') fail(segment, null, null, `UNT closing message ${this.message!.header.reference}`, 'UNB');
    if (this.state === 'interchange') this.closeWithoutUnz(out, at(segment, null, null, 'UNZ', 'UNB'));
    const warnings: EdiEvent[] = []; // reported after the interchange event, so they belong to it
    const syntaxIdentifier = required(segment, 1, 1, 'the syntax identifier (UNOA…UNOY)');
    const rawVersion = value(segment, 1, 2);
    if (!isCount(rawVersion)) fail(segment, 1, 2, 'the syntax version number (1 to 4)', rawVersion);
    const syntaxVersion = Number(rawVersion);
    const sender = this.party(segment, 2, 'the sender identification', warnings);
    const recipient = this.party(segment, 3, 'the recipient identification', warnings);
    const reference = required(segment, 5, 1, 'the interchange control reference');
    const rawDate = value(segment, 4, 1);
    const preparedDate = rawDate === null ? null : rawDate.length === 8 ? isoFromCcyymmdd(rawDate) : isoFromYymmdd(rawDate);
    if (rawDate !== null && preparedDate === null)
      this.warn(warnings, 'date', at(segment, 4, 1, 'a date YYMMDD or CCYYMMDD', rawDate), 'the preparation date is not a date');
    if (!(
      syntaxIdentifier.length === 4 &&
      syntaxIdentifier.startsWith('UNO') &&
      syntaxIdentifier[3] >= 'A' &&
      syntaxIdentifier[3] <= 'Y'
    )) {
      this.warn(
        warnings,
        'syntax-identifier',
        at(segment, 1, 1, 'UNOA…UNOY', syntaxIdentifier),
        'unknown syntax identifier; the text is read as UTF-8 or Latin-1 anyway',
      );
    }
    if (syntaxVersion < 1 || syntaxVersion > 4)
      this.warn(warnings, 'syntax-version', at(segment, 1, 2, 'a syntax version from 1 to 4', rawVersion), 'unknown syntax version');
    this.interchange = {
      syntaxIdentifier,
      syntaxVersion,
      sender,
      recipient,
      preparedDate,
      preparedTime: timeFromHhmm(value(segment, 4, 2)),
      reference,
      applicationReference: value(segment, 7, 1),
      ackRequested: value(segment, 9, 1) === '1',
      agreementId: value(segment, 10, 1),
      test: value(segment, 11, 1) === '1',
      separators: this.una ?? DEFAULT_SEPARATORS,
      segmentIndex: segment.index,
      byteOffset: segment.byteOffset,
    };
    this.una = null;
    this.state = 'interchange';
    out.push({ type: 'interchange', header: this.interchange }, ...warnings);
  }

  private party(segment: Segment, e: number, what: string, out: EdiEvent[]): InterchangeParty {
    const id = required(segment, e, 1, what);
    const qualifier = value(segment, e, 2);
    if (qualifier === '14' && !(id.length === 13 && hasValidGs1CheckDigit(id))) {
      this.warn(
        out,
        'party-id',
        at(segment, e, 1, 'a GLN (13 digits, valid check digit) with qualifier 14', id),
        `${what} is not a GLN although its qualifier says so`,
      );
    }
    return { id, qualifier, routing: value(segment, e, 3) };
  }

  private onUng(segment: Segment, out: EdiEvent[]): void {
    if (this.state !== 'interchange')
      fail(
        segment,
        null,
        null,
        this.state === 'outside' ? 'UNB before UNG' : `UNT closing message ${this.message!.header.reference}`,
        'UNG',
      );
    if (this.group) this.warn(out, 'missing-une', at(segment, null, null, 'UNE', 'UNG'), `group ${this.group.reference} has no UNE`);
    this.group = { reference: required(segment, 5, 1, 'the group reference'), segment, messages: 0 };
    this.groupsInInterchange++;
  }

  private onUne(segment: Segment, out: EdiEvent[]): void {
    if (this.state !== 'interchange' || !this.group)
      fail(
        segment,
        null,
        null,
        this.state === 'message' ? `UNT closing message ${this.message!.header.reference}` : 'UNG before UNE',
        'UNE',
      );
    const n = count(segment, 'messages in the group');
    const group = this.group;
    if (n !== group.messages)
      this.warn(
        out,
        'group-count',
        at(segment, 1, 1, String(group.messages), String(n)),
        `UNE counts ${n} messages, the group holds ${group.messages}`,
      );
    const reference = value(segment, 2, 1);
    if (reference !== group.reference)
      this.warn(out, 'reference-mismatch', at(segment, 2, 1, group.reference, reference), 'UNE reference differs from UNG');
    this.group = null;
  }

  private onUnh(segment: Segment): void {
    if (this.state !== 'interchange')
      fail(
        segment,
        null,
        null,
        this.state === 'outside' ? 'UNB before UNH' : `UNT closing message ${this.message!.header.reference}`,
        'UNH',
      );
    const header: MessageHeader = {
      reference: required(segment, 1, 1, 'the message reference number'),
      type: required(segment, 2, 1, 'the message type (ORDERS, DESADV…)'),
      version: value(segment, 2, 2),
      release: value(segment, 2, 3),
      agency: value(segment, 2, 4),
      associationCode: value(segment, 2, 5),
      groupReference: this.group?.reference ?? null,
      segmentIndex: segment.index,
      byteOffset: segment.byteOffset,
    };
    this.message = { header, segments: [segment] };
    this.state = 'message';
  }

  private onUnt(segment: Segment, out: EdiEvent[]): void {
    if (this.state !== 'message') fail(segment, null, null, 'UNH before UNT', 'UNT');
    const message = this.message!;
    message.segments.push(segment);
    const n = count(segment, 'segments in the message');
    const actual = message.segments.length;
    if (n !== actual)
      this.warn(
        out,
        'segment-count',
        at(segment, 1, 1, String(actual), String(n)),
        `UNT counts ${n} segments, message ${message.header.reference} has ${actual}`,
      );
    const reference = value(segment, 2, 1);
    if (reference !== message.header.reference) {
      this.warn(out, 'reference-mismatch', at(segment, 2, 1, message.header.reference, reference), 'UNT reference differs from UNH');
    }
    if (message.header.version !== 'D') {
      const h = message.segments[0];
      this.warn(out, 'message-version', at(h, 2, 2, 'D', message.header.version), 'UNH message version is not D');
    }
    this.message = null;
    this.state = 'interchange';
    this.messagesInInterchange++;
    if (this.group) this.group.messages++;
    out.push({ type: 'message', message });
  }

  private onUnz(segment: Segment, out: EdiEvent[]): void {
    if (this.state !== 'interchange')
      fail(
        segment,
        null,
        null,
        this.state === 'outside' ? 'UNB before UNZ' : `UNT closing message ${this.message!.header.reference}`,
        'UNZ',
      );
    if (this.group) this.warn(out, 'missing-une', at(segment, null, null, 'UNE', 'UNZ'), `group ${this.group.reference} has no UNE`);
    const n = count(segment, 'messages or groups in the interchange');
    // With groups, UNZ counts the groups (ISO 9735); without, the messages.
    const actual = this.groupsInInterchange > 0 ? this.groupsInInterchange : this.messagesInInterchange;
    if (n !== actual)
      this.warn(out, 'message-count', at(segment, 1, 1, String(actual), String(n)), `UNZ counts ${n}, the interchange holds ${actual}`);
    const header = this.interchange!;
    const reference = value(segment, 2, 1);
    if (reference !== header.reference)
      this.warn(out, 'reference-mismatch', at(segment, 2, 1, header.reference, reference), 'UNZ reference differs from UNB');
    out.push({ type: 'interchange-end', trailer: { count: n, reference, segmentIndex: segment.index } });
    this.reset();
  }
}
