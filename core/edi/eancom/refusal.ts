import type { EdiReason, EdiRefusalCode, ErrorParams } from '../../shared/error-codes.ts';
import { describeLocation, type EdiLocation } from '../errors.ts';
import type { Segment } from '../segment.ts';

/**
 * Why one message is refused whole, where a person cannot fix it from the queue (another customer named, a
 * quantity or a price beyond what an order holds): what (its code and params for the web, `what` in English for
 * the partner), and where, located as a syntax error is, so that the partner's support finds the segment. The
 * other messages of the interchange go on.
 */
export type EdiRefusal = { what: string; reason: EdiReason; location: EdiLocation };

/** A refusal on a segment, or on one of its components (both 1-based, as EDI operators count them). */
export function refuseAt(
  code: EdiRefusalCode,
  params: ErrorParams,
  what: string,
  segment: Segment,
  at: { element: number; component: number } | null,
  expected: string,
  found: string | null,
): EdiRefusal {
  return {
    what,
    reason: { code, params: { segment: segment.index, ...params } },
    location: {
      segmentIndex: segment.index,
      tag: segment.tag,
      elementPosition: at?.element ?? null,
      componentPosition: at?.component ?? null,
      byteOffset: segment.byteOffset,
      expected,
      found,
    },
  };
}

/** The reason stored with the message and answered to the partner. */
export function refusalText(refusal: EdiRefusal): string {
  return `${refusal.what}: ${describeLocation(refusal.location)}`;
}
