import { describeLocation, type EdiLocation } from '../../core/edi/errors.ts';

/**
 * A malformed interchange as RFC 9457 problem details (the house format, server/http/problem.ts), located
 * by segment and element so the partner's support can find it: the CLI prints it, an HTTP intake returns it.
 */
export function ediSyntaxProblem(location: EdiLocation) {
  return {
    type: 'https://carnet.example/problems/edi-syntax',
    title: 'Malformed EDIFACT interchange',
    status: 422,
    code: 'EDI_SYNTAX',
    // The web says where in its own words; `detail` and `expected` stay English for the partner's operator.
    params: { segment: location.segmentIndex, tag: location.tag ?? '' },
    detail: describeLocation(location),
    segment: { index: location.segmentIndex, tag: location.tag, byteOffset: location.byteOffset },
    element: location.elementPosition === null ? null : { position: location.elementPosition, component: location.componentPosition },
    expected: location.expected,
    found: location.found,
  };
}
