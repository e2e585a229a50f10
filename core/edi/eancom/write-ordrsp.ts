import { dtm, type EnvelopeInput, type MessageInput, nad, type SegmentSpec, writeInterchange } from '../writer.ts';
import { freeText, itemSegments, netPrice, type OutboundItem, qty } from './write-common.ts';

export type LineResponse = 'accepted' | 'changed' | 'rejected';

/** LIN e2 (1229) for each answer, as the EANCOM EAN009 example uses them. */
export const LINE_ACTION: Record<LineResponse, string> = { accepted: '5', changed: '3', rejected: '7' };

export type OrderResponseLineInput = OutboundItem & {
  status: LineResponse;
  /** What we will deliver: the ordered quantity when accepted, the new one when changed; ignored when rejected. */
  quantity: number;
  unit?: string | null;
  /** A new delivery date for this line (changed lines). */
  deliveryDate?: string | null;
  unitPriceCents?: number | null;
  /** Why the line is changed or refused, in words the buyer reads. */
  reason?: string | null;
};

export type OrderResponseMessageInput = {
  messageReference: string;
  responseNumber: string;
  documentDate: string;
  /** The buyer's order number (RFF+ON), and its date. */
  orderNumber: string;
  orderDate?: string | null;
  /** The promised delivery date for the order. */
  deliveryDate?: string | null;
  buyer: string;
  supplier: string;
  deliveryPoint?: string | null;
  currency?: string | null;
  lines: OrderResponseLineInput[];
};

/**
 * BGM e3 (1225): 29 accepted without amendment when every line is, 27 not accepted when every line is
 * refused, 4 change otherwise (EANCOM.md § 3).
 */
export function responseFunction(lines: readonly { status: LineResponse }[]): string {
  if (lines.every((l) => l.status === 'accepted')) return '29';
  if (lines.length > 0 && lines.every((l) => l.status === 'rejected')) return '27';
  return '4';
}

/** ORDRSP (BGM 231) answering an EDI order once confirmed: accepted, changed and refused lines. */
export function orderResponseMessage(response: OrderResponseMessageInput): MessageInput {
  const body: SegmentSpec[] = [
    ['BGM', '231', response.responseNumber, responseFunction(response.lines)],
    dtm('137', response.documentDate),
  ];
  if (response.deliveryDate) body.push(dtm('2', response.deliveryDate));
  body.push(['RFF', ['ON', response.orderNumber]]);
  if (response.orderDate) body.push(dtm('171', response.orderDate));
  body.push(nad('BY', response.buyer), nad('SU', response.supplier));
  if (response.deliveryPoint) body.push(nad('DP', response.deliveryPoint));
  body.push(['CUX', ['2', response.currency ?? 'EUR', '9']]);
  for (const line of response.lines) {
    body.push(...itemSegments(line, LINE_ACTION[line.status]));
    // A refused line is named and nothing more, as in the EANCOM example: no quantity is promised.
    if (line.status !== 'rejected') body.push(qty('21', line.quantity, line.unit));
    if (line.deliveryDate && line.status !== 'rejected') body.push(dtm('2', line.deliveryDate));
    if (line.reason) body.push(freeText('AAO', line.reason));
    if (line.unitPriceCents !== null && line.unitPriceCents !== undefined && line.status !== 'rejected')
      body.push(netPrice(line.unitPriceCents));
  }
  body.push(['UNS', 'S'], ['CNT', ['2', response.lines.length]]);
  return { reference: response.messageReference, type: 'ORDRSP', associationCode: 'EAN005', body };
}

export function writeOrderResponses(envelope: EnvelopeInput, responses: readonly OrderResponseMessageInput[]): string {
  return writeInterchange({ applicationReference: 'ORDRSP', ...envelope }, responses.map(orderResponseMessage));
}
