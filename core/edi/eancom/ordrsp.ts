import type { EdiMessage } from '../envelope.ts';
import { type EdiOrder, type EdiOrderLine, readOrder } from './orders.ts';
import type { LineResponse } from './write-ordrsp.ts';

export type EdiOrderResponse = Omit<EdiOrder, 'lines'> & {
  /** From BGM e3: 29 accepted, 27 not accepted, 4 changed; null for a code we do not map. */
  response: LineResponse | null;
  lines: (EdiOrderLine & { response: LineResponse | null })[];
};

const BY_FUNCTION: Record<string, LineResponse> = { '29': 'accepted', '27': 'rejected', '4': 'changed' };
const BY_ACTION: Record<string, LineResponse> = { '5': 'accepted', '3': 'changed', '7': 'rejected' };

/** An ORDRSP read like an order (same skeleton, EANCOM.md § 3), with the answer of the message and each line. */
export function readOrderResponse(message: EdiMessage): EdiOrderResponse {
  const order = readOrder(message);
  return {
    ...order,
    response: order.messageFunction ? (BY_FUNCTION[order.messageFunction] ?? null) : null,
    lines: order.lines.map((line) => ({ ...line, response: line.action ? (BY_ACTION[line.action] ?? null) : null })),
  };
}
