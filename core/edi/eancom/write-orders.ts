import { ccyymmdd } from '../dates.ts';
import { dtm, type EnvelopeInput, type MessageInput, nad, type SegmentSpec, writeInterchange } from '../writer.ts';
import { freeText, itemSegments, netPrice, type OutboundItem, qty } from './write-common.ts';

export type OrderLineInput = OutboundItem & {
  quantity: number;
  unit?: string | null;
  freeQuantity?: number | null;
  unitPriceCents?: number | null;
  deliveryDate?: string | null;
};

export type OrderMessageInput = {
  messageReference: string;
  orderNumber: string;
  documentDate: string;
  deliveryDate?: string | null;
  /** HH:MM: the delivery date is then written as format 203. */
  deliveryTime?: string | null;
  earliestDelivery?: string | null;
  latestDelivery?: string | null;
  buyer: string;
  supplier: string;
  deliveryPoint: string;
  invoicee?: string | null;
  currency?: string | null;
  /** 4493, written in SCC e2 (SC ship complete, BK back order, SP partial and cancel, IS substitute). */
  deliveryRequirement?: string | null;
  note?: string | null;
  lines: OrderLineInput[];
};

/**
 * An ORDERS message as a retailer's EDI sends it (EANCOM D.96A EAN008): what the demo generator and the
 * benchmarks feed to intake, so the inbound path is exercised with the demo partners' GLNs and codes.
 */
export function ordersMessage(order: OrderMessageInput): MessageInput {
  const body: SegmentSpec[] = [['BGM', '220', order.orderNumber, '9'], dtm('137', order.documentDate)];
  if (order.deliveryDate) {
    body.push(
      order.deliveryTime
        ? ['DTM', ['2', ccyymmdd(order.deliveryDate) + order.deliveryTime.replace(':', ''), '203']]
        : dtm('2', order.deliveryDate),
    );
  }
  if (order.earliestDelivery) body.push(dtm('64', order.earliestDelivery));
  if (order.latestDelivery) body.push(dtm('63', order.latestDelivery));
  if (order.note) body.push(freeText('AAI', order.note));
  body.push(nad('BY', order.buyer), nad('SU', order.supplier), nad('DP', order.deliveryPoint));
  if (order.invoicee) body.push(nad('IV', order.invoicee));
  body.push(['CUX', ['2', order.currency ?? 'EUR', '9']]);
  if (order.deliveryRequirement) body.push(['SCC', '1', order.deliveryRequirement]);
  for (const line of order.lines) {
    body.push(...itemSegments(line), qty('21', line.quantity, line.unit));
    if (line.freeQuantity) body.push(qty('192', line.freeQuantity, line.unit));
    if (line.deliveryDate) body.push(dtm('2', line.deliveryDate));
    if (line.unitPriceCents !== null && line.unitPriceCents !== undefined) body.push(netPrice(line.unitPriceCents));
  }
  body.push(['UNS', 'S'], ['CNT', ['2', order.lines.length]]);
  return { reference: order.messageReference, type: 'ORDERS', associationCode: 'EAN008', body };
}

export function writeOrders(envelope: EnvelopeInput, orders: readonly OrderMessageInput[]): string {
  return writeInterchange({ applicationReference: 'ORDERS', ...envelope }, orders.map(ordersMessage));
}
